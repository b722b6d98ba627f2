"""The small pieces of a Party paper that ReportLab has no flowable for: the rule under
"ĐẢNG CỘNG SẢN VIỆT NAM", the short rule under a title, a dotted line to fill in by hand that
ends at the right margin, and headings that never stand alone at the foot of a page."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Table

from chibo.text import nfc

# Liberation Serif is metric-compatible with Times: the built-in Times metrics measure it without
# registering a font.
DOT_WIDTH_EM = stringWidth(".", "Times-Roman", 1000) / 1000
MIN_DOTS = 8  # fewer dots than this leave no room to write: the dots go to a line of their own
BIG = 10_000


class RuledLine(Flowable):
    """Centred text with a solid rule under it exactly as long as the text ("ĐẢNG CỘNG SẢN VIỆT NAM")."""

    def __init__(self, label: str, font: str, size: float, rule_width: float = 0.8):
        super().__init__()
        self.label, self.font, self.size, self.rule_width = nfc(label), font, size, rule_width
        self.text_width = stringWidth(self.label, font, size)

    def wrap(self, avail_width, avail_height):
        self.avail = avail_width
        return avail_width, self.size + 4

    def draw(self):
        x = (self.avail - self.text_width) / 2
        self.canv.setFont(self.font, self.size)
        self.canv.drawString(x, 4 + 0.22 * self.size, self.label)
        self.canv.setLineWidth(self.rule_width)
        self.canv.line(x, 1.5, x + self.text_width, 1.5)


class ShortRule(Flowable):
    """The short centred rule under the issuing body's star or a heading."""

    def __init__(self, width: float):
        super().__init__()
        self.rule = width

    def wrap(self, avail_width, avail_height):
        self.avail = avail_width
        return avail_width, 4

    def draw(self):
        x = (self.avail - self.rule) / 2
        self.canv.setLineWidth(0.6)
        self.canv.line(x, 2, x + self.rule, 2)


def _room_on_last_line(paragraph: Paragraph) -> float:
    """Width left free at the end of a wrapped paragraph's last line."""
    last = paragraph.blPara.lines[-1]
    return last.extraSpace if hasattr(last, "extraSpace") else last[0]


class FillIn(Flowable):
    """`prefix` (markup) followed by dots up to the right margin, on as many lines as the prefix
    takes and never one more: "- Chủ trì: ............". Sized when the width is known."""

    def __init__(self, prefix: str, style: ParagraphStyle):
        super().__init__()
        self.prefix, self.style = prefix, style
        self.paragraph: Paragraph | None = None

    def _filled(self, width: float) -> Paragraph:
        dot = DOT_WIDTH_EM * self.style.fontSize
        prefix = self.prefix.rstrip()
        if not prefix:
            return Paragraph("." * int((width - self.style.firstLineIndent) / dot - 1), self.style)
        alone = Paragraph(prefix, self.style)
        alone.wrap(width, BIG)
        lines = len(alone.blPara.lines)
        space = stringWidth(" ", self.style.fontName, self.style.fontSize)
        count = int((_room_on_last_line(alone) - space) / dot) - 1
        if count < MIN_DOTS:  # the prefix fills its last line: dots on a line of their own
            return Paragraph(f"{prefix}<br/>" + "." * int(width / dot - 1), self.style)
        while count >= MIN_DOTS:
            filled = Paragraph(f"{prefix} " + "." * count, self.style)
            filled.wrap(width, BIG)
            if len(filled.blPara.lines) == lines:
                return filled
            count -= 1
        return alone  # pragma: no cover (a line that holds MIN_DOTS dots once held them)

    def wrap(self, avail_width, avail_height):
        self.paragraph = self._filled(avail_width)
        return self.paragraph.wrap(avail_width, avail_height)

    def split(self, avail_width, avail_height):
        self.paragraph = self.paragraph or self._filled(avail_width)
        return self.paragraph.split(avail_width, avail_height)

    def draw(self):
        self.paragraph.drawOn(self.canv, 0, 0)

    def getSpaceBefore(self):
        return self.style.spaceBefore

    def getSpaceAfter(self):
        return self.style.spaceAfter


class Heading(Paragraph):
    """A section heading ("III. THẢO LUẬN"): `keep_with_next` puts a conditional page break before
    it, so it moves to the next page with what follows instead of ending a page."""


def _first_piece_height(flowable: Flowable, width: float) -> float:
    """The least of `flowable` that must follow a heading on its page: two lines of a paragraph
    (all of a shorter one), a table's header with its first row, anything else whole."""
    content = getattr(flowable, "_content", None)  # KeepTogether: its pieces, measured without a canvas
    if content is not None:
        return sum(piece.wrap(width, BIG)[1] + piece.getSpaceBefore() + piece.getSpaceAfter() for piece in content)
    _, height = flowable.wrap(width, BIG)
    if isinstance(flowable, Table):  # its repeated header rows and the first row under them
        rows = getattr(flowable, "_rowHeights", None) or [height]
        return sum(rows[:max(getattr(flowable, "repeatRows", 0) or 1, 1) + 1])
    if isinstance(flowable, Paragraph):
        style = flowable.style
        return min(height, 2 * style.leading) + flowable.getSpaceBefore()
    return height + flowable.getSpaceBefore()


def keep_headings_with_next(story: list[Flowable], width: float) -> list[Flowable]:
    """Before each heading, a CondPageBreak as tall as the heading (and any headings right after
    it) with the first piece of what follows; a heading at the end of the story needs itself."""
    result: list[Flowable] = []
    for index, flowable in enumerate(story):
        if isinstance(flowable, Heading) and not (index and isinstance(story[index - 1], Heading)):
            needed, following = 0.0, index
            while following < len(story) and isinstance(story[following], Heading):
                heading = story[following]
                needed += heading.wrap(width, BIG)[1] + heading.getSpaceBefore() + heading.getSpaceAfter()
                following += 1
            if following < len(story):
                needed += _first_piece_height(story[following], width)
            result.append(CondPageBreak(needed))
        result.append(flowable)
    return result
