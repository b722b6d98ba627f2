"""The Party document format (Hướng dẫn 36-HD/VPTW, the table in DOMAIN.md): A4, margins,
type sizes, the header with "ĐẢNG CỘNG SẢN VIỆT NAM", the signature blocks, "Nơi nhận:", and
the page number from page 2 on: a plain Arabic number, 14 pt upright, centred in the top margin.

The text frame has no padding, so paragraphs, tables and "Nơi nhận" all start on the 30 mm left
margin; headings are kept with what follows them (`flowables.keep_headings_with_next`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    LongTable,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from chibo import __version__
from chibo.reports.flowables import FillIn, Heading, RuledLine, ShortRule, keep_headings_with_next
from chibo.reports.fonts import SERIF, SERIF_BOLD, register_fonts
from chibo.text import nfc, party_date_line

PAGE = A4
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 20 * mm
MARGIN_LEFT = 30 * mm
MARGIN_RIGHT = 15 * mm
TEXT_WIDTH = PAGE[0] - MARGIN_LEFT - MARGIN_RIGHT  # 165 mm
LANDSCAPE_TEXT_WIDTH = PAGE[1] - MARGIN_LEFT - MARGIN_RIGHT  # 252 mm, for wide registers
PAGE_NUMBER_SIZE = 14

PARTY_NAME = "ĐẢNG CỘNG SẢN VIỆT NAM"


def text(value) -> str:
    """Plain text made safe for a Paragraph: NFC, XML-escaped, line breaks kept."""
    return escape(nfc(str(value))).replace("\n", "<br/>")


def caps(value: str) -> str:
    return nfc(value).upper()


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    body_left: ParagraphStyle
    heading: ParagraphStyle
    doc_type: ParagraphStyle
    summary: ParagraphStyle
    header_regular: ParagraphStyle
    header_bold: ParagraphStyle
    date_line: ParagraphStyle
    signature_bold: ParagraphStyle
    signature_regular: ParagraphStyle
    recipients_title: ParagraphStyle
    recipients: ParagraphStyle
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    cell_head: ParagraphStyle
    note: ParagraphStyle


def make_styles() -> Styles:
    family = register_fonts()
    base = ParagraphStyle("chibo-body", fontName=family, fontSize=14, leading=18, alignment=TA_JUSTIFY,
                          firstLineIndent=10 * mm, spaceAfter=3)
    center = {"alignment": TA_CENTER, "firstLineIndent": 0, "spaceAfter": 0}
    cell = ParagraphStyle("chibo-cell", fontName=family, fontSize=12, leading=14.5, alignment=TA_LEFT)
    return Styles(
        body=base,
        body_left=ParagraphStyle("chibo-body-left", parent=base, alignment=TA_LEFT, firstLineIndent=0),
        heading=ParagraphStyle("chibo-heading", parent=base, fontName=SERIF_BOLD, firstLineIndent=0, spaceBefore=6,
                               alignment=TA_LEFT),
        doc_type=ParagraphStyle("chibo-type", parent=base, fontName=SERIF_BOLD, fontSize=16, leading=20,
                                spaceBefore=16, **center),
        summary=ParagraphStyle("chibo-summary", parent=base, fontName=SERIF_BOLD, fontSize=14, leading=18,
                               spaceBefore=2, **center),
        header_regular=ParagraphStyle("chibo-hr", parent=base, leading=17, **center),
        header_bold=ParagraphStyle("chibo-hb", parent=base, fontName=SERIF_BOLD, leading=17, **center),
        date_line=ParagraphStyle("chibo-date", parent=base, fontName=family, leading=17, **center),
        signature_bold=ParagraphStyle("chibo-sb", parent=base, fontName=SERIF_BOLD, leading=17, **center),
        signature_regular=ParagraphStyle("chibo-sr", parent=base, leading=17, **center),
        recipients_title=ParagraphStyle("chibo-rt", parent=base, fontSize=14, leading=17,
                                        firstLineIndent=0, alignment=TA_LEFT, spaceAfter=0),
        recipients=ParagraphStyle("chibo-r", parent=base, fontSize=12, leading=15, firstLineIndent=0,
                                  alignment=TA_LEFT, spaceAfter=0),
        cell=cell,
        cell_center=ParagraphStyle("chibo-cell-c", parent=cell, alignment=TA_CENTER),
        cell_head=ParagraphStyle("chibo-cell-h", parent=cell, fontName=SERIF_BOLD, alignment=TA_CENTER),
        note=ParagraphStyle("chibo-note", parent=base, fontSize=13, leading=16, firstLineIndent=0, alignment=TA_LEFT),
    )


@dataclass(frozen=True)
class Letterhead:
    superior_name: str  # "Đảng bộ xã Nậm Xe"
    issuing_name: str  # "Chi bộ bản Nậm Cáy"
    place_name: str
    issued_on: date
    number_symbol: str | None = None  # "05-BB/CB"; None: the paper carries no number


def letterhead_block(styles: Styles, head: Letterhead, width: float = TEXT_WIDTH) -> Table:
    """Two columns: the bodies on the left, the Party's name and the date line on the right."""
    left_width = 72 * mm
    right_width = width - left_width
    number = f"Số {text(head.number_symbol)}" if head.number_symbol else ""
    date_line = f"<i>{text(party_date_line(head.place_name, head.issued_on))}</i>" if head.place_name else ""
    rows = [
        [Paragraph(text(caps(head.superior_name)), styles.header_regular), RuledLine(PARTY_NAME, SERIF_BOLD, 15)],
        [Paragraph(text(caps(head.issuing_name)), styles.header_bold), ""],
        [Paragraph("*", styles.header_regular), ""],
        [Paragraph(number, styles.header_regular), Paragraph(date_line, styles.date_line)],
    ]
    table = Table(rows, colWidths=[left_width, right_width])
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), SERIF),  # empty cells would otherwise set Helvetica
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ("TOPPADDING", (0, 3), (-1, 3), 4),
    ]))
    return table


