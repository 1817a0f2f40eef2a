"""``intake extract`` and ``intake schema``: one document to the contract JSON."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import click

from intake.config import Settings
from intake.document import Channel, SourceDocument
from intake.errors import InputError

__all__ = ["COMMANDS", "guess_channel", "load_sidecar"]

_CHANNELS = [c.value for c in Channel]


def guess_channel(path: Path) -> Channel:
    """The channel when the operator gave none, from the bytes: JSON is the portal,
    TIFF is a fax, a PDF with a DocuSign certificate is DocuSign, anything else mail."""
    with path.open("rb") as fh:
        head = fh.read(2048)
    stripped = head.lstrip()
    if stripped.startswith(b"{"):
        return Channel.PORTAL
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return Channel.FAX
    if head.startswith(b"%PDF") and path.stat().st_size < 50 * 1024 * 1024:
        data = path.read_bytes()
        if b"DocuSign" in data or b"Docusign" in data:
            return Channel.DOCUSIGN
    return Channel.MAIL


def load_sidecar(path: Path) -> dict | None:
    """The fax gateway's metadata file beside a drop (``fax00042.tif.json``), if readable."""
    sidecar = path.with_name(path.name + ".json")
    if not sidecar.is_file():
        return None
    try:
        data = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # an unreadable sidecar is ignored; the header line and drop time remain
    return data if isinstance(data, dict) else None


def _parse_timestamp(value: str, settings: Settings) -> datetime:
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter("use ISO-8601, e.g. 2026-11-30T23:41:07-06:00") from exc
    return moment if moment.tzinfo else moment.replace(tzinfo=settings.tz)


@click.command("extract")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--channel", type=click.Choice(_CHANNELS), help="how it arrived (default: guessed from the bytes)")
@click.option(
    "--received-at",
    "received_at",
    help="when the file landed (ISO-8601); the receipt fallback. Default: the file's modification time",
)
@click.pass_obj
def extract_command(settings: Settings, file: Path, channel: str | None, received_at: str | None) -> None:
    """Read, OCR and parse FILE; print its application record (contract JSON)."""
    from intake.pipeline import extract_document

    if file.stat().st_size == 0:
        raise InputError("the file is empty (0 bytes); ask the sender to send it again", code="empty_file")
    chosen = Channel(channel) if channel else guess_channel(file)
    dropped_at = (
        _parse_timestamp(received_at, settings)
        if received_at
        else datetime.fromtimestamp(file.stat().st_mtime, tz=settings.tz)
    )
    sidecar = load_sidecar(file) if chosen is Channel.FAX else None
    doc = SourceDocument.from_path(file, chosen, dropped_at, sidecar=sidecar)
    result = extract_document(doc, settings)
    click.echo(result.application.to_json())


@click.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of the application record (enrollment-application/v1)."""
    from intake.application import contract_schema

    click.echo(json.dumps(contract_schema(), indent=2))


COMMANDS: list[click.Command] = [extract_command, schema_command]
