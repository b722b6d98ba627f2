"""Sentences of the papers built from their parts, never by gluing stored titles together:
how a document is named and cited, how a committee is addressed, how a person's title follows
their name. Titles are read through `split_title`, so a title stored by an earlier release
("Kế hoạch của Đảng ủy xã về …") reads as well as one stored without its kind and number."""

from __future__ import annotations

import re

from chibo.services.documents import split_title
from chibo.store.models import Document
from chibo.text import body_date, fold
from chibo.vocabulary import (
    CELL_POSITION_LABELS,
    DOCUMENT_KIND_LABELS,
    ISSUING_LEVEL_LABELS,
    CellPosition,
    UnitRole,
    label,
)

# "Đảng bộ tỉnh Lai Châu" is the organisation; its committee, which receives papers, is "Tỉnh ủy
# Lai Châu". Below the province every committee is an "Đảng ủy" (xã, phường, đặc khu, cơ quan…).
_COMMITTEES = (("dang bo tinh ", "Tỉnh ủy "), ("dang bo thanh pho ", "Thành ủy "), ("dang bo huyen ", "Huyện ủy "),
               ("dang bo thi xa ", "Thị ủy "), ("dang bo quan ", "Quận ủy "), ("dang bo ", "Đảng ủy "))


def document_name(document: Document) -> str:
    """ "Nghị quyết số 57-NQ/TW" """
    return f"{label(document.kind, DOCUMENT_KIND_LABELS)} số {document.number_symbol}"


def document_subject(document: Document) -> str:
    """What the document is about, to follow its name: "về đột phá phát triển …"; never its kind,
    number or issuing body again. Empty only for a title that held nothing else."""
    return split_title(document.title, document.kind).subject


def document_issuer(document: Document) -> str:
    """The body a citation names: the one recorded, else the one the title names, else the name
    of the issuing level ("Trung ương", "Tỉnh ủy", "Đảng ủy xã")."""
    return (document.issuer or split_title(document.title, document.kind).issuer
            or label(document.issuing_level, ISSUING_LEVEL_LABELS))


def document_citation(document: Document) -> str:
    """ "Nghị quyết số 57-NQ/TW, ngày 22-12-2024 của Bộ Chính trị về đột phá phát triển …" """
    citation = document_name(document)
    if document.issued_on:
        citation += f", ngày {body_date(document.issued_on)}"
    citation += f" của {document_issuer(document)}"
    subject = document_subject(document)
    return f"{citation} {subject}" if subject else citation


def committee_name(organisation: str) -> str:
    """The committee that receives papers for an organisation: "Đảng bộ xã Nậm Xe" -> "Đảng ủy xã
    Nậm Xe", "Đảng bộ tỉnh Lai Châu" -> "Tỉnh ủy Lai Châu"; a committee's name is kept."""
    name = " ".join(organisation.split())
    folded = fold(name)
    for prefix, committee in _COMMITTEES:
        if folded.startswith(prefix):
            return committee + name[len(prefix):]
    return name


def official_title(position: str, role: str = UnitRole.CELL) -> str:
    """The title written after a name in a Party text: "Bí thư Chi bộ", "Phó Bí thư Chi bộ",
    "Chi ủy viên"; a member without office is "đảng viên" (not a title, lower case)."""
    body = "Đảng ủy" if role == UnitRole.RECEIVING else "Chi bộ"
    if position in (CellPosition.SECRETARY, CellPosition.DEPUTY):
        return f"{label(position, CELL_POSITION_LABELS)} {body}"
    if position == CellPosition.COMMITTEE:
        return "Đảng ủy viên" if role == UnitRole.RECEIVING else "Chi ủy viên"
    return "đảng viên"


def comrade(full_name: str, position: str | None = None, role: str = UnitRole.CELL) -> str:
    """ "đồng chí Giàng A Páo, Bí thư Chi bộ"; without an office, "đồng chí Lò Thị Ỷ". """
    if position and position != CellPosition.MEMBER:
        return f"đồng chí {full_name}, {official_title(position, role)}"
    return f"đồng chí {full_name}"


def mentions_day(text: str, day) -> bool:
    """Whether a title already carries the day ("Học bù ngày 15/06/2026"), in any spelling."""
    spellings = (f"{day.day:02d}/{day.month:02d}/{day.year}", f"{day.day}/{day.month}/{day.year}",
                 body_date(day), f"{day.day:02d}-{day.month:02d}-{day.year}")
    folded = fold(text)
    return any(s in folded for s in spellings) or bool(
        re.search(rf"\bngay 0?{day.day} thang 0?{day.month} nam {day.year}\b", folded))
