"""The fonts the sample forms are drawn with, shared by both renderers.

DejaVu ships with the Debian base image (fonts-dejavu-core/-extra); the
Bitstream Vera fonts bundled inside reportlab are the fallback, so a machine
without DejaVu still renders (different bytes, same content).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

__all__ = ["FONT_KEYS", "font_path", "pil_font", "reportlab_font", "text_width", "wrap_words"]

_DEJAVU = Path("/usr/share/fonts/truetype/dejavu")

#: font key -> (DejaVu file, reportlab-bundled fallback)
_FILES: dict[str, tuple[str, str]] = {
    "sans": ("DejaVuSans.ttf", "Vera.ttf"),
    "sans-bold": ("DejaVuSans-Bold.ttf", "VeraBd.ttf"),
    "sans-oblique": ("DejaVuSans-Oblique.ttf", "VeraIt.ttf"),
    "sans-cond": ("DejaVuSansCondensed.ttf", "Vera.ttf"),
    "sans-cond-bold": ("DejaVuSansCondensed-Bold.ttf", "VeraBd.ttf"),
    "serif": ("DejaVuSerif.ttf", "Vera.ttf"),
    "serif-bold": ("DejaVuSerif-Bold.ttf", "VeraBd.ttf"),
    "serif-italic": ("DejaVuSerif-Italic.ttf", "VeraIt.ttf"),
    "serif-cond": ("DejaVuSerifCondensed.ttf", "Vera.ttf"),
    "mono": ("DejaVuSansMono.ttf", "Vera.ttf"),
    "mono-bold": ("DejaVuSansMono-Bold.ttf", "VeraBd.ttf"),
}
FONT_KEYS: tuple[str, ...] = tuple(_FILES)


@lru_cache(maxsize=None)
def font_path(key: str) -> Path:
    dejavu, vera = _FILES[key]
    candidate = _DEJAVU / dejavu
    if candidate.exists():
        return candidate
    import reportlab

    return Path(reportlab.__file__).parent / "fonts" / vera


@lru_cache(maxsize=256)
def pil_font(key: str, size_px: int):
    from PIL import ImageFont

    return ImageFont.truetype(str(font_path(key)), size_px)


@lru_cache(maxsize=None)
def reportlab_font(key: str) -> str:
    """Register the key's TTF with reportlab once; return the name to ``setFont`` with."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    name = f"S-{key}"
    pdfmetrics.registerFont(TTFont(name, str(font_path(key))))
    return name


def text_width(text: str, font: str, size: float) -> float:
    """The drawn width of ``text`` in points (measured as the 300 dpi renderer draws it)."""
    px = max(6, round(size * 300 / 72))
    return pil_font(font, px).getlength(text) * 72 / 300


def wrap_words(text: str, font: str, size: float, width: float) -> list[str]:
    """``text``'s words in lines no wider than ``width`` points (a word wider than that keeps a line)."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if line and text_width(trial, font, size) > width:
            lines.append(line)
            line = word
        else:
            line = trial
    return lines + [line] if line else lines
