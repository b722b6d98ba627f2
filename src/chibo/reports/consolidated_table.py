"""The consolidated report's parts that are drawn: the table of one document, one row per cell and
the total, with two header rows (landscape A4, 10 pt), and the bar chart of each cell's study rate
against the target (ReportLab's own graphics, no chart library)."""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import LongTable, Paragraph, TableStyle

from chibo.reports.consolidated_data import DocumentTable, forms_text, rate
from chibo.reports.fonts import SERIF, SERIF_BOLD
from chibo.reports.layout import LANDSCAPE_TEXT_WIDTH, TEXT_WIDTH, text
from chibo.text import format_count, format_percent

# Widths in mm of the columns around the unit's name and the essay grades (252 mm in all).
_LEFT = [8]  # TT
_MIDDLE = [12, 12, 13, 13, 16, 12]  # sessions, make-ups; members required, studied, rate, in a make-up
_RIGHT = [12, 12, 12, 14]  # essays not handed in; the cell's programmes, members' plans; non-members
FORMS_WIDTH, GRADE_WIDTH, NAME_MIN = 30, 11, 30
CHART_ROWS = 30  # more cells than this: the chart shows the lowest rates


def _styles():
    cell = ParagraphStyle("chibo-sum-cell", fontName=SERIF, fontSize=10, leading=12, alignment=TA_CENTER)
    return (cell, ParagraphStyle("chibo-sum-left", parent=cell, alignment=TA_LEFT),
            ParagraphStyle("chibo-sum-head", parent=cell, fontName=SERIF_BOLD),
            ParagraphStyle("chibo-sum-total", parent=cell, fontName=SERIF_BOLD))


def _widths(grades: int) -> list[float]:
    forms = FORMS_WIDTH
    name = LANDSCAPE_TEXT_WIDTH / mm - sum(_LEFT + _MIDDLE + _RIGHT) - forms - GRADE_WIDTH * grades
    if name < NAME_MIN:  # a long scale of grades takes room from the forms of study first
        forms, name = forms - (NAME_MIN - name), NAME_MIN
    return [w * mm for w in (*_LEFT, name, *_MIDDLE, *[GRADE_WIDTH] * grades, *_RIGHT, forms)]


def figure_cells(figures, grades: list[str]) -> list[str]:
    """The numbers of a row, after TT and the name, as both papers show them."""
    studied_rate = rate(figures)
    return [format_count(figures.sessions), format_count(figures.makeups), format_count(figures.required),
            format_count(figures.studied), format_percent(studied_rate) if studied_rate is not None else "",
            format_count(figures.studied_in_makeup),
            *(format_count(figures.essays_by_grade.get(g, 0)) for g in grades),
            format_count(figures.essays_missing), format_count(figures.cell_plans),
            format_count(figures.individual_plans), format_count(figures.non_members_reached),
            forms_text(figures.forms)]


def header_rows(grades: list[str]) -> tuple[list[str], list[str]]:
    """The two header rows: groups above, columns below ("" where a group's title spans)."""
    top = ["TT", "Chi bộ", "Buổi học tập", "", "Đảng viên", "", "", "", "Bài thu hoạch", *[""] * len(grades),
           "Chương trình, kế hoạch", "", "Quần chúng được tuyên truyền", "Hình thức học tập"]
    below = ["", "", "Học tập, quán triệt", "Học bù", "Phải học", "Đã học", "Tỷ lệ", "Trong đó học bù", *grades,
             "Chưa nộp", "Của chi bộ", "Cá nhân", "", ""]
    return top, below


