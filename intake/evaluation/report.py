"""Rich tables of the evaluation figures (field paths, counts and rates only: never values)."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

__all__ = ["print_report", "print_documents"]


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.1f}%"


def _num(value: float | None, digits: int = 2) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def _yes(value: bool | None) -> str:
    return "-" if value is None else ("ok" if value else "WRONG")


def print_documents(figures: dict[str, Any], console: Console) -> None:
    """One row per document: its file name (named by case), verdicts and counts; never a value."""
    table = Table(title="Per document")
    for column in ("document", "wrong", "silent", "receipt", "source", "kind", "decision", "crash"):
        table.add_column(column, justify="left" if column in ("document", "crash") else "right")
    for d in figures["per_document"]:
        receipt = _yes(d["receipt"]) if d["receipt"] is not False else ("SILENT" if d.get("receipt_silent") else "review")
        table.add_row(d["name"], str(len(d["wrong_fields"])), str(len(d["silent_fields"])), receipt,
                      _yes(d["source"]), _yes(d["kind"]), _yes(d["decision"]), d["crashed"] or "")
    console.print(table)


def print_report(figures: dict[str, Any], console: Console | None = None, *, documents: bool = False) -> None:
    if console is None:
        console = Console()
    if not console.is_terminal:
        console.width = max(console.width, 132)  # a file or pipe: full field paths rather than wrapping
    f = figures
    overview = Table(title=f"Evaluation: {f['documents']} documents", show_header=True)
    overview.add_column("measure")
    overview.add_column("value", justify="right")
    overview.add_column("of", justify="right")
    overview.add_row("field accuracy (null==null correct)", _pct(f["fields"]["accuracy"]), str(f["fields"]["compared"]))
    overview.add_row("field accuracy, filled fields only", _pct(f["fields"]["accuracy_non_null"]), "")
    overview.add_row("silent-error rate", _pct(f["fields"]["silent_rate"]), str(f["fields"]["silent_errors"]))
    overview.add_row("receipt to the minute", _pct(f["receipt"]["accuracy"]), str(f["receipt"]["judged"]))
    overview.add_row("  wrong and not in review[] (silent)", str(f.get("receipt_silent", 0)), "")
    overview.add_row("  in review[] (right or wrong)", str(f.get("receipt_reviewed", 0)), "")
    overview.add_row("receipt source", _pct(f["receipt_source"]["accuracy"]), str(f["receipt_source"]["judged"]))
    overview.add_row("document kind (email excluded)", _pct(f["kind"]["accuracy"]), str(f["kind"]["judged"]))
    overview.add_row("decision (status+missing+date check)", _pct(f["decision"]["accuracy"]), str(f["decision"]["judged"]))
    overview.add_row("  status", _pct(f["decision"]["status"]["accuracy"]), "")
    overview.add_row("  missing[] paths", _pct(f["decision"]["missing"]["accuracy"]), "")
    overview.add_row("  effective_date_check", _pct(f["decision"]["effective_date_check"]["accuracy"]), "")
    overview.add_row("records failing the contract schema", str(f["schema_invalid"]), "")
    overview.add_row("crashed documents", str(f["crashed"]), "")
    overview.add_row("seconds per page", _num(f["timing"]["seconds_per_page"]), str(f["timing"]["pages"]))
    console.print(overview)

    channels = Table(title="Per channel")
    for column in ("channel", "docs", "fields", "silent", "receipt", "source", "kind", "decision", "crashed", "s/page"):
        channels.add_column(column, justify="left" if column == "channel" else "right")
    for name, g in f["per_channel"].items():
        channels.add_row(name, str(g["documents"]), _pct(g["fields"]["accuracy"]), _pct(g["fields"]["silent_rate"]),
                         _pct(g["receipt"]["accuracy"]), _pct(g["source"]["accuracy"]), _pct(g["kind"]["accuracy"]),
                         _pct(g["decision"]["accuracy"]), str(g["crashed"]), _num(g["timing"]["seconds_per_page"]))
    console.print(channels)

    layouts = Table(title="Per layout ('-' = not an application; heldout = never tuned on)")
    for column in ("layout", "docs", "fields", "filled fields", "silent", "decision"):
        layouts.add_column(column, justify="left" if column == "layout" else "right")
    for name, g in f["per_layout"].items():
        layouts.add_row(name, str(g["documents"]), _pct(g["fields"]["accuracy"]), _pct(g["fields"]["accuracy_non_null"]),
                        _pct(g["fields"]["silent_rate"]), _pct(g["decision"]["accuracy"]))
    console.print(layouts)

    cases = Table(title="Per case")
    for column in ("case", "docs", "fields", "silent", "receipt", "decision", "crashed"):
        cases.add_column(column, justify="left" if column == "case" else "right")
    for name, g in f.get("per_case", {}).items():
        cases.add_row(name, str(g["documents"]), _pct(g["fields"]["accuracy"]), _pct(g["fields"]["silent_rate"]),
                      _pct(g["receipt"]["accuracy"]), _pct(g["decision"]["accuracy"]), str(g["crashed"]))
    console.print(cases)

    fields = Table(title="Per field")
    for column in ("field path", "accuracy", "of", "missed", "spurious", "silent"):
        fields.add_column(column, justify="left" if column == "field path" else "right")
    for path, g in f["per_field"].items():
        fields.add_row(path, _pct(g["accuracy"]), str(g["compared"]), str(g["missed"]), str(g["spurious"]),
                       str(g["silent_errors"]))
    console.print(fields)

    decision = f["decision"]
    if decision["missing_listed_not_expected"] or decision["missing_expected_not_listed"]:
        miss = Table(title="missing[] disagreements (field path: documents)")
        miss.add_column("listed, not expected")
        miss.add_column("expected, not listed")
        extra = [f"{p}: {n}" for p, n in sorted(decision["missing_listed_not_expected"].items())]
        absent = [f"{p}: {n}" for p, n in sorted(decision["missing_expected_not_listed"].items())]
        for i in range(max(len(extra), len(absent))):
            miss.add_row(extra[i] if i < len(extra) else "", absent[i] if i < len(absent) else "")
        console.print(miss)

    if f["crashes_by_code"]:
        crashes = Table(title="Crashes by error code")
        crashes.add_column("code")
        crashes.add_column("documents", justify="right")
        for code, n in sorted(f["crashes_by_code"].items()):
            crashes.add_row(code, str(n))
        console.print(crashes)

    if documents:
        print_documents(f, console)

    ocr = f.get("ocr")
    if ocr:
        table = Table(title="OCR character accuracy vs drawn text, and speed")
        for column in ("channel", "pages", "ours", "no preprocessing", "plain tesseract", "ours s/page",
                       "plain s/page"):
            table.add_column(column, justify="left" if column == "channel" else "right")
        for name, g in ocr.items():
            if name.startswith("_"):
                continue
            table.add_row(name, str(g["pages"]), _pct(g["char_accuracy"]), _pct(g["char_accuracy_no_preprocessing"]),
                          _pct(g["char_accuracy_plain_tesseract"]), _num(g["ours_seconds_per_page"]),
                          _num(g["plain_seconds_per_page"]))
        console.print(table)
