"""How long this process has been running, counted from its start as the operating system saw it
(before Python itself was loaded), for the start-up marks of `chibo --smoke`.

- Linux: the process's start time from /proc/self/stat (field 22, in clock ticks since boot, so
  10 ms steps at the usual 100 Hz) against CLOCK_BOOTTIME, the clock that field counts on.
- Windows: the creation time GetProcessTimes gives, against the system time (100 ns steps).
- Elsewhere, or if those cannot be read: from the import of the `chibo` package, the first of
  chibo's code to run (`chibo.IMPORTED`), which leaves out the interpreter's own start."""

from __future__ import annotations

import os
import sys
import time


def _linux() -> float:
    with open("/proc/self/stat", "rb") as file:
        fields = file.read().rsplit(b")", 1)[1].split()  # the name in parentheses may hold spaces
    started = int(fields[19]) / os.sysconf("SC_CLK_TCK")  # field 22 overall; the 20th after the name
    return time.clock_gettime(time.CLOCK_BOOTTIME) - started


def _windows() -> float:
    import ctypes
    from ctypes import wintypes

    kernel = ctypes.windll.kernel32
    times = [wintypes.FILETIME() for _ in range(4)]
    if not kernel.GetProcessTimes(kernel.GetCurrentProcess(), *(ctypes.byref(t) for t in times)):
        raise OSError("GetProcessTimes")
    now = wintypes.FILETIME()
    kernel.GetSystemTimePreciseAsFileTime(ctypes.byref(now))

    def ticks(filetime) -> int:
        return (filetime.dwHighDateTime << 32) | filetime.dwLowDateTime

    return (ticks(now) - ticks(times[0])) / 10_000_000


def seconds_since_start() -> tuple[float, str]:
    """(seconds, what they are counted from)."""
    try:
        if sys.platform.startswith("linux"):
            return _linux(), "lúc tiến trình khởi động"
        if sys.platform == "win32":
            return _windows(), "lúc tiến trình khởi động"
    except (OSError, ValueError, IndexError, AttributeError):
        pass
    import chibo

    return time.perf_counter() - chibo.IMPORTED, "lúc nạp chibo"
