"""Builds dist/chibo_<version>-<revision>_amd64.deb for Debian 12:

- /usr/lib/chibo        chibo and every dependency, from the locked manylinux wheels, Qt trimmed,
                        compiled ahead for Debian's own Python 3.11 (the one dependency on Python)
- /usr/bin/chibo        the command (and the desktop app with no command)
- the menu entry, its icon (hicolor PNGs and SVG) and the AppStream metainfo

Depends on python3 (3.11) and on the Debian libraries the shipped binaries load, worked out by
dpkg-shlibdeps, so `apt install ./chibo_….deb` (or `dpkg -i` where they are present) needs nothing
else. The book is never in the package: it lives in ~/.local/share/chibo, which removing or
purging the package leaves alone.

    .venv/bin/python installer/debian/build.py [--revision N]
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import shutil
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
import binaries  # noqa: E402
import buildlib  # noqa: E402
from buildlib import BUILD, DIST, ROOT, say  # noqa: E402

OUT = BUILD / "debian"
PACKAGE = OUT / "root"
LIB = PACKAGE / "usr" / "lib" / "chibo"
sys.path.insert(0, str(ROOT / "src"))
from chibo.ui.app import DESKTOP_ID  # noqa: E402  (the window names the same desktop entry)

MAINTAINER = "chibo developers <chibo@users.noreply.invalid>"
# The .pyc files and the cp311 modules need Python 3.11; the window needs a font with Vietnamese glyphs.
ALWAYS = ["python3 (>= 3.11)", "python3 (<< 3.12)", "fonts-dejavu-core"]
COMMAND = '''#!/usr/bin/python3 -I
"""chibo, from the Debian package: Debian's Python 3.11 with chibo's own libraries (/usr/lib/chibo).
-I keeps PYTHONPATH, the user's site-packages and the working folder out."""
import sys

sys.path.insert(0, "/usr/lib/chibo")
from chibo.cli.main import main  # noqa: E402

