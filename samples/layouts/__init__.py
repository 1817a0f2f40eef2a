"""Form layouts: each turns one ``FormData`` into a list of pages of primitives.

``TUNING_LAYOUTS`` may be used to develop and tune parsers; ``HELDOUT_LAYOUTS``
are for evaluation only.
"""

from __future__ import annotations

from collections.abc import Callable

from samples.layouts import (cms, compact, grid, heldout, heldout2, heldout3, heldout4, heldout5, heldout6, heldout7,
                             heldout8, heldout9, heldout10, heldout11, heldout12, heldout13, heldout14,
                             heldout15)

__all__ = ["LAYOUTS", "TUNING_LAYOUTS", "HELDOUT_LAYOUTS", "LABEL_FONTS"]

LAYOUTS: dict[str, Callable] = {"cms": cms.build, "compact": compact.build, "grid": grid.build,
                                "heldout": heldout.build, "heldout2": heldout2.build, "heldout3": heldout3.build,
                                "heldout4": heldout4.build, "heldout5": heldout5.build,
                                "heldout6": heldout6.build, "heldout7": heldout7.build,
                                "heldout8": heldout8.build, "heldout9": heldout9.build,
                                "heldout10": heldout10.build, "heldout11": heldout11.build,
                                "heldout12": heldout12.build, "heldout13": heldout13.build,
                                "heldout14": heldout14.build, "heldout15": heldout15.build}
TUNING_LAYOUTS = ("cms", "compact", "grid")
HELDOUT_LAYOUTS = ("heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7",
                   "heldout8", "heldout9", "heldout10", "heldout11", "heldout12", "heldout13", "heldout14",
                   "heldout15")
#: label font (regular, bold, size) per layout
LABEL_FONTS: dict[str, tuple[str, str, float]] = {
    "cms": ("sans", "sans-bold", 8.5),
    "compact": ("sans-cond", "sans-cond-bold", 8.5),
    "grid": ("sans", "sans-bold", 8.0),
    "heldout": ("serif", "serif-bold", 9.5),
    "heldout2": ("sans", "sans-bold", 7.0),
    "heldout3": ("serif-cond", "serif-bold", 9.0),
    "heldout4": ("sans-cond", "sans-cond-bold", 6.5),
    "heldout5": ("sans", "sans-bold", 10.0),
    "heldout6": ("serif", "sans-bold", 8.0),
    "heldout7": ("serif-cond", "sans-cond-bold", 7.5),
    "heldout8": ("serif", "serif-bold", 7.0),
    "heldout9": ("mono", "mono-bold", 9.12),  # 38 px at 300 dpi: typed brackets fall where the PDF draws them
    "heldout10": ("sans-cond-bold", "sans-bold", 6.5),
    "heldout11": ("sans", "sans-bold", 7.5),
    "heldout12": ("sans", "sans-bold", 8.0),
    "heldout13": ("sans-cond", "sans-bold", 6.5),
    "heldout14": ("sans", "sans-bold", 8.5),  # font and size redrawn per document (sans or condensed, 8-9 pt)
    "heldout15": ("sans", "sans-bold", 7.0),  # font and size redrawn per document (sans or condensed, 6.5-8 pt)
}
