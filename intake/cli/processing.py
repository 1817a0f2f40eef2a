"""Commands of this area: process, watch, worker, requeue, list, show, export.

``process`` is the embedded mode (no Redis: local folder + SQLite by
default); ``watch`` and ``worker`` are the queued mode; the rest read and put
back records. Output never shows PHI except ``show``/``export``, whose job is
to print the record itself.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import click

from intake.config import Settings

COMMANDS: list[click.Command] = []

_STATUSES = [
    "not_yet_submitted", "submitted", "in_progress", "pending_medicare_approval",
    "on_hold_applicant_outreach", "rejected", "canceled", "denied", "enrolled",
]


def _console(*, stderr: bool = False):
    from intake.cli.console import make_console

    return make_console(stderr=stderr)


def _context(settings: Settings):
    from workers.context import build_context

    return build_context(settings)


def _command(fn: click.Command) -> click.Command:
    COMMANDS.append(fn)
    return fn


@_command
@click.command("process")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--channel", type=click.Choice(["fax", "mail", "docusign", "portal", "email"]),
              help="channel of the files (default: the name of their folder)")
@click.option("--json", "as_json", is_flag=True, help="print one JSON object per document instead of a table")
@click.pass_obj
def process_command(settings: Settings, paths: tuple[Path, ...], channel: str | None, as_json: bool) -> None:
    """Process files in-process, without Redis (what `make run` uses)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from workers.embedded import collect_inputs, process_inputs

    inputs = collect_inputs(paths, channel)
    ctx = _context(settings)
    console = _console(stderr=as_json)
    started = time.perf_counter()
    with Progress(
        TextColumn("[bold]processing"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=_console(stderr=True), transient=as_json, disable=not inputs,
    ) as progress:
        task = progress.add_task("documents", total=len(inputs))
        outcomes = process_inputs(ctx, inputs, on_done=lambda _item, _outcome: progress.advance(task))
    elapsed = time.perf_counter() - started
    if as_json:
        for item, outcome in zip(inputs, outcomes, strict=True):
            click.echo(json.dumps({"channel": item.channel.value, **outcome.as_dict()}))
    else:
        _print_summary(console, inputs, outcomes, elapsed)
    if any(o.outcome == "failed" for o in outcomes):
        sys.exit(1)


def _print_summary(console, inputs, outcomes, elapsed: float) -> None:
    from rich.table import Table

    table = Table(title="intake process", show_lines=False)
    for header in ("id", "channel", "pages", "kind", "status", "confirmation", "receipt", "missing", "review", "s"):
        table.add_column(header, justify="right" if header in ("id", "pages", "missing", "review", "s") else "left")
    for item, o in zip(inputs, outcomes, strict=True):
        status = o.status if o.outcome in ("processed", "duplicate") and o.status else f"[red]{o.state}[/] {o.reason_code or ''}"
        if o.outcome == "duplicate":
            status += " (dup)"
        table.add_row(
            str(o.document_id or "-"), item.channel.value, str(o.pages), o.kind or "-", status,
            o.confirmation_number or "-", o.receipt_source or "-", str(o.missing), str(o.review), f"{o.seconds:.1f}",
        )
    console.print(table)
    processed = [o for o in outcomes if o.outcome == "processed"]
    pages = sum(o.pages for o in processed)
    counts = {name: sum(1 for o in outcomes if o.outcome == name)
              for name in ("processed", "duplicate", "quarantined", "failed")}
    minutes = max(elapsed, 1e-9) / 60
    console.print(
        f"{len(outcomes)} documents: " + ", ".join(f"{n} {k}" for k, n in counts.items())
        + f"; {pages} pages in {elapsed:.1f}s = {len(processed) / minutes:.1f} documents/min, "
        f"{pages / minutes:.1f} pages/min"
    )


@_command
@click.command("watch")
@click.option("--once", is_flag=True, help="one pass over the inbox, then exit")
@click.pass_obj
def watch_command(settings: Settings, once: bool) -> None:
    """Take stable drops from inbox/<channel>/ in the storage and enqueue them."""
    import signal

    from workers.queue import enqueue_document, open_queue, recover
    from workers.watcher import Watcher

    ctx = _context(settings)
    queue = open_queue(settings)
    watcher = Watcher(ctx, lambda document: enqueue_document(ctx, queue, document))
    if once:
        result = watcher.poll_once()
        click.echo(f"taken {result.new} new, {result.duplicates} duplicate; {result.waiting} waiting; "
                   f"{result.errors} errors")
        return
    signal.signal(signal.SIGTERM, lambda *_: watcher.stop())
    try:
        watcher.run(every=lambda: recover(ctx, queue))
    except KeyboardInterrupt:
        pass


@_command
@click.command("worker")
@click.option("--burst", is_flag=True, help="exit when the queue is empty")
@click.option("--name", help="worker name (default: host and pid)")
@click.pass_obj
def worker_command(settings: Settings, burst: bool, name: str | None) -> None:
    """Run an RQ worker on the intake queue (first re-enqueueing work a stopped worker left)."""
    from workers.worker import run_worker

    run_worker(settings, burst=burst, name=name)


@_command
@click.command("requeue")
@click.argument("ref", required=False)
@click.option("--failed", "all_failed", is_flag=True, help="every failed document")
@click.pass_obj
def requeue_command(settings: Settings, ref: str | None, all_failed: bool) -> None:
    """Put a document (id, sha256 prefix or confirmation number) or all failed ones back on the queue."""
    from workers.queue import open_queue, requeue_document, requeue_failed

    if bool(ref) == all_failed:
        raise click.UsageError("give a document ID or --failed")
    ctx = _context(settings)
    queue = open_queue(settings)
    if all_failed:
        ids = requeue_failed(ctx, queue)
        click.echo(f"requeued {len(ids)} document(s): {' '.join(map(str, ids)) or '-'}")
    else:
        job_id = requeue_document(ctx, queue, ref or "")
        click.echo(f"requeued as job {job_id}")


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


@_command
@click.command("list")
@click.option("--status", type=click.Choice(_STATUSES), help="only applications with this status")
@click.option("--documents", is_flag=True, help="list documents with their processing state instead")
@click.option("--state", type=click.Choice(["received", "queued", "processing", "processed", "quarantined", "failed"]),
              help="with --documents: only this state")
@click.option("--json", "as_json", is_flag=True, help="a JSON array instead of a table")
@click.option("--limit", default=1000, show_default=True)
@click.option("--offset", default=0)
@click.pass_obj
def list_command(settings: Settings, status, documents, state, as_json, limit, offset) -> None:
    """List applications (ids, numbers, statuses; no PHI) or, with --documents, documents."""
    from rich.table import Table

    from storage.records import ApplicationFilter
    from storage.sql_records import open_record_store

    records = open_record_store(settings)
    if documents:
        page = records.list_documents(state=state, limit=limit, offset=offset)
        rows = [
            {"document_id": d.id, "sha256": d.sha256, "channel": d.channel, "state": d.state, "attempts": d.attempts,
             "pages": d.pages, "duplicates": d.duplicates, "reason_code": d.reason_code,
             "reason_message": d.reason_message, "dropped_at": _iso(d.dropped_at)}
            for d in page.items
        ]
        columns = ["document_id", "sha256", "channel", "state", "attempts", "pages", "duplicates", "reason_code"]
    else:
        page = records.list_applications(ApplicationFilter(status=status), limit=limit, offset=offset)
        tz = settings.tz
        rows = [
            {"document_id": a.document_id, "document_sha256": a.document_sha256,
             "confirmation_number": a.confirmation_number, "status": a.status, "channel": a.channel, "kind": a.kind,
             "received_at": _iso(a.received_at.astimezone(tz)) if a.received_at else None,
             "requested_effective_date": _iso(a.requested_effective_date), "npn": a.npn}
            for a in page.items
        ]
        columns = ["document_id", "document_sha256", "confirmation_number", "status", "channel", "kind", "received_at"]
    if as_json:
        click.echo(json.dumps(rows, indent=2))
        return
    table = Table(title=f"{page.total} {'documents' if documents else 'applications'}")
    for column in columns:
        table.add_column(column)
    for row in rows:
        table.add_row(*[
            (str(row[c])[:12] if c in ("sha256", "document_sha256") else str(row[c]) if row[c] is not None else "-")
            for c in columns
        ])
    _console().print(table)


@_command
@click.command("show")
@click.argument("ref")
@click.option("--events", is_flag=True, help="print the document's audit trail instead")
@click.pass_obj
def show_command(settings: Settings, ref: str, events: bool) -> None:
    """Print the contract JSON of a document (id, sha256 prefix or confirmation number)."""
    from intake.errors import NotFound
    from storage.sql_records import open_record_store

    records = open_record_store(settings)
    document = records.resolve_document(ref)
    if events:
        trail = records.events_for("document", document.id)
        application = records.get_application(document.id)
        if application is not None:
            trail += records.events_for("application", application.id)
        for event in sorted(trail, key=lambda e: e.at):
            click.echo(json.dumps({"at": event.at.isoformat(), "subject": f"{event.subject_type}:{event.subject_id}",
                                   "actor": event.actor, "action": event.action, "details": event.details}))
        return
    application = records.get_application(document.id)
    if application is None:
        raise NotFound(
            f"document {document.id} has no application: it is {document.state}"
            + (f" ({document.reason_code})" if document.reason_code else "")
            + "; see `intake list --documents`"
        )
    click.echo(json.dumps(application.contract, indent=2, ensure_ascii=False))


@_command
@click.command("export")
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl"]), default="jsonl", show_default=True)
@click.option("--status", type=click.Choice(_STATUSES))
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="file (default: stdout)")
@click.pass_obj
def export_command(settings: Settings, fmt: str, status: str | None, output: Path | None) -> None:
    """Export applications as CSV (flattened) or JSON Lines (the contract)."""
    from storage.export import iter_applications, write_csv, write_jsonl
    from storage.records import ApplicationFilter
    from storage.sql_records import open_record_store

    records = open_record_store(settings)
    applications = iter_applications(records, ApplicationFilter(status=status))
    writer = write_csv if fmt == "csv" else write_jsonl
    if output is None:
        count = writer(applications, sys.stdout)
    else:
        with output.open("w", encoding="utf-8", newline="") as fh:
            count = writer(applications, fh)
    click.echo(f"exported {count} application(s)", err=True)
