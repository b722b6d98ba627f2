"""A task in its own window: the first-run wizard, a member list import, key approval, a restore
bundle for a cell, the outgoing register, the recovery of a damaged book, a document's study."""
