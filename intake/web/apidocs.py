"""The OpenAPI document and its Swagger UI page, behind sign-in like every other route."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse

from intake.web.deps import signed_in

__all__ = ["router"]

router = APIRouter(dependencies=[Depends(signed_in)])


@router.get("/api/openapi.json", include_in_schema=False)
async def openapi(request: Request) -> dict[str, Any]:
    return request.app.openapi()


@router.get("/api/docs", include_in_schema=False)
async def docs(request: Request) -> HTMLResponse:
    return get_swagger_ui_html(openapi_url="/api/openapi.json", title="Enrollment intake API")


@router.get("/api/me", tags=["session"])
async def me(request: Request) -> dict[str, Any]:
    """Who is signed in, their role, and the CSRF token API clients send as ``X-CSRF-Token``."""
    from intake.web.roles import Permission, allowed

    user = request.state.user
    return {
        "name": user.name,
        "role": user.role,
        "permissions": sorted(p.value for p in Permission if allowed(user.role, p)),
        "csrf_token": user.csrf_token,
    }
