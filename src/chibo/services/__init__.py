"""The cell's use cases as plain functions over a database session (`db`).

The GUI and the command line call the same functions; nothing here imports Qt. Functions raise
`chibo.errors.ValidationError` (a Vietnamese sentence) for input they refuse, before anything
is written.
"""
