"""Screenplay model → industry-format PDF: settings, layout on a character grid, drawing."""
from adapt.writers.pdf.document import write_pdf
from adapt.writers.pdf.settings import A4, DEFAULT, PdfSettings

__all__ = ["A4", "DEFAULT", "PdfSettings", "write_pdf"]