def title_block(styles: Styles, doc_type: str, summary: str = "", *, summary_caps: bool = False) -> list[Flowable]:
    flowables = [Paragraph(text(caps(doc_type)), styles.doc_type)]
    if summary:
        flowables.append(Paragraph(text(caps(summary) if summary_caps else summary), styles.summary))
    flowables += [Spacer(1, 6), ShortRule(30 * mm), Spacer(1, 8)]
    return flowables


@dataclass(frozen=True)
class Signature:
    """`T/M CHI BỘ` (bold) over `BÍ THƯ` (regular), room to sign, the name (bold). Without an
    on-behalf line the title is the top line and is bold ("THƯ KÝ", "CHỦ TRÌ")."""

    title: str
    name: str = ""
    on_behalf: str = ""


def signature_block(styles: Styles, signature: Signature) -> list[Flowable]:
    lines = []
    if signature.on_behalf:
        lines.append(Paragraph(text(caps(signature.on_behalf)), styles.signature_bold))
        lines.append(Paragraph(text(caps(signature.title)) or "&nbsp;", styles.signature_regular))
    else:
        lines.append(Paragraph(text(caps(signature.title)), styles.signature_bold))
        # Two title lines always, so that two blocks side by side put their names on one line.
        lines.append(Paragraph("&nbsp;", styles.signature_regular))
    lines.append(Spacer(1, 22 * mm))  # room for the signature and the seal
    lines.append(Paragraph(text(signature.name) if signature.name else "&nbsp;", styles.signature_bold))
    return lines


def recipient_lines(recipients: list[str]) -> list[str]:
    """Under "Nơi nhận:" each line starts with "- " and ends with ",", the last with "."."""
    names = [nfc(r).strip().rstrip(",.;") for r in recipients if nfc(r).strip().rstrip(",.;")]
    return [f"- {name}{'.' if index == len(names) - 1 else ','}" for index, name in enumerate(names)]


def recipients_block(styles: Styles, recipients: list[str]) -> list[Flowable]:
    lines = [Paragraph("<u>Nơi nhận:</u>", styles.recipients_title)]
    lines += [Paragraph(text(line), styles.recipients) for line in recipient_lines(recipients)]
    return lines


def closing_block(styles: Styles, left: list[Flowable], right: list[Flowable], width: float = TEXT_WIDTH) -> Table:
    """The end of a paper: "Nơi nhận:" or a second signature on the left, a signature on the right."""
    table = Table([[left or "", right or ""]], colWidths=[width / 2, width / 2])
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), SERIF),  # empty cells would otherwise set Helvetica
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]))
    return table


def grid_table(styles: Styles, header: list[str], rows: list[list], widths_mm: list[float], *,
               center_columns: tuple[int, ...] = (0,), min_row_height: float | None = None,
               repeat_header: bool = True, width: float = TEXT_WIDTH):
    """A ruled table for lists (members, items): the header row repeats on every page."""
    widths = [w * mm for w in widths_mm]
    assert abs(sum(widths) - width) < 1, "a table must fit the text width"

    def cell(value, column):
        if isinstance(value, Flowable):
            return value
        style = styles.cell_center if column in center_columns else styles.cell
        return Paragraph(text(value if value is not None else ""), style)

    data = [[Paragraph(text(h), styles.cell_head) for h in header]]
    data += [[cell(value, column) for column, value in enumerate(row)] for row in rows]
    table = LongTable(data, colWidths=widths, repeatRows=1 if repeat_header else 0, spaceBefore=4, spaceAfter=4)
    # A row at least `min_row_height` tall (room to sign) that still grows with wrapped text.
    body_padding = max(2.0, ((min_row_height or 0) - styles.cell.leading) / 2)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), SERIF),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 1), (-1, -1), body_padding),
        ("BOTTOMPADDING", (0, 1), (-1, -1), body_padding),
    ]))
    return table


class PaperPdf(bytes):
    """A paper's PDF bytes that also say what the paper is, for the outgoing register."""

    doc_type: str = ""
    summary: str = ""
    recipients: tuple[str, ...] = ()


