"""Start-up of two ways of running chibo, measured alike: `--smoke` on the same demo book, from the
moment the process is spawned to the first paint of the main window (chibo prints the clock then)
and to the end of the process (the book opened and every page filled). Runs alternate, so a busy
moment hits both; with --cold the page cache is dropped before every run (root only), which is
what a PC sees on the first start after switching on. Prints the medians and their ratio.

    python3 installer/startup.py --runs 5 [--cold] --run NAME 'COMMAND …' --run NAME 'COMMAND …'
"""

from __future__ import annotations

import argparse
import os
import shlex
import statistics
import subprocess
import sys
import time
from pathlib import Path


def drop_caches() -> None:
    subprocess.run(["sync"], check=True)
    Path("/proc/sys/vm/drop_caches").write_text("3\n")


def once(command: list[str]) -> tuple[float, float]:
    spawned, start = time.time(), time.perf_counter()
    result = subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                            env={**os.environ, "CHIBO_SMOKE_MACHINE": "1"})  # the wall clock at each mark
    whole = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{shlex.join(command)} failed ({result.returncode}):\n{result.stdout}{result.stderr}")
    epoch = next(float(line.split()[1]) for line in result.stdout.splitlines() if line.startswith("first-paint-epoch"))
    return epoch - spawned, whole


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cold", action="store_true")
    parser.add_argument("--run", nargs=2, action="append", metavar=("NAME", "COMMAND"), required=True)
    args = parser.parse_args()
    times = {name: [] for name, _ in args.run}
    for _ in range(args.runs):
        for name, command in args.run:
            if args.cold:
                drop_caches()
            times[name].append(once(shlex.split(command)))
    kind = "cold (page cache dropped before each run)" if args.cold else "warm"
    print(f"start-up, {kind}, median of {args.runs} interleaved runs:")
    medians = {}
    for name, values in times.items():
        paint, whole = statistics.median(v[0] for v in values), statistics.median(v[1] for v in values)
        medians[name] = (paint, whole)
        print(f"  {name:<32} first paint {paint * 1000:6.0f} ms   book shown and exited {whole * 1000:6.0f} ms")
    if len(medians) > 1:
        (first, a), (second, b) = list(medians.items())[:2]
        print(f"  ratio {second} / {first}: first paint {b[0] / a[0]:.2f}, whole {b[1] / a[1]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