sys.exit(main())
'''


def commit_time() -> int:
    """When the commit being packaged was made: the release date and the files' dates (the same
    tree builds the same package); now, outside a git checkout."""
    try:
        return int(subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%ct"], check=True,
                                  capture_output=True, text=True).stdout.strip())
    except (OSError, subprocess.CalledProcessError, ValueError):
        return int(time.time())


def release_date() -> str:
    return datetime.fromtimestamp(commit_time(), UTC).strftime("%Y-%m-%d")


def desktop_files(version: str) -> None:
    share = PACKAGE / "usr" / "share"
    linux = ROOT / "resources" / "linux"
    (share / "applications").mkdir(parents=True)
    shutil.copy(linux / f"{DESKTOP_ID}.desktop", share / "applications")
    metainfo = (linux / f"{DESKTOP_ID}.metainfo.xml").read_text(encoding="utf-8")
    (share / "metainfo").mkdir(parents=True)
    (share / "metainfo" / f"{DESKTOP_ID}.metainfo.xml").write_text(
        metainfo.replace("@VERSION@", version).replace("@DATE@", release_date()), encoding="utf-8")
    for png in sorted((ROOT / "src" / "chibo" / "resources" / "icons").glob("chibo-*.png")):
        size = png.stem.split("-")[1]
        folder = share / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True)
        shutil.copy(png, folder / f"{DESKTOP_ID}.png")
    (share / "icons" / "hicolor" / "scalable" / "apps").mkdir(parents=True)
    shutil.copy(ROOT / "resources" / "icons" / "chibo.svg", share / "icons" / "hicolor" / "scalable" / "apps" /
                f"{DESKTOP_ID}.svg")
    for check in (["desktop-file-validate", share / "applications" / f"{DESKTOP_ID}.desktop"],
                  ["appstreamcli", "validate", "--no-net", share / "metainfo" / f"{DESKTOP_ID}.metainfo.xml"]):
        if shutil.which(check[0]):
            buildlib.run(check, stdout=subprocess.DEVNULL)
        else:
            say(f"{check[0]} not installed: not checked")


def documents(version: str, revision: str) -> None:
    doc = PACKAGE / "usr" / "share" / "doc" / "chibo"
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
        "Upstream-Name: chibo\n\n"
        "Files: *\nLicense: GPL-3.0-or-later\n"
        " On Debian systems the full text is in /usr/share/common-licenses/GPL-3.\n\n"
        "Files: usr/lib/chibo/*\nComment: chibo's dependencies, unpacked from their wheels; each one's\n"
        " license is in its usr/lib/chibo/*.dist-info folder (Qt and PySide6: LGPL-3.0).\n"
        "License: various\n", encoding="utf-8")
    stamp = datetime.now(UTC).strftime("%a, %d %b %Y %H:%M:%S +0000")
    changelog = (f"chibo ({version}-{revision}) bookworm; urgency=medium\n\n  * chibo {version}, built from "
                 f"the project's own tree.\n\n -- {MAINTAINER}  {stamp}\n")
    with gzip.GzipFile(doc / "changelog.Debian.gz", "wb", mtime=0) as stream:
        stream.write(changelog.encode("utf-8"))


def library_dependencies() -> list[str]:
    """dpkg-shlibdeps over every shipped ELF file: the Debian packages of the libraries they load
    that chibo does not ship itself."""
    elves = [p for p in LIB.rglob("*") if binaries.is_binary(p)]
    bundled_dirs = sorted({str(p.parent) for p in elves})
    work = OUT / "shlibdeps"
    (work / "debian").mkdir(parents=True)
    (work / "debian" / "control").write_text("Source: chibo\n\nPackage: chibo\nArchitecture: amd64\n",
                                             encoding="utf-8")
    result = subprocess.run(["dpkg-shlibdeps", "-O", "--ignore-missing-info", "--warnings=0",
                             *[f"-l{d}" for d in bundled_dirs], *map(str, elves)], cwd=work, capture_output=True,
                            text=True)
    if result.returncode != 0:
        raise SystemExit(f"dpkg-shlibdeps failed (a library the binaries load is not installed here?):\n"
                         f"{result.stderr}")
    line = next(text for text in result.stdout.splitlines() if text.startswith("shlibs:Depends="))
    return [part.strip() for part in line.split("=", 1)[1].split(",") if part.strip()]


def control(version: str, revision: str, depends: list[str]) -> str:
    installed_kb = sum(f.stat().st_size for f in PACKAGE.rglob("*") if f.is_file()) // 1024
    return (f"Package: chibo\nVersion: {version}-{revision}\nArchitecture: amd64\nMaintainer: {MAINTAINER}\n"
            f"Installed-Size: {installed_kb}\nDepends: {', '.join(depends)}\nSection: misc\nPriority: optional\n"
            "Description: Party cell's book: members, documents, sessions, minutes (sổ sách chi bộ)\n"
            " chibo keeps a Party cell's book offline: the member register, documents to\n"
            " study, sessions with attendance and minutes, essays, action plans and\n"
            " outreach; prints the papers in the Party's official format; carries signed\n"
            " bundles on a USB stick to the commune committee. Vietnamese throughout.\n"
            " .\n"
            " The book lives in ~/.local/share/chibo and is kept when the package is\n"
            " removed or purged.\n")


def normalise_modes() -> None:
    for path in PACKAGE.rglob("*"):
        if path.is_dir():
            path.chmod(0o755)
        elif path.is_file():
            path.chmod(0o644)
    (PACKAGE / "usr" / "bin" / "chibo").chmod(0o755)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--revision", default="1", help="the Debian revision (an upgrade test builds 2 over 1)")
    args = parser.parse_args()
    if not re.fullmatch(r"[0-9][0-9.+~]*", args.revision):
        raise SystemExit(f"not a Debian revision: {args.revision}")
    started = time.monotonic()
    version = buildlib.version()
    buildlib.clean(OUT)
    say(f"chibo {version}-{args.revision} for Debian 12: dependencies (locked wheels), Qt trimmed, compiled")
    removed = buildlib.fill_site(buildlib.DEBIAN, LIB, OUT)
    (PACKAGE / "usr" / "bin").mkdir(parents=True)
    (PACKAGE / "usr" / "bin" / "chibo").write_text(COMMAND, encoding="utf-8")
    say("menu entry, icons, metainfo, documents")
    desktop_files(version)
    documents(version, args.revision)
    normalise_modes()
    say("dependencies of the shipped libraries (dpkg-shlibdeps)")
    depends = ALWAYS + library_dependencies()
    (PACKAGE / "DEBIAN").mkdir()
    (PACKAGE / "DEBIAN" / "control").write_text(control(version, args.revision, depends), encoding="utf-8")
    report = buildlib.size_report(LIB, OUT / "sizes.txt")
    report += "\nleft out of PySide6:\n" + "".join(f"  {size / 1e6:7.1f} MB  {kind}\n" for kind, size in
                                                   sorted(removed.items(), key=lambda i: -i[1]))
    (OUT / "sizes.txt").write_text(report, encoding="utf-8")
    DIST.mkdir(exist_ok=True)
    deb = DIST / f"chibo_{version}-{args.revision}_amd64.deb"
    say("dpkg-deb")
    buildlib.run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", PACKAGE, deb], stdout=subprocess.DEVNULL,
                 env=buildlib.env_with(SOURCE_DATE_EPOCH=os.environ.get("SOURCE_DATE_EPOCH", str(commit_time()))))
    print(report)
    print("Depends: " + ", ".join(depends))
    print(f"installed {buildlib.human(buildlib.tree_size(PACKAGE))}; {deb.name} {buildlib.human(deb.stat().st_size)}; "
          f"built in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