def _page_number(canvas, document) -> None:
    """HD 36: from page 2 on, the number alone, 14 pt upright, centred in the top margin (of the
    page as it is turned: an appendix on landscape pages has its number in its own top margin)."""
    number = canvas.getPageNumber()
    if number < 2:
        return
    width, height = canvas._pagesize
    canvas.saveState()
    canvas.setFont(SERIF, PAGE_NUMBER_SIZE)
    middle = height - MARGIN_TOP / 2
    canvas.drawCentredString(MARGIN_LEFT + (width - MARGIN_LEFT - MARGIN_RIGHT) / 2, middle - 0.33 * PAGE_NUMBER_SIZE,
                             str(number))
    canvas.restoreState()


@dataclass
class Paper:
    """A paper being built: its letterhead, type and summary, and the body flowables."""

    head: Letterhead
    doc_type: str
    summary: str = ""
    author: str = ""
    styles: Styles = field(default_factory=make_styles)
    body: list[Flowable] = field(default_factory=list)
    wide: bool = False  # landscape, for a register whose columns need it
    # The minutes set their summary in capitals ("SINH HOẠT CHI BỘ ĐỊNH KỲ THÁNG 10 NĂM 2026");
    # the summary itself stays as written, for the register and the PDF's title.
    summary_caps: bool = False
    recipients: list[str] = field(default_factory=list)  # as printed under "Nơi nhận:"
    # After the signature, on landscape pages of their own: a table attached to the paper ("Biểu
    # tổng hợp kèm theo Báo cáo số …"), too wide for a portrait page.
    appendix: list[Flowable] = field(default_factory=list)

    @property
    def width(self) -> float:
        return LANDSCAPE_TEXT_WIDTH if self.wide else TEXT_WIDTH

    def para(self, markup: str, style: ParagraphStyle | None = None) -> None:
        """Add a paragraph of markup (callers escape their values with `text`)."""
        self.body.append(Paragraph(markup, style or self.styles.body))

    def fill_in(self, prefix: str = "", style: ParagraphStyle | None = None) -> None:
        """A line to fill in by hand: `prefix` (markup) and dots to the right margin, never wrapping
        onto a line of its own."""
        self.body.append(FillIn(prefix, style or self.styles.body))

    def close(self, left: list[Flowable], right: list[Flowable]) -> None:
        """End with the closing blocks, kept on one page with the last paragraph before them, so
        a signature never stands alone on the last page."""
        last = [self.body.pop()] if self.body and isinstance(self.body[-1], Paragraph) else []
        self.body.append(KeepTogether([*last, Spacer(1, 10), closing_block(self.styles, left, right, self.width)]))

    def close_with_recipients(self, recipients: list[str], right: list[Flowable]) -> None:
        """"Nơi nhận:" on the left (kept for the register), the signature on the right."""
        self.recipients = list(recipients)
        self.close(recipients_block(self.styles, recipients), right)

    def heading(self, label: str) -> None:
        """A section heading, moved to the next page with what follows rather than ending a page."""
        self.body.append(Heading(text(label), self.styles.heading))

    def build(self) -> PaperPdf:
        buffer = BytesIO()
        pagesize = landscape(PAGE) if self.wide else PAGE
        document = BaseDocTemplate(
            buffer,
            pagesize=pagesize,
            leftMargin=MARGIN_LEFT,
            rightMargin=MARGIN_RIGHT,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=nfc(f"{self.doc_type} {self.summary}".strip()),
            author=nfc(self.author),
            creator=f"chibo {__version__}",
            lang="vi-VN",
            # The canvas starts every page in Helvetica, which is never embedded; start in ours.
            initialFontName=SERIF,
            initialFontSize=14,
        )
        # No padding: the frame's edges are the margins, where paragraphs and tables both start.
        frame = Frame(MARGIN_LEFT, MARGIN_BOTTOM, document.width, document.height, id="text",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        templates = [PageTemplate(id="paper", frames=[frame], onPage=_page_number)]
        story = [letterhead_block(self.styles, self.head, self.width),
                 *title_block(self.styles, self.doc_type, self.summary, summary_caps=self.summary_caps), *self.body]
        story = keep_headings_with_next(story, self.width)
        if self.appendix:
            turned = landscape(PAGE)
            wide = Frame(MARGIN_LEFT, MARGIN_BOTTOM, turned[0] - MARGIN_LEFT - MARGIN_RIGHT,
                         turned[1] - MARGIN_TOP - MARGIN_BOTTOM, id="appendix", leftPadding=0, rightPadding=0,
                         topPadding=0, bottomPadding=0)
            templates.append(PageTemplate(id="appendix", frames=[wide], onPage=_page_number, pagesize=turned))
            story += [NextPageTemplate("appendix"), PageBreak(),
                      *keep_headings_with_next(self.appendix, LANDSCAPE_TEXT_WIDTH)]
        document.addPageTemplates(templates)
        document.build(story)
        pdf = PaperPdf(buffer.getvalue())
        pdf.doc_type, pdf.summary, pdf.recipients = self.doc_type, self.summary, tuple(self.recipients)
        return pdf
