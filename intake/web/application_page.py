"""The application page (page images beside the fields) and the application API.

Only reviewers and supervisors open it; each view is an audit event. They
see Medicare and bank account numbers in full here and nowhere else; the API
masks them like every other view.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from intake.errors import IntakeError, NotFound
from intake.web.accounts import SignedIn
from intake.web.deps import require, signed_in
from intake.application import value_at
from intake.web.fields import FIELD_GROUPS, FIELDS
from intake.web.images import PageImages, field_box
from intake.web.masking import mask_value, masked_record
from intake.web.models import CONTACTS, OUTCOMES
from intake.web.review import REJECTION_REASONS, Review
from intake.web.roles import Permission, allowed
from intake.web.transitions import next_statuses
from intake.web.views import render
from storage.records import ApplicationRecord

__all__ = ["router"]

router = APIRouter(dependencies=[Depends(signed_in)])

_DONE = {
    "saved": "Saved.",
    "saved_review": "Saved; the validator changed or doubts the value, so it stays to be confirmed.",
    "confirmed": "Confirmed.",
    "status": "Status changed.",
}


def _review(request: Request) -> Review:
    return request.app.state.review


def _images(request: Request) -> PageImages:
    return request.app.state.images


def _field_rows(record: ApplicationRecord, see_phi: bool) -> list[tuple[str, list[dict[str, Any]]]]:
    contract = record.contract
    review = set(contract.get("review") or [])
    confidence = contract.get("confidence") or {}
    missing = {m.get("field") for m in contract.get("missing") or []}
    groups = []
    for group, specs in FIELD_GROUPS:
        rows = []
        for spec in specs:
            value = value_at(contract, spec.path)
            shown = mask_value(value) if spec.masked and not see_phi else value
            if isinstance(shown, bool):
                shown_text = "yes" if shown else "no"
            else:
                shown_text = "" if shown is None else str(shown)
            rows.append(
                {
                    "spec": spec,
                    "value": shown_text,
                    "editable": see_phi or not spec.masked,
                    "confidence": confidence.get(spec.path),
                    "in_review": spec.path in review,
                    "missing": spec.path in missing,
                    "has_crop": field_box(contract, spec.path) is not None,
                    "anchor": "f-" + spec.path.replace(".", "-"),
                }
            )
        groups.append((group, rows))
    return groups


def _page_count(request: Request, record: ApplicationRecord) -> int:
    pages = (record.contract.get("document") or {}).get("pages")
    if isinstance(pages, int) and pages > 0:
        return pages
    return 0


def _show(request: Request, user: SignedIn, record: ApplicationRecord, *, error: IntakeError | None = None,
          status_code: int = 200) -> Response:
    see_phi = allowed(user.role, Permission.SEE_PHI)
    events = _review(request).events(record)
    done = request.query_params.get("done")
    return render(
        request,
        "application.html",
        user,
        status_code=status_code,
        nav="queue",
        record=record,
        contract=record.contract,
        groups=_field_rows(record, see_phi),
        pages=_page_count(request, record),
        next_statuses=next_statuses(record.status, supervisor=allowed(user.role, Permission.CLOSE_APPLICATION))
        if allowed(user.role, Permission.CHANGE_STATUS) else [],
        rejection_reasons=REJECTION_REASONS,
        contacts=CONTACTS,
        outcomes=OUTCOMES,
        events=list(reversed(events))[:50],
        version=record.updated_at.isoformat(),
        flash=error.message if error else _DONE.get(done or ""),
        flash_kind="error" if error else "ok",
        error_field=request.query_params.get("field"),
    )


@router.get("/applications/{application_id}", include_in_schema=False)
async def application_page(
    request: Request, application_id: int, user: SignedIn = Depends(require(Permission.REVIEW))
) -> Response:
    review = _review(request)
    record = await run_in_threadpool(review.load, application_id)
    await run_in_threadpool(review.record_view, record, user)
    return _show(request, user, record)


@router.get("/applications/{application_id}/pages/{number}.png", include_in_schema=False)
async def page_image(
    request: Request, application_id: int, number: int, user: SignedIn = Depends(require(Permission.REVIEW))
) -> Response:
    record = await run_in_threadpool(_review(request).load, application_id)
    png = await run_in_threadpool(_images(request).page_png, record.document_sha256, number)
    return Response(png, media_type="image/png", headers={"Cache-Control": "private, no-store"})


@router.get("/applications/{application_id}/crops/{path}.png", include_in_schema=False)
async def field_crop(
    request: Request, application_id: int, path: str, user: SignedIn = Depends(require(Permission.REVIEW))
) -> Response:
    if path not in FIELDS:
        raise NotFound("no such field")
    record = await run_in_threadpool(_review(request).load, application_id)
    box = field_box(record.contract, path)
    if box is None:
        raise NotFound("this field has no recorded position on the page")
    png = await run_in_threadpool(_images(request).crop_png, record.document_sha256, box)
    return Response(png, media_type="image/png", headers={"Cache-Control": "private, no-store"})


@router.post("/applications/{application_id}/fields", include_in_schema=False)
async def edit_field(
    request: Request,
    application_id: int,
    path: str = Form(...),
    value: str = Form(""),
    action: str = Form("save"),
    version: str = Form(""),
    user: SignedIn = Depends(require(Permission.REVIEW)),
) -> Response:
    review = _review(request)
    anchor = "#f-" + path.replace(".", "-")
    try:
        if action == "confirm":
            await run_in_threadpool(review.confirm_fields, application_id, [path], user, version=version or None)
            done = "confirmed"
        else:
            spec = FIELDS.get(path)
            if spec is not None and spec.masked and not allowed(user.role, Permission.SEE_PHI):
                raise IntakeError("your role cannot edit this field", code="forbidden")
            _, edit = await run_in_threadpool(
                review.edit_field, application_id, path, value, user, version=version or None
            )
            done = "saved_review" if edit.still_in_review else "saved"
    except NotFound:
        raise
    except IntakeError as exc:
        record = await run_in_threadpool(review.load, application_id)
        status = 409 if exc.code == "changed_meanwhile" else 422
        return _show(request, user, record, error=exc, status_code=status)
    return RedirectResponse(f"/applications/{application_id}?done={done}{anchor}", status_code=303)


@router.post("/applications/{application_id}/status", include_in_schema=False)
async def change_status(
    request: Request,
    application_id: int,
    status: str = Form(...),
    rejection_reason: str = Form(""),
    version: str = Form(""),
    user: SignedIn = Depends(require(Permission.CHANGE_STATUS)),
) -> Response:
    review = _review(request)
    try:
        await run_in_threadpool(
            lambda: review.change_status(
                application_id, status, user, version=version or None, rejection_reason=rejection_reason or None
            )
        )
    except NotFound:
        raise
    except IntakeError as exc:
        record = await run_in_threadpool(review.load, application_id)
        code = 403 if exc.code == "supervisor_required" else 409
        return _show(request, user, record, error=exc, status_code=code)
    return RedirectResponse(f"/applications/{application_id}?done=status#status", status_code=303)


@router.post("/applications/{application_id}/outreach", include_in_schema=False)
async def log_outreach(
    request: Request,
    application_id: int,
    contact: str = Form(...),
    outcome: str = Form(...),
    user: SignedIn = Depends(require(Permission.OUTREACH)),
) -> Response:
    await run_in_threadpool(_review(request).log_outreach, application_id, contact, outcome, user)
    return RedirectResponse(f"/outreach?logged={application_id}#case-{application_id}", status_code=303)


# -- API ---------------------------------------------------------------------------------------


class FieldEdit(BaseModel):
    path: str = Field(description="contract path, e.g. agent.npn")
    value: str | None = Field(description="as a person would type it; empty or null clears the value")
    version: str | None = Field(default=None, description="the record's updated_at you edited; refused if changed")


class FieldConfirmation(BaseModel):
    paths: list[str]
    version: str | None = None


class StatusChange(BaseModel):
    status: str
    rejection_reason: str | None = None
    version: str | None = None


def _api_record(record: ApplicationRecord) -> dict[str, Any]:
    return {
        "id": record.id,
        "document_id": record.document_id,
        "version": record.updated_at.isoformat(),
        "record": masked_record(record.contract),
    }


@router.get("/api/applications/{application_id}", tags=["applications"])
async def api_application(
    request: Request, application_id: int, user: SignedIn = Depends(require(Permission.REVIEW))
) -> dict[str, Any]:
    """One application record (contract shape, Medicare and account numbers masked)."""
    review = _review(request)
    record = await run_in_threadpool(review.load, application_id)
    await run_in_threadpool(
        lambda: request.app.state.context.records.add_event(
            "application", record.id, "application_read_api", actor=user.name, details={}
        )
    )
    return _api_record(record)


@router.post("/api/applications/{application_id}/fields", tags=["applications"])
async def api_edit_field(
    request: Request, application_id: int, body: FieldEdit, user: SignedIn = Depends(require(Permission.REVIEW))
) -> dict[str, Any]:
    """Correct one field through the parser's validator (422 with the validator's code when it fails)."""
    spec = FIELDS.get(body.path)
    if spec is not None and spec.masked and not allowed(user.role, Permission.SEE_PHI):
        raise IntakeError("your role cannot edit this field", code="forbidden")
    record, edit = await run_in_threadpool(
        lambda: _review(request).edit_field(application_id, body.path, body.value, user, version=body.version)
    )
    return {**_api_record(record), "still_in_review": edit.still_in_review, "note": edit.note}


@router.post("/api/applications/{application_id}/confirm", tags=["applications"])
async def api_confirm(
    request: Request, application_id: int, body: FieldConfirmation,
    user: SignedIn = Depends(require(Permission.REVIEW)),
) -> dict[str, Any]:
    """Confirm fields as they are: they leave ``review[]``."""
    record = await run_in_threadpool(
        lambda: _review(request).confirm_fields(application_id, body.paths, user, version=body.version)
    )
    return _api_record(record)


@router.post("/api/applications/{application_id}/status", tags=["applications"])
async def api_status(
    request: Request, application_id: int, body: StatusChange,
    user: SignedIn = Depends(require(Permission.CHANGE_STATUS)),
) -> dict[str, Any]:
    """Change the status along an allowed transition (denied/canceled: supervisors only)."""
    record = await run_in_threadpool(
        lambda: _review(request).change_status(
            application_id, body.status, user, version=body.version, rejection_reason=body.rejection_reason
        )
    )
    return _api_record(record)
