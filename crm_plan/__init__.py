"""crmplan: the work plan of the CRM liaison-officer network, kept in one YAML file."""

__version__ = "0.1.0"
