"""Uploads by intake staff: the page, the API, and each document's processing status.

A file is checked (size, then type by magic bytes) before anything is
stored; it is then stored as an original (``originals/<sha256>``), recorded
as a document (the uploader is the event's actor) and handed to the
processor. Bytes already received are not processed again: the answer points
at the existing document. Staff see only what they uploaded; reviewers and
supervisors see every document.
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from fastapi import APIRouter, Depends, Form, Request, UploadFile
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from intake.errors import InputError, NotFound
from intake.web.accounts import SignedIn
from intake.web.context import WebContext
from intake.web.deps import Forbidden, get_context, require, signed_in
from intake.web.roles import Permission, allowed
from intake.web.uploads import UPLOAD_CHANNELS, read_checked
from intake.web.views import render
from storage.database import utcnow
from storage.models import ApplicationRow, DocumentRow, EventRow

__all__ = ["router", "store_upload", "document_status"]

log = logging.getLogger(__name__)
router = APIRouter(dependencies=[Depends(signed_in)])
_UPLOAD_ACTIONS = ("received", "duplicate_received")
_CHANNEL_LABELS = {"fax": "Fax", "mail": "Mail (mailroom scan)", "docusign": "DocuSign"}


def store_upload(context: WebContext, upload: UploadFile, channel: str, user: SignedIn) -> dict[str, Any]:
    """Check, store, record and hand on one uploaded file; the document's status as JSON."""
    from workers.ingest import ingest_file

    data, kind = read_checked(upload.file, context.settings.max_upload_bytes)
    with tempfile.TemporaryDirectory(prefix="intake-upload-") as folder:
        path = Path(folder) / f"upload.{kind}"
        path.write_bytes(data)
        ingested = ingest_file(
            context.jobs,
            path,
            channel=channel,
            filename=upload.filename or path.name,
            dropped_at=utcnow(),
            actor=user.name,
        )
    document = ingested.document
    how = context.processor.submit(document.id) if ingested.created else "duplicate"
    log.info("upload document_id=%d kind=%s handed_to=%s", document.id, kind, how)
    status = document_status(context, document.id)
    status["duplicate"] = not ingested.created
    return status


def document_status(context: WebContext, document_id: int) -> dict[str, Any]:
    """A document's processing state and, once there is one, its application's number and status."""
    with context.db() as db:
        row = db.execute(
            sa.select(DocumentRow, ApplicationRow)
            .outerjoin(ApplicationRow, ApplicationRow.document_id == DocumentRow.id)
            .where(DocumentRow.id == document_id)
        ).first()
    if row is None:
        raise NotFound("no such document; check the id")
    document, application = row
    return {
        "id": document.id,
        "filename": document.filename,
        "channel": document.channel,
        "state": document.state,
        "reason_code": document.reason_code,
        "dropped_at": document.dropped_at.isoformat(),
        "application": None
        if application is None
        else {
            "id": application.id,
            "confirmation_number": application.confirmation_number,
            "status": application.status,
            "kind": application.kind,
            "review_count": len((application.contract or {}).get("review") or []),
        },
    }


def _uploaded_by(context: WebContext, user: SignedIn, document_id: int) -> bool:
    with context.db() as db:
        return (
            db.scalar(
                sa.select(EventRow.id).where(
                    EventRow.subject_type == "document",
                    EventRow.subject_id == str(document_id),
                    EventRow.action.in_(_UPLOAD_ACTIONS),
                    EventRow.actor == user.name,
                ).limit(1)
            )
            is not None
        )


def recent_documents(context: WebContext, user: SignedIn, limit: int = 50) -> list[dict[str, Any]]:
    """The newest documents this user may see (their own uploads, or all for reviewers)."""
    query = (
        sa.select(DocumentRow, ApplicationRow)
        .outerjoin(ApplicationRow, ApplicationRow.document_id == DocumentRow.id)
        .order_by(DocumentRow.id.desc())
        .limit(limit)
    )
    if not allowed(user.role, Permission.SEE_ALL_DOCUMENTS):
        mine = sa.select(EventRow.subject_id).where(
            EventRow.subject_type == "document",
            EventRow.action.in_(_UPLOAD_ACTIONS),
            EventRow.actor == user.name,
        )
        # Compared as text: events of other subjects have ids that are not numbers.
        query = query.where(sa.cast(DocumentRow.id, sa.String).in_(mine))
    with context.db() as db:
        rows = db.execute(query).all()
    return [
        {
            "id": doc.id,
            "channel": doc.channel,
            "state": doc.state,
            "reason_code": doc.reason_code,
            "dropped_at": doc.dropped_at,
            "confirmation_number": app.confirmation_number if app else None,
            "status": app.status if app else None,
        }
        for doc, app in rows
    ]


