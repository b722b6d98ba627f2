"""Who signs a receiving level's papers. A commune's book keeps no member register of its own (each
cell keeps its own and sends it up), so the names printed under "T/M ĐẢNG ỦY / BÍ THƯ" on the
consolidated report and under "NGƯỜI LẬP DANH SÁCH" on the list of cells not yet reported are
settings of the book, typed once (Cài đặt → Đơn vị, or `chibo signers`)."""

from __future__ import annotations

from dataclasses import dataclass

from chibo.services.cleaning import NAME_LENGTH, clean_text
from chibo.store.book import get_setting, set_setting

SIGNERS_SETTING = "signers"


@dataclass(frozen=True)
class Signers:
    secretary: str = ""  # Bí thư of the committee: signs its reports
    compiler: str = ""  # who draws up its lists

    def as_json(self) -> dict:
        return {"secretary": self.secretary, "compiler": self.compiler}


def load_signers(db) -> Signers:
    kept = get_setting(db, SIGNERS_SETTING) or {}
    return Signers(str(kept.get("secretary") or ""), str(kept.get("compiler") or ""))


def save_signers(db, *, secretary: str | None = None, compiler: str | None = None) -> Signers:
    """Either name, checked as a person's name is (one line, no hidden characters, at most
    NAME_LENGTH); None keeps the name held, "" clears it."""
    held = load_signers(db)
    signers = Signers(
        held.secretary if secretary is None else clean_text(secretary, "tên Bí thư ký báo cáo", max_length=NAME_LENGTH),
        held.compiler if compiler is None else clean_text(compiler, "tên người lập danh sách", max_length=NAME_LENGTH))
    set_setting(db, SIGNERS_SETTING, signers.as_json())
    return signers
