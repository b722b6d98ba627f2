"""The layers of DESIGN.md hold: the core (store, services, sync, reports, text and the small
modules beside them) imports and runs with no Qt loaded, so the command line and the tests run
headless; nothing below the interface imports `chibo.ui` or `chibo.cli`; each core layer imports
only the layers under it; and no two core modules import each other, even from inside a function."""

from __future__ import annotations

import ast
import functools
import json
import os
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
CHIBO = SRC / "chibo"
CORE = ("store", "services", "sync", "reports", "text", "vocabulary", "errors", "paths")
# What each core layer may not import (DESIGN.md: ui and cli on top; sync and reports over services
# over store; text, vocabulary, errors and paths under everything).
FORBIDDEN = {
    "store": {"services", "sync", "reports", "ui", "cli"},
    "services": {"sync", "reports", "ui", "cli"},
    "sync": {"reports", "ui", "cli"},
    "reports": {"sync", "ui", "cli"},
    "text": {"store", "services", "sync", "reports", "ui", "cli"},
    "vocabulary": {"store", "services", "sync", "reports", "ui", "cli"},
    "errors": {"store", "services", "sync", "reports", "ui", "cli"},
    "paths": {"store", "services", "sync", "reports", "ui", "cli"},
}
# The demo cell issues its minutes and programme as a cell would, so its builder prints them.
ALLOWED = {("services/demo.py", "chibo.reports.papers")}


def module_name(path: Path, root: Path = SRC) -> str:
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def core_files() -> list[Path]:
    """Every module of the core; the Alembic scripts run only inside Alembic, never imported."""
    files = []
    for layer in CORE:
        folder = CHIBO / layer
        found = sorted(folder.rglob("*.py")) if folder.is_dir() else [CHIBO / f"{layer}.py"]
        files += [p for p in found if "migrations" not in p.relative_to(CHIBO).parts]
    return files


def _is_module(name: str, root: Path) -> bool:
    path = root.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


@functools.cache
def imports_of(path: Path, root: Path = SRC) -> list[tuple[int, str]]:
    """(line, module) for every import in the file, at the top, in functions, in branches alike.
    `from a import b` is `a.b` when b is a module, else `a`. Imports only a type checker reads
    (`if TYPE_CHECKING:`) never run, and are left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {id(n) for node in ast.walk(tree) if isinstance(node, ast.If)
                   and getattr(node.test, "id", getattr(node.test, "attr", "")) == "TYPE_CHECKING"
                   for n in ast.walk(node)}
    package = module_name(path, root)
    if path.name != "__init__.py":
        package = package.rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: resolved against the file's package
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            for alias in node.names:
                full = f"{base}.{alias.name}"
                found.append((node.lineno, full if _is_module(full, root) else base))
        elif (isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant)
              and isinstance(node.args[0].value, str)
              and getattr(node.func, "attr", getattr(node.func, "id", "")) in ("import_module", "__import__")):
            found.append((node.lineno, node.args[0].value))
    return found


def test_the_core_imports_with_no_qt_loaded():
    """Every core module imported in a fresh interpreter: PySide6 (or its shiboken) never loads."""
    names = [module_name(p) for p in core_files()]
    assert len(names) > 80 and "chibo.services.sessions" in names and "chibo.reports.minutes" in names
    code = ("import importlib, json, sys\n"
            f"for name in {names!r}:\n"
            "    importlib.import_module(name)\n"
            "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                            env={**os.environ, "PYTHONPATH": str(SRC)})
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


def test_nothing_below_the_interface_imports_it():
    """Not `chibo.ui`, not `chibo.cli`, from any module that is not one of them (the entry point
    `chibo/__main__.py` aside, which is the command line's)."""
    below = [p for p in CHIBO.rglob("*.py")
             if p.relative_to(CHIBO).parts[0] not in ("ui", "cli") and p.name != "__main__.py"]
    assert len(below) > 80
    found = [(str(p.relative_to(CHIBO)), line, name) for p in below for line, name in imports_of(p)
             if name.split(".")[:2] in (["chibo", "ui"], ["chibo", "cli"])]
    assert found == []


def test_each_core_layer_imports_only_the_layers_under_it():
    found = []
    for path in core_files():
        relative = path.relative_to(CHIBO)
        layer = relative.parts[0].removesuffix(".py")
        for line, name in imports_of(path):
            parts = name.split(".")
            if (parts[0] == "chibo" and len(parts) > 1 and parts[1] in FORBIDDEN[layer]
                    and (relative.as_posix(), name) not in ALLOWED):
                found.append((relative.as_posix(), line, name))
    assert found == []


def import_cycles(files: list[Path], root: Path = SRC) -> list[list[str]]:
    """Groups of modules that import each other, directly or round a loop (Tarjan's strongly
    connected components)."""
    modules = {module_name(p, root): p for p in files}
    graph = {name: {t for _line, t in imports_of(path, root) if t in modules and t != name}
             for name, path in modules.items()}
    index, low, stack, on_stack, groups = {}, {}, [], set(), []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def test_no_two_core_modules_import_each_other():
    assert import_cycles(core_files()) == []


def test_the_cycle_check_finds_a_cycle_made_inside_functions(tmp_path):
    """The check can fail: store.backup and store.schema importing each other, as they did, each
    from inside a function, and a third module round a loop of three."""
    root = tmp_path / "src"
    sources = {"chibo/__init__.py": "", "chibo/store/__init__.py": "from chibo.store.book import Book\n",
               "chibo/store/book.py": "from chibo.store import schema\n",
               "chibo/store/backup.py": "def check():\n    from chibo.store.schema import read_revision\n",
               "chibo/store/schema.py": "def upgrade():\n    from chibo.store import backup\n",
               "chibo/services/a.py": "from chibo.services import b\n",
               "chibo/services/b.py": "def f():\n    import chibo.services.c\n",
               "chibo/services/c.py": "if True:\n    from chibo.services.a import x\n"}
    for relative, text in sources.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text)
    assert import_cycles(sorted(root.rglob("*.py")), root) == [
        ["chibo.services.a", "chibo.services.b", "chibo.services.c"], ["chibo.store.backup", "chibo.store.schema"]]
