#!/usr/bin/env python3
"""Throughput of the queued mode (1 and 2 RQ workers) beside the embedded `intake process`.

    .venv/bin/python scripts/bench_workers.py --count 100 --seed 7 --workers 1 2

Generates a sample set with `intake samples generate OUT --count N --seed S`
(or takes --corpus DIR), then for each run starts from empty storage and an
empty SQLite database (or a fresh PostgreSQL schema with --postgres):

* embedded: the same ingest + job functions in this process, no Redis;
* queued, N workers: every document is ingested and enqueued on Redis
  (DB 14 by default, flushed before and after: the bench owns it), then N
  `intake worker --burst` subprocesses drain the queue; the clock runs from
  the workers' start until the last one exits.

Prints documents/min and pages/min per run (pages as counted by the pipeline).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from intake.config import Settings  # noqa: E402
from storage.testing import temporary_database_url  # noqa: E402
from workers.context import build_context, install, uninstall  # noqa: E402
from workers.embedded import collect_inputs, process_inputs  # noqa: E402

INTAKE = Path(sys.executable).with_name("intake")


def _settings(folder: Path, database_url: str, redis_url: str) -> Settings:
    return Settings(
        storage_url=f"file://{folder / 'storage'}",
        database_url=database_url,
        redis_url=redis_url,
        queue_name="bench",
    )


def _pages(ctx) -> tuple[int, int]:
    page = ctx.records.list_applications(limit=100_000)
    return page.total, sum(int(a.contract.get("document", {}).get("pages") or 0) for a in page.items)


def run_embedded(corpus: Path, folder: Path, database_url: str, redis_url: str) -> dict:
    ctx = install(build_context(_settings(folder, database_url, redis_url)))
    try:
        inputs = collect_inputs([corpus])
        started = time.perf_counter()
        outcomes = process_inputs(ctx, inputs)
        elapsed = time.perf_counter() - started
        documents, pages = _pages(ctx)
        failed = sum(1 for o in outcomes if o.outcome in ("failed", "quarantined"))
        return {"run": "embedded (intake process)", "documents": documents, "pages": pages,
                "seconds": elapsed, "not_processed": failed}
    finally:
        uninstall()


def run_queued(corpus: Path, folder: Path, database_url: str, redis_url: str, workers: int) -> dict:
    from redis import Redis

    from workers.ingest import ingest_file
    from workers.queue import enqueue_document, open_queue

    settings = _settings(folder, database_url, redis_url)
    redis = Redis.from_url(redis_url)
    redis.flushdb()
    ctx = build_context(settings)
    queue = open_queue(settings, redis)
    for item in collect_inputs([corpus]):
        sidecar = json.loads(item.sidecar_path.read_text()) if item.sidecar_path else None
        ingested = ingest_file(ctx, item.path, channel=item.channel, filename=item.path.name,
                               dropped_at=datetime.fromtimestamp(item.path.stat().st_mtime, UTC), sidecar=sidecar)
        if ingested.created:
            enqueue_document(ctx, queue, ingested.document)
    env = {k: v for k, v in os.environ.items() if not k.startswith("INTAKE_")}
    env.update(INTAKE_STORAGE_URL=settings.storage_url, INTAKE_DATABASE_URL=database_url,
               INTAKE_REDIS_URL=redis_url, INTAKE_QUEUE_NAME=settings.queue_name)
    started = time.perf_counter()
    processes = [
        subprocess.Popen([str(INTAKE), "worker", "--burst", "--name", f"bench-{i}-{os.getpid()}"], env=env,
                         stdout=subprocess.DEVNULL, stderr=(folder / f"worker-{i}.log").open("wb"))
        for i in range(workers)
    ]
    for process in processes:
        process.wait()
    elapsed = time.perf_counter() - started
    documents, pages = _pages(ctx)
    counts = ctx.records.count_by_state()
    failed = ctx.records.list_documents(state="failed", limit=100_000).items
    if failed:
        reasons = sorted({d.reason_code or "?" for d in failed})  # codes only: messages may name files
        print(f"  {len(failed)} failed: {reasons}", file=sys.stderr)
    redis.flushdb()
    return {"run": f"queued, {workers} worker(s)", "documents": documents, "pages": pages, "seconds": elapsed,
            "not_processed": sum(n for state, n in counts.items() if state != "processed")}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--corpus", type=Path, help="use this sample folder instead of generating one")
    parser.add_argument("--postgres", action="store_true", help="records in a fresh PostgreSQL schema per run")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/14")
    parser.add_argument("--skip-embedded", action="store_true")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="intake-bench-"))
    try:
        corpus = args.corpus
        if corpus is None:
            corpus = work / "corpus"
            subprocess.run([str(INTAKE), "samples", "generate", str(corpus), "--count", str(args.count),
                            "--seed", str(args.seed)], check=True, stdout=subprocess.DEVNULL)
        runs = [("embedded", 0)] if not args.skip_embedded else []
        runs += [("queued", n) for n in args.workers]
        results = []
        for kind, workers in runs:
            folder = work / f"{kind}-{workers}"
            folder.mkdir()
            with temporary_database_url("postgresql" if args.postgres else "sqlite", folder) as url:
                if kind == "embedded":
                    result = run_embedded(corpus, folder, url, args.redis_url)
                else:
                    result = run_queued(corpus, folder, url, args.redis_url, workers)
            minutes = result["seconds"] / 60
            result["documents_per_minute"] = result["documents"] / minutes
            result["pages_per_minute"] = result["pages"] / minutes
            results.append(result)
            print(f"{result['run']:<28} {result['documents']:>4} docs {result['pages']:>5} pages "
                  f"{result['seconds']:>8.1f}s  {result['documents_per_minute']:>7.1f} docs/min "
                  f"{result['pages_per_minute']:>7.1f} pages/min  (not processed: {result['not_processed']})",
                  flush=True)
    finally:
        with contextlib.suppress(OSError):
            shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
