"""Commands of this area (see intake/cli/__init__.py).

``intake ocr FILE`` prints what reading and OCR made of a file, page by page:
an operator's debugging aid (it prints document text to the terminal, by
request; nothing of it is logged).
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from intake.config import Settings

COMMANDS: list[click.Command] = []

_NO_PREPROCESS = {
    "preprocess_orientation": False,
    "preprocess_deskew": False,
    "preprocess_despeckle": False,
    "preprocess_binarize": False,
    "preprocess_red_ink": False,
    "preprocess_upscale": False,
}


@click.command("ocr")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="print each page's PageText (and stamp_text) as JSON")
@click.option("--no-preprocess", is_flag=True, help="OCR the page images as read, without any preprocessing")
@click.pass_obj
def ocr_command(settings: Settings, file: Path, as_json: bool, no_preprocess: bool) -> None:
    """Read FILE (PDF, TIFF fax, JPEG, PNG, PBM) and print the text of every page."""
    from intake.ocr.reader import read_file
    from intake.ocr.recognize import recognize_pages

    if no_preprocess:
        settings = settings.model_copy(update=_NO_PREPROCESS)
    read = read_file(file, settings)
    pages = recognize_pages(read, settings)
    if as_json:
        out = {
            "kind": read.kind,
            "pages": [
                {
                    "number": rp.number,
                    "origin": page.origin,
                    "dpi_read": page.dpi,
                    "dpi_assumed": page.dpi_assumed,
                    "seconds": round(rp.seconds, 3),
                    "text": rp.text.model_dump(mode="json"),
                    "stamp_text": rp.stamp_text.model_dump(mode="json") if rp.stamp_text else None,
                }
                for page, rp in zip(read.pages, pages)
            ],
        }
        click.echo(json.dumps(out, indent=2))
        return
    for page, rp in zip(read.pages, pages):
        assumed = ", dpi assumed" if page.dpi_assumed else ""
        click.echo(
            f"=== page {rp.number}/{len(pages)}: {page.origin}, {rp.text.dpi} dpi{assumed}, "
            f"{len(rp.text.words)} words, conf {rp.text.mean_conf:.2f}, rotated {rp.text.rotation}, "
            f"{rp.seconds:.1f} s ==="
        )
        click.echo(rp.text.text)
        if rp.stamp_text is not None:
            click.echo(f"--- red stamp: {len(rp.stamp_text.words)} words, conf {rp.stamp_text.mean_conf:.2f} ---")
            click.echo(rp.stamp_text.text)


COMMANDS.append(ocr_command)
