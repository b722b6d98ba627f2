"""The serif every paper is set in: Liberation Serif (SIL OFL), metric-compatible with Times New
Roman and complete for Vietnamese, shipped in `chibo/resources/fonts` and embedded as a subset."""

from __future__ import annotations

from importlib import resources

SERIF = "ChiboSerif"
SERIF_BOLD = "ChiboSerif-Bold"
SERIF_ITALIC = "ChiboSerif-Italic"
SERIF_BOLD_ITALIC = "ChiboSerif-BoldItalic"

_FILES = {
    SERIF: "LiberationSerif-Regular.ttf",
    SERIF_BOLD: "LiberationSerif-Bold.ttf",
    SERIF_ITALIC: "LiberationSerif-Italic.ttf",
    SERIF_BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}

_registered = False


def register_fonts() -> str:
    """Register the family once per process; returns its name for paragraph styles."""
    global _registered
    if _registered:
        return SERIF
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    folder = resources.files("chibo.resources") / "fonts"
    for name, file_name in _FILES.items():
        with resources.as_file(folder / file_name) as path:
            pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(SERIF, normal=SERIF, bold=SERIF_BOLD, italic=SERIF_ITALIC, boldItalic=SERIF_BOLD_ITALIC)
    for bold, italic, name in ((0, 0, SERIF), (1, 0, SERIF_BOLD), (0, 1, SERIF_ITALIC), (1, 1, SERIF_BOLD_ITALIC)):
        addMapping(SERIF, bold, italic, name)
    _registered = True
    return SERIF