def document_table(table: DocumentTable) -> LongTable:
    """The numbers are plain strings (a table of three hundred cells wraps only the names and the
    forms of study, which is where the time of a long table goes)."""
    cell, left, head, bold = _styles()
    grades = table.grades
    widths = _widths(len(grades))
    top, below = header_rows(grades)
    data = [[Paragraph(text(h), head) for h in top], [Paragraph(text(h), head) for h in below]]
    name_room, forms_room = widths[1] - 4, widths[-1] - 4  # less the cell's padding

    def wrapped(words: str, room: float):
        """A Paragraph only for what must wrap: a one-line string is drawn as it is, without
        ReportLab breaking it into lines again at every page a long table is split at (three
        hundred cells: most of the report's time)."""
        return words if stringWidth(words, SERIF, cell.fontSize) <= room else Paragraph(text(words), left)

    for index, (label, figures) in enumerate(table.rows, 1):
        *numbers, forms = figure_cells(figures, grades)
        data.append([str(index), wrapped(label, name_room), *numbers, wrapped(forms, forms_room)])
    *totals, forms = figure_cells(table.total, grades)
    data.append([Paragraph("Tổng cộng", bold), "", *totals, Paragraph(text(forms), bold)])
    essays_end = 8 + len(grades)  # the column of "Chưa nộp"
    last = len(data) - 1
    result = LongTable(data, colWidths=widths, repeatRows=2, spaceBefore=4, spaceAfter=8)
    result.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), SERIF), ("FONTSIZE", (0, 0), (-1, -1), cell.fontSize),
        ("FONTNAME", (0, last), (-1, last), SERIF_BOLD), ("ALIGN", (0, 2), (-1, -1), "CENTER"),
        ("ALIGN", (1, 2), (1, last - 1), "LEFT"), ("ALIGN", (-1, 2), (-1, last - 1), "LEFT"),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (1, 1)), ("SPAN", (2, 0), (3, 0)), ("SPAN", (4, 0), (7, 0)),
        ("SPAN", (8, 0), (essays_end, 0)), ("SPAN", (essays_end + 1, 0), (essays_end + 2, 0)),
        ("SPAN", (essays_end + 3, 0), (essays_end + 3, 1)), ("SPAN", (essays_end + 4, 0), (essays_end + 4, 1)),
        ("SPAN", (0, last), (1, last)),
        # The total never stands alone under the repeated header of a new page: no split between
        # it and the last cell's row (ReportLab forbids a split inside a NOSPLIT range of rows).
        ("NOSPLIT", (0, max(last - 1, 2)), (-1, last)),
    ]))
    return result


def rate_chart(table: DocumentTable, target: float) -> tuple[Drawing, bool]:
    """Each unit's study rate as a bar, the target as a dashed line; lowest first, at most
    CHART_ROWS bars (returns whether some were left out). A bar below the target says so in words."""
    bars = [(label, figures) for label, figures in table.rows if figures.required]
    bars.sort(key=lambda item: (rate(item[1]), item[0]))
    cut = len(bars) > CHART_ROWS
    bars = bars[:CHART_ROWS]
    row = 13
    label_width = 58 * mm
    figures_width = 52 * mm
    chart = HorizontalBarChart()
    chart.x, chart.y = label_width, 16
    chart.width = TEXT_WIDTH - label_width - figures_width
    chart.height = row * len(bars)
    chart.data = [[float(rate(f)) for _label, f in reversed(bars)]]  # the first category is drawn at the bottom
    chart.categoryAxis.categoryNames = [label for label, _f in reversed(bars)]
    chart.categoryAxis.labels.fontName, chart.categoryAxis.labels.fontSize = SERIF, 9
    chart.categoryAxis.labels.boxAnchor, chart.categoryAxis.labels.dx = "e", -8  # clear of the axis ticks
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 20
    chart.valueAxis.labels.fontName, chart.valueAxis.labels.fontSize = SERIF, 9
    chart.valueAxis.labelTextFormat = "%d%%"
    chart.bars[0].fillColor = colors.HexColor("#5b7fa6")
    chart.barSpacing, chart.groupSpacing = 1, 3
    drawing = Drawing(TEXT_WIDTH, chart.height + chart.y + 14)
    drawing.add(chart)
    x = chart.x + chart.width * min(target, 100.0) / 100
    drawing.add(Line(x, chart.y, x, chart.y + chart.height + 4, strokeColor=colors.black, strokeWidth=1,
                     strokeDashArray=[3, 2]))
    drawing.add(String(x, chart.y + chart.height + 6, f"chỉ tiêu {format_percent(target, 0)}", fontName=SERIF,
                       fontSize=9, textAnchor="middle"))
    for position, (_label, figures) in enumerate(reversed(bars)):
        value = rate(figures)
        said = f"{format_percent(value)} ({format_count(figures.studied)}/{format_count(figures.required)})"
        if value < target:
            said += " chưa đạt"
        drawing.add(String(chart.x + chart.width + 4, chart.y + row * position + row / 2 - 3, said, fontName=SERIF,
                           fontSize=9))
    return drawing, cut
