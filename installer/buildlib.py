"""What the Windows and Debian builds share: the project's one version, the locked wheels, unpacking
them, leaving out the parts of Qt chibo never loads, compiling, and saying what takes the room.

Run by installer/build.sh through the checkout's .venv (Python 3.11, the version both packages run:
the .pyc files compiled here are only valid for 3.11)."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INSTALLER = ROOT / "installer"
BUILD = ROOT / "build"
DIST = ROOT / "dist"
WHEEL_CACHE = BUILD / "wheels"  # downloaded once, checked against the lock's sha256 every time
PYTHON = "3.11"


@dataclass(frozen=True)
class Target:
    name: str
    platforms: tuple[str, ...]  # pip's --platform tags, all of them (pip does not widen manylinux tags)
    lock: Path

    @property
    def pip_platform_args(self) -> list[str]:
        args = []
        for tag in self.platforms:
            args += ["--platform", tag]
        return [*args, "--python-version", PYTHON, "--implementation", "cp", "--abi", "cp311", "--abi", "abi3",
                "--abi", "none", "--only-binary=:all:"]


# Debian 12 has glibc 2.36: every manylinux tag up to it installs there.
MANYLINUX = (*(f"manylinux_2_{minor}_x86_64" for minor in range(36, 16, -1)), "manylinux2014_x86_64")
WINDOWS = Target("windows", ("win_amd64",), INSTALLER / "windows" / "requirements.txt")
DEBIAN = Target("debian", MANYLINUX, INSTALLER / "debian" / "requirements.txt")
TARGETS = {target.name: target for target in (WINDOWS, DEBIAN)}


def project() -> dict:
    """pyproject.toml's [project] table: the one place the version is written."""
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def version() -> str:
    return project()["version"]


def numeric_version(text: str | None = None) -> tuple[int, int, int, int]:
    """0.1.0 -> (0, 1, 0, 0), for Windows' four-part file versions (a suffix such as .dev1 is dropped)."""
    numbers = [int(part) for part in re.findall(r"\d+", (text or version()).split("+")[0])[:4]]
    return tuple(numbers + [0] * (4 - len(numbers)))


def say(message: str) -> None:
    print(f"[build] {message}", flush=True)


def run(command: list, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([str(part) for part in command], check=True, **kwargs)


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def locked_files(lock: Path) -> dict[str, str]:
    """The lock's wheels: {file name: sha256}, from the comment that ends each line."""
    files = {}
    for line in lock.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^\S+==\S+ --hash=sha256:([0-9a-f]{64})\s+#\s+(\S+)$", line)
        if match:
            files[match.group(2)] = match.group(1)
    if not files:
        raise SystemExit(f"{lock}: no locked wheel; run installer/lock.py")
    return files


def download_locked(target: Target) -> list[Path]:
    """The target's wheels, exactly the lock's files and hashes (pip checks the hashes; so does this)."""
    folder = WHEEL_CACHE / target.name
    folder.mkdir(parents=True, exist_ok=True)
    wanted = locked_files(target.lock)
    missing = [name for name in wanted if not (folder / name).is_file() or sha256(folder / name) != wanted[name]]
    if missing:
        say(f"downloading {len(missing)} locked wheels for {target.name}")
        run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--require-hashes", "-r", target.lock,
             "-d", folder, *target.pip_platform_args])
    wheels = []
    for name, digest in wanted.items():
        path = folder / name
        if not path.is_file() or sha256(path) != digest:
            raise SystemExit(f"{name}: missing or not the locked file (sha256 {digest})")
        wheels.append(path)
    return wheels


def chibo_wheel(out: Path) -> Path:
    """chibo itself, as a wheel built from this checkout (its dist-info carries the version)."""
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", out, ROOT])
    (wheel,) = out.glob("chibo-*.whl")
    return wheel


def unpack_wheel(wheel: Path, site: Path) -> None:
    """A wheel's files into `site` (what pip would put in site-packages); its .data/purelib and
    platlib go there too, console scripts are not needed (the launchers replace them)."""
    with zipfile.ZipFile(wheel) as archive:
        for member in archive.infolist():
            name = member.filename
            parts = name.split("/")
            if parts[0].endswith(".data"):
                if len(parts) < 3 or parts[1] not in ("purelib", "platlib"):
                    continue
                name = "/".join(parts[2:])
            destination = site / name
            if not destination.resolve().is_relative_to(site.resolve()):
                raise SystemExit(f"{wheel.name}: entry {member.filename} leaves the folder")
            if member.is_dir():
                destination.mkdir(parents=True, exist_ok=True)
                continue
            destination.parent.mkdir(parents=True, exist_ok=True)
            with archive.open(member) as source, open(destination, "wb") as sink:
                shutil.copyfileobj(source, sink)
            mode = member.external_attr >> 16
            if mode & 0o111:
                destination.chmod(0o755)


def compile_tree(site: Path) -> None:
    """Byte-compile everything ahead, with hashes that are never checked against the sources: the
    installed program never writes __pycache__ (it may not be allowed to) and never stats a source
    to validate a .pyc. Only valid for the interpreter's minor version, hence the check."""
    if f"{sys.version_info.major}.{sys.version_info.minor}" != PYTHON:
        raise SystemExit(f"the build needs Python {PYTHON} (the packages run it); this is {sys.version.split()[0]}")
    run([sys.executable, "-m", "compileall", "-q", "-j", "0", "--invalidation-mode", "unchecked-hash", site],
        stdout=subprocess.DEVNULL)


def fill_site(target: Target, site: Path, work: Path) -> dict[str, int]:
    """`site` filled as the package ships it: the target's locked wheels and chibo's own unpacked,
    Qt trimmed to what chibo loads, everything compiled. Returns the bytes the trim removed, by kind."""
    import qt_trim

    site.mkdir(parents=True, exist_ok=True)
    for wheel in download_locked(target):
        unpack_wheel(wheel, site)
    unpack_wheel(chibo_wheel(work / "chibo-wheel"), site)
    removed = qt_trim.trim(site, target.name)
    compile_tree(site)
    return removed


def tree_size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def size_report(root: Path, out: Path, depth_of: dict[str, int] | None = None) -> str:
    """What takes the room: each top-level package of site-packages and the biggest files."""
    files = sorted((f for f in root.rglob("*") if f.is_file()), key=lambda f: f.stat().st_size, reverse=True)
    total = sum(f.stat().st_size for f in files)
    groups: dict[str, int] = {}
    for f in files:
        rel = f.relative_to(root).parts
        key = "/".join(rel[: (depth_of or {}).get(rel[0], 1) + 1] if len(rel) > 1 else rel)
        groups[key] = groups.get(key, 0) + f.stat().st_size
    lines = [f"{root.name}: {total / 1e6:.1f} MB in {len(files)} files", "", "by folder:"]
    lines += [f"  {size / 1e6:7.1f} MB  {name}" for name, size in sorted(groups.items(), key=lambda i: -i[1])[:25]]
    lines += ["", "biggest files:"]
    lines += [f"  {f.stat().st_size / 1e6:7.1f} MB  {f.relative_to(root)}" for f in files[:20]]
    text = "\n".join(lines) + "\n"
    out.write_text(text, encoding="utf-8")
    return text


def human(size: int) -> str:
    return f"{size / 1e6:.1f} MB"


def clean(path: Path) -> Path:
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    return path


def env_with(**values: str) -> dict:
    return {**os.environ, **values}
