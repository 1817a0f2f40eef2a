"""Commands of this area (see intake/cli/__init__.py): ``intake samples generate`` and ``intake eval``."""

from __future__ import annotations

from pathlib import Path

import click

__all__ = ["COMMANDS"]


def _split(value: str | None) -> tuple[str, ...] | None:
    if not value:
        return None
    return tuple(part.strip() for part in value.split(",") if part.strip())


@click.group("samples")
def samples_group() -> None:
    """Realistic sample documents with ground truth (made-up people only)."""


@samples_group.command("generate")
@click.argument("out", type=click.Path(file_okay=False, path_type=Path))
@click.option("--count", default=20, show_default=True, type=click.IntRange(1, 10_000), help="documents to write")
@click.option("--seed", default=1, show_default=True, type=int, help="same seed, same bytes")
@click.option("--layouts", default=None,
              help="comma list of cms,compact,grid (tuning) and/or heldout,heldout2,heldout3,heldout4,heldout5,"
                   "heldout6,heldout7,heldout8,heldout9,heldout10,heldout11,heldout12,heldout13,heldout14,heldout15 "
                   "(evaluation only)")
@click.option("--channels", default=None, help="comma list of fax,mail,docusign,portal,email")
@click.option("--cases", default=None, help="comma list of case names (default: the built-in curriculum)")
def generate_command(out: Path, count: int, seed: int, layouts: str | None, channels: str | None,
                     cases: str | None) -> None:
    """Write COUNT documents under OUT/<channel>/ and their truth under OUT/truth/<channel>/."""
    from samples.cases import ALL_CHANNELS, CASES
    from samples.generate import generate
    from samples.layouts import LAYOUTS, TUNING_LAYOUTS

    chosen_layouts = _split(layouts) or TUNING_LAYOUTS
    chosen_channels = _split(channels) or ALL_CHANNELS
    chosen_cases = _split(cases)
    for name in chosen_layouts:
        if name not in LAYOUTS:
            raise click.BadParameter(f"unknown layout {name!r}; choose from {', '.join(LAYOUTS)}")
    for name in chosen_channels:
        if name not in ALL_CHANNELS:
            raise click.BadParameter(f"unknown channel {name!r}; choose from {', '.join(ALL_CHANNELS)}")
    for name in chosen_cases or ():
        if name not in CASES:
            raise click.BadParameter(f"unknown case {name!r}; choose from {', '.join(sorted(CASES))}")
    written = generate(out, count, seed, layouts=chosen_layouts, channels=chosen_channels, cases=chosen_cases)
    by_channel: dict[str, int] = {}
    for item in written:
        by_channel[item.channel] = by_channel.get(item.channel, 0) + 1
    summary = ", ".join(f"{channel} {n}" for channel, n in sorted(by_channel.items()))
    click.echo(f"wrote {len(written)} documents to {out} ({summary})")


@click.command("eval")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--json", "json_out", type=click.Path(dir_okay=False, path_type=Path), help="write every figure here")
@click.option("--ocr", is_flag=True, help="also measure OCR character accuracy and speed vs plain tesseract")
@click.option("--limit", type=click.IntRange(1), default=None, help="only the first N documents")
@click.option("--documents", "per_document", is_flag=True, help="also a row per document (file name, verdicts, counts)")
@click.pass_obj
def eval_command(settings, directory: Path, json_out: Path | None, ocr: bool, limit: int | None,
                 per_document: bool) -> None:
    """Run the pipeline on every document of DIRECTORY that has a truth file and print the figures."""
    import json

    from intake.cli.console import make_console
    from intake.errors import NotFound
    from intake.evaluation import evaluate_documents, find_labeled, ocr_figures, print_report, summarise

    docs = find_labeled(directory)
    if not docs:
        raise NotFound(f"no documents with truth files under {directory}; expected DIR/truth/<channel>/*.truth.json")
    if limit:
        docs = docs[:limit]
    console = make_console(stderr=True)
    done = 0

    def progress(item) -> None:
        nonlocal done
        done += 1
        state = f"crashed ({item.score.crashed})" if item.score.crashed else "ok"
        console.print(f"[{done}/{len(docs)}] {item.labeled.channel.value} {state} {item.score.seconds:.1f}s",
                      highlight=False)

    evaluated = evaluate_documents(docs, settings, on_done=progress)
    figures = summarise([item.score for item in evaluated])
    if ocr:
        figures["ocr"] = ocr_figures(evaluated, settings)
    print_report(figures, make_console(), documents=per_document)
    if json_out:
        json_out.write_text(json.dumps(figures, indent=2) + "\n")
        click.echo(f"figures written to {json_out}")


COMMANDS: list[click.Command] = [samples_group, eval_command]
