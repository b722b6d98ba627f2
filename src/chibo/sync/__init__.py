"""Sync bundles between a cell and its receiving level (DESIGN.md, "Sync bundles"): keys, export,
verification and merge. Nothing here imports Qt."""
