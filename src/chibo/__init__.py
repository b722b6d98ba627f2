"""chibo: the offline book of a Party cell (chi bộ)."""

from importlib import metadata as _metadata

try:
    __version__ = _metadata.version("chibo")
except _metadata.PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
