"""Kept only while cli.py names this module: `export --format html` is in html.py.

Delete this file when the commands import `crm_plan.render.html.export_html`.
"""

from crm_plan.render.html import export_html

__all__ = ["export_html"]
