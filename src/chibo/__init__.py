"""chibo: the offline book of a Party cell (chi bộ)."""

import time as _time

IMPORTED = _time.perf_counter()  # the first of chibo's code to run: `process_clock` counts from it where it must


def __getattr__(name: str):
    """`chibo.__version__`, read from the installed metadata only when asked (importlib.metadata
    costs ~30 ms, paid by every start-up otherwise)."""
    if name != "__version__":
        raise AttributeError(name)
    from importlib import metadata

    try:
        return metadata.version("chibo")
    except metadata.PackageNotFoundError:  # running from a source tree that was never installed
        return "0+unknown"
