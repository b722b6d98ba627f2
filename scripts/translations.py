"""Update the interface's translations after strings changed in `src/chibo/ui`.

    .venv/bin/python scripts/translations.py          # lupdate, then lrelease
    .venv/bin/python scripts/translations.py --check  # exit 1 if the .ts is stale or unfinished

`pyside6-lupdate` collects every `tr("…")` and `QT_TR_NOOP("…")` of the interface into
`src/chibo/ui/locale/chibo_vi.ts` (new strings come in unfinished, strings gone are dropped);
translate the unfinished ones in Qt Linguist (`pyside6-linguist`) or in the XML, then run this
again: `pyside6-lrelease` compiles the `.qm` the package ships. Locations are left out of the
`.ts` so that moving code does not change it.

`qtbase_vi.ts` is Vietnamese for Qt's own dialogs (Qt ships no qtbase_vi.qm); it is written by
hand in Qt's contexts and only compiled here.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI = ROOT / "src" / "chibo" / "ui"
TS = UI / "locale" / "chibo_vi.ts"
QM = TS.with_suffix(".qm")
QT_TS = TS.with_name("qtbase_vi.ts")


def _tool(name: str) -> str:
    local = Path(sys.executable).with_name(name)
    return str(local) if local.exists() else name


def lupdate(ts: Path) -> None:
    sources = sorted(str(p) for p in UI.rglob("*.py"))
    subprocess.run([_tool("pyside6-lupdate"), "-locations", "none", "-no-obsolete", "-silent", "-source-language", "en",
                    "-target-language", "vi", *sources, "-ts", str(ts)], check=True)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([_tool("pyside6-lrelease"), "-removeidentical", "-silent", str(ts), "-qm", str(qm)], check=True)


def unfinished(ts: Path) -> int:
    return len(re.findall(r'type="unfinished"', ts.read_text(encoding="utf-8")))


def compiled_is_current(ts: Path) -> bool:
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "fresh.qm"
        lrelease(ts, fresh)
        return ts.with_suffix(".qm").exists() and fresh.read_bytes() == ts.with_suffix(".qm").read_bytes()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; fail if the .ts is stale")
    args = parser.parse_args(argv)
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / TS.name
            shutil.copy(TS, copy)
            lupdate(copy)
            stale = copy.read_bytes() != TS.read_bytes()
            missing = unfinished(copy)
        if stale or missing:
            print(f"{TS.name}: {'not up to date with the code; ' if stale else ''}{missing} strings untranslated")
            return 1
        old = [ts.name for ts in (TS, QT_TS) if not compiled_is_current(ts)]
        if old:
            print(f"not compiled since the last change: {', '.join(old)}")
            return 1
        print(f"{TS.name}: up to date, every string translated; the .qm files are current")
        return 0
    lupdate(TS)
    lrelease(TS, QM)
    lrelease(QT_TS, QT_TS.with_suffix(".qm"))
    left = unfinished(TS)
    print(f"{TS.relative_to(ROOT)} and {QM.name} written; {left} strings still untranslated")
    return 1 if left else 0


if __name__ == "__main__":
    sys.exit(main())
