"""The commands: each module turns its options into one call of the core and renders the result.

Modules import the core and the renderers inside the function that needs them, so that a
command loads only what it uses; `crm_plan.cli` assembles them into the application.
"""