async def _store_all(
    context: WebContext, files: list[UploadFile], channel: str, user: SignedIn
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    stored: list[dict[str, Any]] = []
    refused: list[dict[str, Any]] = []
    if channel not in UPLOAD_CHANNELS:
        refused.append({"filename": None, "code": "bad_channel", "message": "choose fax, mail or DocuSign"})
        return stored, refused
    for upload in files:
        try:
            stored.append(await run_in_threadpool(store_upload, context, upload, channel, user))
        except InputError as exc:
            log.info("upload refused code=%s", exc.code)
            refused.append({"filename": upload.filename, "code": exc.code, "message": exc.message})
    return stored, refused


@router.get("/upload", include_in_schema=False)
async def upload_page(request: Request, user: SignedIn = Depends(require(Permission.UPLOAD))) -> Response:
    context = get_context(request)
    recent = await run_in_threadpool(recent_documents, context, user)
    return _page(request, user, recent=recent, results=[])


def _page(request: Request, user: SignedIn, **extra: Any) -> Response:
    context = get_context(request)
    return render(
        request,
        "upload.html",
        user,
        nav="upload",
        channels=[(c, _CHANNEL_LABELS[c]) for c in UPLOAD_CHANNELS],
        max_mb=max(1, context.settings.max_upload_bytes // (1024 * 1024)),
        **extra,
    )


@router.post("/upload", include_in_schema=False)
async def upload_form(
    request: Request,
    channel: str = Form(...),
    files: list[UploadFile] = Form(...),
    user: SignedIn = Depends(require(Permission.UPLOAD)),
) -> Response:
    """The form without JavaScript: store the files and list the results."""
    context = get_context(request)
    stored, refused = await _store_all(context, files, channel, user)
    results = [
        {**doc, "confirmation_number": (doc["application"] or {}).get("confirmation_number"),
         "status": (doc["application"] or {}).get("status")}
        for doc in stored
    ] + [{"filename": r["filename"], "error": r} for r in refused]
    recent = await run_in_threadpool(recent_documents, context, user)
    return _page(request, user, recent=recent, results=results)


@router.post("/api/documents", status_code=201, tags=["documents"])
async def api_upload(
    request: Request,
    channel: str = Form(..., description="fax, mail or docusign"),
    files: list[UploadFile] = Form(..., description="PDF, TIFF, JPEG or PNG files"),
    user: SignedIn = Depends(require(Permission.UPLOAD)),
) -> JSONResponse:
    """Upload documents (multipart ``channel`` + ``files``); each gets a document id and is queued for processing."""
    stored, refused = await _store_all(get_context(request), files, channel, user)
    status = 201 if stored else 422
    return JSONResponse({"documents": stored, "errors": refused}, status_code=status)


@router.get("/api/documents", tags=["documents"])
async def api_documents(request: Request, user: SignedIn = Depends(signed_in)) -> dict[str, Any]:
    """The newest documents you may see: your own uploads, or all of them for reviewers and supervisors."""
    if not (allowed(user.role, Permission.UPLOAD) or allowed(user.role, Permission.SEE_ALL_DOCUMENTS)):
        raise Forbidden()
    docs = await run_in_threadpool(recent_documents, get_context(request), user, 200)
    for doc in docs:
        doc["dropped_at"] = doc["dropped_at"].isoformat()
    return {"documents": docs}


@router.get("/api/documents/{document_id}", tags=["documents"])
async def api_document(request: Request, document_id: int, user: SignedIn = Depends(signed_in)) -> dict[str, Any]:
    """A document's processing state, and its application's confirmation number and status once processed."""
    context = get_context(request)
    if not allowed(user.role, Permission.SEE_ALL_DOCUMENTS):
        if not allowed(user.role, Permission.UPLOAD):
            raise Forbidden()
        if not await run_in_threadpool(_uploaded_by, context, user, document_id):
            raise NotFound("no such document among your uploads; check the id")
    return await run_in_threadpool(document_status, context, document_id)
