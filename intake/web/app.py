"""The FastAPI application: pages under ``/``, the JSON API under ``/api/``.

``create_app(context)`` wires routers, error handlers and security headers
around an injected ``WebContext``; ``build_context(settings)`` makes the real
one (database migrated to head, blob store, processor). Every route except
``/login`` and ``/static`` requires a signed-in user (the routers declare the
dependency); the OpenAPI document and its docs page are routes of the API
router, so they too need sign-in.
"""

from __future__ import annotations

import logging
import secrets
from urllib.parse import quote

from typing import TYPE_CHECKING

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from intake.config import Settings
from intake.errors import IntakeError, NotFound
from intake.web.context import STATIC_DIR, WebContext
from intake.web.deps import CsrfRefused, Forbidden, NotSignedIn
from intake.web.images import PageImages
from intake.web.review import Review
from intake.web.views import make_templates, render

if TYPE_CHECKING:
    from argon2 import PasswordHasher

__all__ = ["create_app", "build_context"]

log = logging.getLogger(__name__)

# Pages and API answers carry PHI: never cached, never framed, scripts only from this origin.
_CSP = (
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; "
    "frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
)
# The Swagger UI page loads its script and style from a CDN.
_DOCS_CSP = (
    "default-src 'self'; img-src 'self' data: https://fastapi.tiangolo.com; "
    "style-src 'self' https://cdn.jsdelivr.net; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    "frame-ancestors 'none'"
)
_STATUS_BY_CODE = {
    "changed_meanwhile": 409,
    "transition_not_allowed": 409,
    "supervisor_required": 403,
    "forbidden": 403,
}
# Bytes a request may carry at most (a multi-file upload); each file is also checked on its own.
MAX_FILES_PER_UPLOAD = 20


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _error(request: Request, status: int, code: str, message: str) -> Response:
    if _is_api(request):
        return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)
    user = getattr(request.state, "user", None)
    return render(request, "error.html", user, status_code=status, code=code, message=message)


def create_app(context: WebContext) -> FastAPI:
    """The app around ``context`` (tests pass one on temporary storage)."""
    from intake.web import admin, apidocs, application_page, outreach_page, queue_page, signin, upload

    app = FastAPI(
        title="Enrollment intake",
        version="1",
        description="Review queue, uploads and application records of the enrollment intake. Sign in at /login first.",
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
    )
    app.state.context = context
    app.state.review = Review(context)
    app.state.images = PageImages(context.blobs, context.settings)
    app.state.session_secret = context.settings.session_secret or secrets.token_urlsafe(32)
    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")
    app.include_router(signin.public_router)
    for module in (signin, upload, queue_page, application_page, outreach_page, admin, apidocs):
        app.include_router(module.router)

    body_limit = context.settings.max_upload_bytes * MAX_FILES_PER_UPLOAD + (1 << 20)

    @app.middleware("http")
    async def _guard(request: Request, call_next) -> Response:  # type: ignore[no-untyped-def]
        length = request.headers.get("content-length")
        if length and length.isdigit() and int(length) > body_limit:
            return _error(request, 413, "too_large", "the upload is too large; send fewer or smaller files")
        response = await call_next(request)
        is_docs = request.url.path == "/api/docs"
        response.headers.setdefault("Content-Security-Policy", _DOCS_CSP if is_docs else _CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        if not request.url.path.startswith("/static/"):
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    @app.exception_handler(NotSignedIn)
    async def _not_signed_in(request: Request, exc: NotSignedIn) -> Response:
        if _is_api(request):
            return JSONResponse(
                {"error": {"code": "not_signed_in", "message": "sign in at /login first"}},
                status_code=401,
                headers={"WWW-Authenticate": 'Cookie realm="intake"'},
            )
        target = request.url.path if request.method == "GET" else "/"
        return RedirectResponse(f"/login?next={quote(target)}", status_code=303)

    @app.exception_handler(Forbidden)
    async def _forbidden(request: Request, exc: Forbidden) -> Response:
        return _error(request, 403, "forbidden", "your role does not allow this; ask a supervisor")

    @app.exception_handler(CsrfRefused)
    async def _csrf(request: Request, exc: CsrfRefused) -> Response:
        return _error(request, 403, "csrf_failed", "the form expired; reload the page and try again")

    @app.exception_handler(NotFound)
    async def _not_found(request: Request, exc: NotFound) -> Response:
        return _error(request, 404, exc.code, exc.message)

    @app.exception_handler(IntakeError)
    async def _intake_error(request: Request, exc: IntakeError) -> Response:
        status = _STATUS_BY_CODE.get(exc.code) or (422 if exc.exit_code == 65 else 503 if exc.retryable else 400)
        return _error(request, status, exc.code, exc.message)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        # The default handler echoes the input back; it may be PHI.
        fields = sorted({".".join(str(p) for p in err.get("loc", ())[1:]) for err in exc.errors()})
        return _error(request, 422, "invalid_request", f"check these inputs: {', '.join(fields) or 'request'}")

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        return _error(request, exc.status_code, code, str(exc.detail))

    return app


def build_context(settings: Settings, *, password_hasher: "PasswordHasher | None" = None) -> WebContext:
    """The real context: database migrated to head, blob store and processor from settings.

    ``password_hasher`` replaces the Argon2 defaults (tests use cheaper parameters to stay fast).
    """
    from storage.blobs import open_blob_store
    from storage.database import open_database, session_factory
    from storage.sql_records import SqlRecordStore
    from workers.context import WorkerContext

    from intake.web.accounts import Accounts
    from intake.web.processing import make_processor

    engine = open_database(settings)
    sessions = session_factory(engine)
    jobs = WorkerContext(settings=settings, blobs=open_blob_store(settings), records=SqlRecordStore(engine))
    return WebContext(
        settings=settings,
        db=sessions,
        accounts=Accounts(sessions, settings, **({"hasher": password_hasher} if password_hasher else {})),
        records=jobs.records,
        blobs=jobs.blobs,
        jobs=jobs,
        processor=make_processor(jobs),
        templates=make_templates(settings.tz),
    )
