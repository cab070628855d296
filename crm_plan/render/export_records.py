"""Kept only while cli.py names this module: `export --format csv|json` is in records.py.

Delete this file when the commands import `crm_plan.render.records.export_csv|export_json`.
"""

from crm_plan.render.records import export_csv, export_json

__all__ = ["export_csv", "export_json"]
