"""Kept only while cli.py names this module: `export --format markdown` is in markdown.py.

Delete this file when the commands import `crm_plan.render.markdown.export_markdown`.
"""

from crm_plan.render.markdown import export_markdown

__all__ = ["export_markdown"]
