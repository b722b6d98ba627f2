"""What the sidebar opens: the overview, the member register, the lists of sessions, documents and
plans, outreach, the data exchange and the settings. Each page shows the book and opens editors
and dialogs; it reads and writes through `chibo.ui.operations`."""
