"""The command line: argparse commands over the same services as the GUI."""
