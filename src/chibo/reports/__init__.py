"""Printed papers in the Party's format (Hướng dẫn 36-HD/VPTW), built with ReportLab.

Every builder takes an open database session and returns the PDF as bytes; `save_pdf` writes
them to disk atomically. Nothing here imports Qt.
"""

from chibo.reports.output import save_pdf

__all__ = ["save_pdf"]
