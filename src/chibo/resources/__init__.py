"""Files shipped with chibo: fonts for printed papers, Qt translations."""
