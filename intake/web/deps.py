"""Request dependencies: who is signed in, what they may do, and the CSRF check.

Every route but the sign-in form and static files depends on ``signed_in``
(routers declare it, so a new route cannot forget it). For any request that
changes something (not GET/HEAD/OPTIONS) the session's CSRF token must come
back, as the ``csrf_token`` form field or the ``X-CSRF-Token`` header.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import Depends, Request
from starlette.concurrency import run_in_threadpool

from intake.web.accounts import SignedIn
from intake.web.context import WebContext
from intake.web.roles import Permission, allowed
from intake.web.security import CSRF_FIELD, CSRF_HEADER, SESSION_COOKIE, tokens_match

__all__ = ["NotSignedIn", "Forbidden", "CsrfRefused", "get_context", "signed_in", "require", "SAFE_METHODS"]

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class NotSignedIn(Exception):
    """No valid session: pages redirect to /login, the API answers 401."""


class Forbidden(Exception):
    """Signed in, but the role does not allow this (403)."""


class CsrfRefused(Exception):
    """A state-changing request without the session's CSRF token (403)."""


def get_context(request: Request) -> WebContext:
    return request.app.state.context


async def _csrf_token_sent(request: Request) -> str | None:
    header = request.headers.get(CSRF_HEADER)
    if header:
        return header
    content_type = request.headers.get("content-type", "")
    if content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
        form = await request.form()  # cached by Starlette: the route reads the same form
        value = form.get(CSRF_FIELD)
        return value if isinstance(value, str) else None
    return None


async def signed_in(request: Request) -> SignedIn:
    """The session's user; checks the CSRF token on every state-changing request."""
    context = get_context(request)
    user = await run_in_threadpool(context.accounts.session, request.cookies.get(SESSION_COOKIE))
    if user is None:
        raise NotSignedIn()
    if request.method not in SAFE_METHODS and not tokens_match(user.csrf_token, await _csrf_token_sent(request)):
        raise CsrfRefused()
    request.state.user = user
    return user


def require(permission: Permission) -> Callable[..., Awaitable[SignedIn]]:
    """A dependency that lets only roles holding ``permission`` through."""

    async def dependency(user: SignedIn = Depends(signed_in)) -> SignedIn:
        if not allowed(user.role, permission):
            raise Forbidden()
        return user

    dependency.__name__ = f"require_{permission.value}"
    return dependency
