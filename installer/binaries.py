"""Which libraries a binary loads: the import tables of Windows DLLs, .pyd and .exe files (read
here, so the check runs the same on Linux and on a Windows runner), and the NEEDED entries of
Linux shared objects (readelf). Used to keep exactly the part of Qt chibo needs and to prove that
every library a shipped binary loads is shipped or comes with the system."""

from __future__ import annotations

import re
import struct
import subprocess
from pathlib import Path

IMPORT_DIRECTORY, DELAY_IMPORT_DIRECTORY = 1, 13

# Libraries Windows 10 itself provides (System32): a shipped binary may load these without shipping them.
WINDOWS_SYSTEM = {
    "advapi32", "authz", "bcrypt", "cfgmgr32", "comctl32", "comdlg32", "crypt32", "d2d1", "d3d11", "d3d12",
    "d3d9", "dbghelp", "dcomp", "dnsapi", "dwmapi", "dwrite", "dxgi", "gdi32", "gdiplus", "hid", "imm32",
    "iphlpapi", "kernel32", "mpr", "msvcrt", "ncrypt", "netapi32", "normaliz", "ntdll", "ole32", "oleacc",
    "oleaut32", "opengl32", "powrprof", "propsys", "psapi", "rpcrt4", "runtimeobject", "secur32", "setupapi",
    "shcore", "shell32", "shlwapi", "ucrtbase", "user32", "userenv", "usp10", "uxtheme", "version",
    "winhttp", "wininet", "winmm", "winspool", "wintrust", "ws2_32", "wtsapi32", "d3dcompiler_47",
    "cryptbase", "sspicli", "netutils", "uiautomationcore", "cabinet", "msi", "bcryptprimitives",
}  # not icu.dll nor icuuc.dll: Windows 10 1809 lacks icu.dll, so a binary that loads either must fail the check
WINDOWS_SYSTEM_PATTERN = re.compile(r"^(api-ms-win-|ext-ms-)", re.I)


def _pe_sections(data: bytes, pe: int):
    sections_count = struct.unpack_from("<H", data, pe + 6)[0]
    optional_size = struct.unpack_from("<H", data, pe + 20)[0]
    table = pe + 24 + optional_size
    for index in range(sections_count):
        size, address, raw_size, raw_pointer = struct.unpack_from("<IIII", data, table + 40 * index + 8)
        yield address, max(size, raw_size), raw_pointer


def _rva_to_offset(sections, rva: int) -> int | None:
    for address, size, raw_pointer in sections:
        if address <= rva < address + size:
            return rva - address + raw_pointer
    return None


def _c_string(data: bytes, offset: int) -> str:
    return data[offset: data.index(b"\0", offset)].decode("ascii", "replace")


def pe_imports(path: Path) -> set[str]:
    """Names of the DLLs a PE file imports, directly or delay-loaded, lower-cased."""
    data = path.read_bytes()
    if data[:2] != b"MZ":
        raise ValueError(f"{path}: not a Windows binary")
    pe = struct.unpack_from("<I", data, 0x3C)[0]
    if data[pe: pe + 4] != b"PE\0\0":
        raise ValueError(f"{path}: no PE header")
    optional = pe + 24
    magic = struct.unpack_from("<H", data, optional)[0]
    directories = optional + (112 if magic == 0x20B else 96)  # PE32+ or PE32
    sections = list(_pe_sections(data, pe))
    names = set()
    for directory, entry_size, name_field in ((IMPORT_DIRECTORY, 20, 12), (DELAY_IMPORT_DIRECTORY, 32, 4)):
        rva, size = struct.unpack_from("<II", data, directories + 8 * directory)
        offset = _rva_to_offset(sections, rva) if rva else None
        while offset is not None and size:
            name_rva = struct.unpack_from("<I", data, offset + name_field)[0]
            if not name_rva:
                break
            names.add(_c_string(data, _rva_to_offset(sections, name_rva)).lower())
            offset += entry_size
    return names


def is_windows_system(name: str) -> bool:
    stem = name.lower().rsplit(".", 1)[0]
    return stem in WINDOWS_SYSTEM or bool(WINDOWS_SYSTEM_PATTERN.match(name))


def elf_needed(path: Path) -> set[str]:
    output = subprocess.run(["readelf", "-d", str(path)], check=True, capture_output=True, text=True).stdout
    return set(re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", output))


def imports(path: Path) -> set[str]:
    return elf_needed(path) if ".so" in path.name else pe_imports(path)


def is_binary(path: Path) -> bool:
    name = path.name.lower()
    return path.is_file() and (name.endswith((".dll", ".pyd", ".exe")) or bool(re.search(r"\.so(\.|$)", name)))


def closure(roots: list[Path], shipped: dict[str, Path]) -> set[Path]:
    """The roots and every shipped library they load, however indirectly. `shipped` maps a file
    name (lower-cased on Windows) to its path."""
    keep, todo = set(), list(roots)
    while todo:
        path = todo.pop()
        if path in keep:
            continue
        keep.add(path)
        for name in imports(path):
            found = shipped.get(name) or shipped.get(name.lower())
            if found and found not in keep:
                todo.append(found)
    return keep


def unresolved_windows(root: Path) -> dict[str, set[str]]:
    """Every DLL some shipped binary imports that is neither shipped nor part of Windows: {binary: names}."""
    shipped = {p.name.lower() for p in root.rglob("*") if is_binary(p)}
    problems = {}
    for path in sorted(p for p in root.rglob("*") if is_binary(p)):
        missing = {name for name in pe_imports(path) if name not in shipped and not is_windows_system(name)}
        if missing:
            problems[str(path.relative_to(root))] = missing
    return problems
