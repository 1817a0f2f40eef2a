"""The review queue page, its CSV export and the applications API listing."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from intake.web.accounts import SignedIn
from intake.web.deps import get_context, require, signed_in
from intake.web.masking import masked_record
from intake.web.roles import Permission
from intake.web.views import render
from intake.web.worklist import APPLICATION_STATUSES, CHANNELS, DOCUMENT_PROBLEMS, QueueFilter, load_queue, queue_csv

__all__ = ["router"]

router = APIRouter(dependencies=[Depends(signed_in)])


def _load(request: Request, *, everything: bool = False):  # type: ignore[no-untyped-def]
    context = get_context(request)
    flt = QueueFilter.from_params(request.query_params)
    with context.db() as db:
        return load_queue(db, flt, context.settings, everything=everything)


@router.get("/queue", include_in_schema=False)
async def queue(request: Request, user: SignedIn = Depends(require(Permission.REVIEW))) -> Response:
    page = await run_in_threadpool(_load, request)
    return render(
        request,
        "queue.html",
        user,
        nav="queue",
        page=page,
        statuses=APPLICATION_STATUSES + DOCUMENT_PROBLEMS,
        channels=CHANNELS,
    )


@router.get("/queue.csv", include_in_schema=False)
async def queue_export(request: Request, user: SignedIn = Depends(require(Permission.REVIEW))) -> Response:
    """The current filter, every page, as CSV (ids, codes and dates; no names or numbers)."""
    context = get_context(request)
    page = await run_in_threadpool(_load, request, everything=True)
    await run_in_threadpool(
        context.records.add_event, "queue", "export", "queue_exported", actor=user.name,
        details={"rows": page.total, **{k: str(v) for k, v in page.filter.as_dict().items() if v}},
    )
    return Response(
        queue_csv(page, context.settings),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="intake-queue.csv"'},
    )


@router.get("/api/queue", tags=["queue"])
async def api_queue(
    request: Request,
    status: str | None = Query(None, description="application status, or quarantined / failed"),
    channel: str | None = Query(None),
    received_from: str | None = Query(None, description="YYYY-MM-DD, plan local"),
    received_to: str | None = Query(None, description="YYYY-MM-DD, plan local, inclusive"),
    npn: str | None = Query(None),
    page: int = Query(1, ge=1),
    user: SignedIn = Depends(require(Permission.REVIEW)),
) -> dict[str, Any]:
    """What needs a person, nearest deadline first, 25 a page."""
    result = await run_in_threadpool(_load, request)
    return {
        "items": [item.to_json() for item in result.items],
        "total": result.total,
        "page": result.page,
        "pages": result.pages,
    }


@router.get("/api/applications", tags=["applications"])
async def api_applications(
    request: Request,
    status: str | None = Query(None),
    channel: str | None = Query(None),
    npn: str | None = Query(None),
    limit: int = Query(50, ge=1, le=500),
    offset: int = Query(0, ge=0),
    user: SignedIn = Depends(require(Permission.REVIEW)),
) -> dict[str, Any]:
    """Application records in the contract's shape; Medicare and account numbers masked."""
    from storage.records import ApplicationFilter

    context = get_context(request)
    found = await run_in_threadpool(
        context.records.list_applications,
        ApplicationFilter(status=status, channel=channel, npn=npn),
        limit=limit,
        offset=offset,
    )
    return {
        "items": [
            {"id": a.id, "document_id": a.document_id, "record": masked_record(a.contract)} for a in found.items
        ],
        "total": found.total,
        "limit": found.limit,
        "offset": found.offset,
    }
