"""Kept only while cli.py names this module: `export --format docx` is in docx.py.

Delete this file when the commands import `crm_plan.render.docx.export_docx`.
"""

from crm_plan.render.docx import export_docx

__all__ = ["export_docx"]
