"""The desktop app (PySide6 widgets): a thin client of chibo.services."""
