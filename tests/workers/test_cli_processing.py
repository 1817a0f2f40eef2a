"""`intake process`, `list`, `show`, `export`, `watch --once`, `requeue` through the real CLI."""

from __future__ import annotations

import csv
import io
import json
import os
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from redis import Redis

from intake.cli import main
from intake.document import Channel
from workers.embedded import collect_inputs

from worker_helpers import TEST_REDIS_URL, portal_submission  # type: ignore[import-not-found]


@pytest.fixture
def cli_env(tmp_path: Path) -> dict[str, str]:
    """Settings for the CLI through its environment: local storage and SQLite under tmp, Redis DB 15."""
    return {
        "INTAKE_STORAGE_URL": f"file://{tmp_path / 'storage'}",
        "INTAKE_REDIS_URL": TEST_REDIS_URL,
        "INTAKE_QUEUE_NAME": f"cli-{os.getpid()}-{time.time_ns()}",
        "INTAKE_STABLE_SECONDS": "0",
        "COLUMNS": "200",
    }


def _invoke(env: dict[str, str], *args: str):
    return CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)


def _corpus(root: Path) -> Path:
    corpus = root / "corpus"
    (corpus / "portal").mkdir(parents=True)
    (corpus / "email").mkdir()
    (corpus / "truth").mkdir()
    (corpus / "portal" / "sub-1.json").write_bytes(portal_submission(11))
    (corpus / "portal" / "sub-2.json").write_bytes(portal_submission(12))
    (corpus / "email" / "forwarded.eml").write_bytes(b"From: someone\nSubject: application\n\nsee attached")
    (corpus / "truth" / "sub-1.json").write_text("{}")
    return corpus


def test_collect_inputs_takes_channels_from_folders_and_pairs_fax_sidecars(tmp_path: Path) -> None:
    """Channel folders set the channel, truth/ is skipped, x.tif.json is x.tif's sidecar, not a document."""
    corpus = _corpus(tmp_path)
    (corpus / "fax").mkdir()
    (corpus / "fax" / "fax1.tif").write_bytes(b"II*\x00")
    (corpus / "fax" / "fax1.tif.json").write_text("{}")
    items = collect_inputs([corpus])
    names = sorted((i.path.name, i.channel) for i in items)
    assert names == [
        ("fax1.tif", Channel.FAX), ("forwarded.eml", Channel.EMAIL),
        ("sub-1.json", Channel.PORTAL), ("sub-2.json", Channel.PORTAL),
    ]
    fax = next(i for i in items if i.channel is Channel.FAX)
    assert fax.sidecar_path == corpus / "fax" / "fax1.tif.json"


def test_process_then_list_show_export(cli_env: dict[str, str], tmp_path: Path) -> None:
    """Embedded processing prints a PHI-free table; a second run finds duplicates; records are listed and exported."""
    corpus = _corpus(tmp_path)
    first = _invoke(cli_env, "process", str(corpus))
    assert first.exit_code == 0, first.output
    assert "TESTLAST" not in first.output and "1EG4TE5MK73" not in first.output
    assert "3 documents: 3 processed" in first.output and "pages/min" in first.output

    listed = json.loads(_invoke(cli_env, "list", "--json").output)
    assert len(listed) == 3
    assert {row["channel"] for row in listed} == {"portal", "email"}
    email = next(row for row in listed if row["channel"] == "email")
    assert email["status"] == "rejected"
    portal = next(row for row in listed if row["channel"] == "portal")
    assert set(portal) >= {"document_sha256", "confirmation_number", "status", "channel", "received_at"}
    assert portal["received_at"] == "2026-11-30T23:41:07-06:00"

    again = _invoke(cli_env, "process", str(corpus))
    assert "3 duplicate" in again.output
    assert len(json.loads(_invoke(cli_env, "list", "--json").output)) == 3

    shown = json.loads(_invoke(cli_env, "show", portal["confirmation_number"]).output)
    assert shown["document"]["sha256"] == portal["document_sha256"]
    assert json.loads(_invoke(cli_env, "show", portal["document_sha256"][:10]).output) == shown

    rejected = json.loads(_invoke(cli_env, "list", "--status", "rejected", "--json").output)
    assert [row["channel"] for row in rejected] == ["email"]
    exported = _invoke(cli_env, "export", "--format", "csv")
    assert "exported 3 application(s)" in exported.stderr
    rows = list(csv.DictReader(io.StringIO(exported.stdout)))
    assert len(rows) == 3
    assert all(row["confirmation_number"] for row in rows if row["document.channel"] == "portal")
    jsonl = tmp_path / "out.jsonl"
    _invoke(cli_env, "export", "--format", "jsonl", "--status", "rejected", "-o", str(jsonl))
    assert [json.loads(line)["status"] for line in jsonl.read_text().splitlines()] == ["rejected"]

    documents = json.loads(_invoke(cli_env, "list", "--documents", "--json").output)
    assert [d["state"] for d in documents] == ["processed"] * 3
    assert all(d["duplicates"] == 1 for d in documents)


def test_process_table_keeps_whole_words_in_a_pipe(cli_env: dict[str, str], tmp_path: Path) -> None:
    """Piped (not a terminal, no COLUMNS), the summary table is not squeezed to 80 columns and cut with '…'."""
    env = {k: v for k, v in cli_env.items() if k != "COLUMNS"}
    result = _invoke(env, "process", str(_corpus(tmp_path)))
    assert result.exit_code == 0, result.output
    table = result.stdout
    assert "…" not in table
    for word in ("confirmation", "enrollment_application", "submitted", "portal_submission"):
        assert word in table, word


def test_show_unknown_reference_exits_66(cli_env: dict[str, str]) -> None:
    """An id that matches nothing gives the not_found code and exit status 66."""
    result = _invoke(cli_env, "show", "424242")
    assert result.exit_code == 66 and "not_found" in result.output


def test_watch_once_enqueues_and_worker_burst_processes(cli_env: dict[str, str], tmp_path: Path) -> None:
    """`watch --once` takes a drop and enqueues it; `worker --burst` processes it; `requeue` re-runs it."""
    redis = Redis.from_url(TEST_REDIS_URL)
    redis.flushdb()
    try:
        inbox = tmp_path / "storage" / "inbox" / "portal"
        inbox.mkdir(parents=True)
        (inbox / "sub.json").write_bytes(portal_submission(21))
        watched = _invoke(cli_env, "watch", "--once")
        assert "taken 1 new" in watched.output
        assert redis.llen(f"rq:queue:{cli_env['INTAKE_QUEUE_NAME']}") == 1
        assert _invoke(cli_env, "worker", "--burst").exit_code == 0
        listed = json.loads(_invoke(cli_env, "list", "--json").output)
        number = listed[0]["confirmation_number"]
        assert _invoke(cli_env, "requeue", number).exit_code == 0
        assert _invoke(cli_env, "worker", "--burst").exit_code == 0
        relisted = json.loads(_invoke(cli_env, "list", "--json").output)
        assert [r["confirmation_number"] for r in relisted] == [number]
        events = [json.loads(line)["action"] for line in _invoke(cli_env, "show", number, "--events").output.splitlines()]
        assert events.count("processing_started") == 2 and "requeued" in events
    finally:
        redis.flushdb()
        redis.close()
