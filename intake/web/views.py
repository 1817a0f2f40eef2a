"""Rendering helpers shared by the page routes: the template context, time and value filters."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from intake.web.accounts import SignedIn
from intake.web.context import TEMPLATES_DIR
from intake.web.masking import mask_value
from intake.web.roles import Permission, allowed

__all__ = ["make_templates", "render", "local_time", "safe_next"]


def local_time(value: Any, tz: ZoneInfo, fmt: str = "%Y-%m-%d %H:%M") -> str:
    """A timestamp (aware datetime or ISO string) shown in plan local time; dates as they are."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, datetime):
        return value.astimezone(tz).strftime(fmt)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _percent(value: Any) -> str:
    return "" if value is None else f"{round(float(value) * 100)}%"


def make_templates(tz: ZoneInfo) -> Jinja2Templates:
    templates = Jinja2Templates(directory=str(TEMPLATES_DIR))
    env = templates.env
    env.filters["local"] = lambda value, fmt="%Y-%m-%d %H:%M": local_time(value, tz, fmt)
    env.filters["mask"] = mask_value
    env.filters["percent"] = _percent
    env.globals["plan_tz"] = str(tz)
    return templates


def render(
    request: Request,
    name: str,
    user: SignedIn | None,
    *,
    status_code: int = 200,
    **context: Any,
) -> HTMLResponse:
    """A page with the signed-in user, their CSRF token and what their role may do."""
    templates: Jinja2Templates = request.app.state.context.templates
    can = {p.value: allowed(user.role, p) for p in Permission} if user else {}
    base = {"user": user, "csrf_token": user.csrf_token if user else None, "can": can}
    return templates.TemplateResponse(request, name, {**base, **context}, status_code=status_code)


def safe_next(target: str | None, default: str = "/") -> str:
    """Only same-site paths are followed after sign-in (no open redirect)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return default
    return target
