"""Documents and machine formats: one module per format, each with its one escaper."""
