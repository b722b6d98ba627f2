"""Checks what the Windows installer and the portable zip carry against the program folder the
build assembled: every file there, byte for byte the same size, every DLL and .pyd any binary
loads either inside or part of Windows, and the portable marker in the zip. Prints the counts and
the sizes.

    python installer/windows/check_package.py dist/chibo-cai-dat-<v>.exe dist/chibo-di-dong-<v>.zip

The installer is read with 7-Zip (it opens NSIS installers), the zip with Python."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
import binaries  # noqa: E402
from buildlib import BUILD, ROOT  # noqa: E402

PROGRAM = BUILD / "windows" / "chibo"


def expected() -> dict[str, int]:
    return {p.relative_to(PROGRAM).as_posix(): p.stat().st_size for p in PROGRAM.rglob("*") if p.is_file()}


def installer_files(setup: Path) -> dict[str, int | None]:
    """{path: size} of the installer's files (7-Zip gives no size for the uninstaller it writes)."""
    listing = subprocess.run(["7z", "l", "-slt", str(setup)], check=True, capture_output=True, text=True).stdout
    files, path = {}, None
    for line in listing.splitlines()[1:]:
        if line.startswith("Path = "):
            path = line[7:].replace("\\", "/")
            if not path.startswith("$PLUGINSDIR") and path != str(setup):
                files[path] = None
        elif line.startswith("Size = ") and line[7:].isdigit() and path in files:
            files[path] = int(line[7:])
    return files


def compare(name: str, carried: dict[str, int], wanted: dict[str, int]) -> list[str]:
    problems = [f"{name}: missing {path}" for path in wanted if path not in carried]
    problems += [f"{name}: {path} is {carried[path]} bytes, built {size}" for path, size in wanted.items()
                 if path in carried and carried[path] != size]
    return problems


def summary(name: str, files: dict[str, int]) -> str:
    dlls = [p for p in files if p.lower().endswith(".dll")]
    pyds = [p for p in files if p.lower().endswith(".pyd")]
    return (f"{name}: {len(files)} files, {sum(files.values()) / 1e6:.1f} MB unpacked; "
            f"{len(dlls)} DLLs ({sum(files[p] for p in dlls) / 1e6:.1f} MB), "
            f"{len(pyds)} .pyd ({sum(files[p] for p in pyds) / 1e6:.1f} MB)")


def main() -> int:
    setup, portable = Path(sys.argv[1]), Path(sys.argv[2])
    wanted = expected()
    problems = []

    carried = installer_files(setup)
    problems += compare(setup.name, carried, wanted)
    if "uninstall.exe" not in carried:
        problems.append(f"{setup.name}: no uninstall.exe")
    print(summary(setup.name, {p: s for p, s in carried.items() if p in wanted}))
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["7z", "x", "-y", f"-o{tmp}", str(setup)], check=True, stdout=subprocess.DEVNULL)
        shutil.rmtree(Path(tmp) / "$PLUGINSDIR", ignore_errors=True)
        for binary, names in binaries.unresolved_windows(Path(tmp)).items():
            problems.append(f"{setup.name}: {binary} loads {', '.join(sorted(names))}, neither shipped nor Windows'")

    sys.path.insert(0, str(ROOT / "src"))
    from chibo.paths import PORTABLE_MARKER

    with zipfile.ZipFile(portable) as archive:
        zipped = {i.filename.removeprefix("chibo/"): i.file_size for i in archive.infolist() if not i.is_dir()}
        bad = archive.testzip()
    if bad:
        problems.append(f"{portable.name}: {bad} is corrupt")
    if PORTABLE_MARKER not in zipped:
        problems.append(f"{portable.name}: no {PORTABLE_MARKER}, the book would not stay beside the program")
    problems += compare(portable.name, zipped, wanted)
    print(summary(portable.name, {p: s for p, s in zipped.items() if p in wanted}))

    for problem in problems:
        print(f"PROBLEM {problem}")
    if problems:
        return 1
    print(f"both carry all {len(wanted)} files of {PROGRAM.relative_to(ROOT)} at their built sizes; "
          "every DLL a binary loads is shipped or Windows'")
    return 0


if __name__ == "__main__":
    sys.exit(main())
