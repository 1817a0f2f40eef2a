"""The outreach worklist page and API: whom to call, what is missing, by when."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from intake.web.accounts import SignedIn
from intake.web.deps import get_context, require, signed_in
from intake.web.models import CONTACTS, OUTCOMES
from intake.web.outreach import OutreachCase, load_outreach
from intake.web.roles import Permission
from intake.web.views import render

__all__ = ["router"]

router = APIRouter(dependencies=[Depends(signed_in)])


def _cases(request: Request) -> list[OutreachCase]:
    context = get_context(request)
    with context.db() as db:
        return load_outreach(db, context.settings)


@router.get("/outreach", include_in_schema=False)
async def outreach(request: Request, user: SignedIn = Depends(require(Permission.OUTREACH))) -> Response:
    cases = await run_in_threadpool(_cases, request)
    logged = request.query_params.get("logged")
    return render(
        request,
        "outreach.html",
        user,
        nav="outreach",
        cases=cases,
        contacts=CONTACTS,
        outcomes=OUTCOMES,
        settings=get_context(request).settings,
        flash="Contact attempt logged." if logged else None,
    )


@router.get("/api/outreach", tags=["outreach"])
async def api_outreach(request: Request, user: SignedIn = Depends(require(Permission.OUTREACH))) -> dict[str, Any]:
    """Applications on hold for outreach, nearest deadline first, with their contact attempts."""
    cases = await run_in_threadpool(_cases, request)
    return {"items": [case.to_json() for case in cases]}
