"""Sign-in and sign-out.

The sign-in form has no session yet, so it is protected by a signed
double-submit cookie: the cookie holds a random token, the form an HMAC of it
under the app's session secret. A successful sign-in sets the session cookie
(HttpOnly, SameSite=Lax, Secure unless ``settings.secure_cookies`` is off for
plain-http tests).
"""

from __future__ import annotations

import hashlib
import hmac
import logging

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from intake.web.accounts import SESSION_LIFETIME, SignedIn, SignInRefused
from intake.web.deps import get_context, signed_in
from intake.web.roles import Permission, allowed
from intake.web.security import LOGIN_CSRF_COOKIE, SESSION_COOKIE, new_token, tokens_match
from intake.web.views import render, safe_next

__all__ = ["public_router", "router", "home_for"]

log = logging.getLogger(__name__)
public_router = APIRouter()
router = APIRouter(dependencies=[Depends(signed_in)])


def _form_token(secret: str, cookie_token: str) -> str:
    return hmac.new(secret.encode(), cookie_token.encode(), hashlib.sha256).hexdigest()


def home_for(user: SignedIn) -> str:
    """Where a user lands: the queue for reviewers, the upload page for intake staff."""
    return "/queue" if allowed(user.role, Permission.REVIEW) else "/upload"


def _login_page(request: Request, *, error: str | None = None, username: str = "", status_code: int = 200) -> Response:
    context = get_context(request)
    cookie_token = new_token()
    response = render(
        request,
        "login.html",
        None,
        status_code=status_code,
        error=error,
        username=username,
        next_url=safe_next(request.query_params.get("next"), ""),
        login_csrf=_form_token(request.app.state.session_secret, cookie_token),
    )
    response.set_cookie(
        LOGIN_CSRF_COOKIE,
        cookie_token,
        httponly=True,
        secure=context.settings.secure_cookies,
        samesite="strict",
        path="/login",
        max_age=3600,
    )
    return response


@public_router.get("/login", include_in_schema=False)
async def login_form(request: Request) -> Response:
    context = get_context(request)
    user = await run_in_threadpool(context.accounts.session, request.cookies.get(SESSION_COOKIE))
    if user is not None:
        return RedirectResponse(home_for(user), status_code=303)
    return _login_page(request)


@public_router.post("/login", include_in_schema=False)
async def login(
    request: Request,
    username: str = Form(""),
    password: str = Form(""),
    csrf_token: str = Form(""),
    next: str = Form(""),
) -> Response:
    context = get_context(request)
    expected = _form_token(request.app.state.session_secret, request.cookies.get(LOGIN_CSRF_COOKIE, ""))
    if not request.cookies.get(LOGIN_CSRF_COOKIE) or not tokens_match(expected, csrf_token):
        return _login_page(
            request, error="The sign-in form expired. Please sign in again.", username=username, status_code=403
        )
    try:
        user = await run_in_threadpool(context.accounts.sign_in, username, password)
    except SignInRefused as exc:
        log.info("sign-in refused code=%s", exc.code)
        status = 429 if exc.code == "locked_out" else 401
        return _login_page(request, error=exc.message, username=username, status_code=status)
    log.info("signed in user_id=%d", user.user_id)
    response = RedirectResponse(safe_next(next, home_for(user)), status_code=303)
    assert user.session_token is not None
    response.set_cookie(
        SESSION_COOKIE,
        user.session_token,
        httponly=True,
        secure=context.settings.secure_cookies,
        samesite="lax",
        path="/",
        max_age=int(SESSION_LIFETIME.total_seconds()),
    )
    response.delete_cookie(LOGIN_CSRF_COOKIE, path="/login")
    return response


@router.post("/logout", include_in_schema=False)
async def logout(request: Request) -> Response:
    context = get_context(request)
    await run_in_threadpool(context.accounts.sign_out, request.cookies.get(SESSION_COOKIE))
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(
        SESSION_COOKIE, path="/", secure=context.settings.secure_cookies, httponly=True, samesite="lax"
    )
    return response


@router.get("/", include_in_schema=False)
async def home(user: SignedIn = Depends(signed_in)) -> Response:
    return RedirectResponse(home_for(user), status_code=303)
