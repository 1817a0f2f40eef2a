"""User administration for supervisors: add users, change roles, disable, reset passwords."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from intake.errors import IntakeError
from intake.web.accounts import SignedIn
from intake.web.deps import get_context, require, signed_in
from intake.web.roles import Permission, Role
from intake.web.views import render

__all__ = ["router"]

router = APIRouter(dependencies=[Depends(signed_in)])


def _page(request: Request, user: SignedIn, *, error: str | None = None, status_code: int = 200) -> Response:
    users = get_context(request).accounts.list_users()
    done = request.query_params.get("done")
    return render(
        request, "users.html", user, status_code=status_code, nav="users", users=users,
        roles=[r.value for r in Role],
        flash=error or ({"added": "User added.", "updated": "User updated."}.get(done or "")),
        flash_kind="error" if error else "ok",
    )


@router.get("/admin/users", include_in_schema=False)
async def users(request: Request, user: SignedIn = Depends(require(Permission.ADMIN_USERS))) -> Response:
    return await run_in_threadpool(_page, request, user)


def _check_role(role: str) -> None:
    if role not in {r.value for r in Role}:
        raise IntakeError("pick one of the roles", code="bad_role")


@router.post("/admin/users", include_in_schema=False)
async def add_user(
    request: Request,
    name: str = Form(...),
    role: str = Form(...),
    password: str = Form(...),
    user: SignedIn = Depends(require(Permission.ADMIN_USERS)),
) -> Response:
    accounts = get_context(request).accounts
    try:
        _check_role(role)
        await run_in_threadpool(accounts.add_user, name, password, role)
    except IntakeError as exc:
        return await run_in_threadpool(lambda: _page(request, user, error=exc.message, status_code=422))
    get_context(request).records.add_event("user", name, "user_added", actor=user.name, details={"role": role})
    return RedirectResponse("/admin/users?done=added", status_code=303)


@router.post("/admin/users/{user_id}", include_in_schema=False)
async def update_user(
    request: Request,
    user_id: int,
    role: str = Form(...),
    active: str = Form("no"),
    password: str = Form(""),
    user: SignedIn = Depends(require(Permission.ADMIN_USERS)),
) -> Response:
    accounts = get_context(request).accounts
    try:
        _check_role(role)
        if user_id == user.user_id and (active != "yes" or role != user.role):
            raise IntakeError("you cannot demote or disable yourself; ask another supervisor", code="self_change")
        await run_in_threadpool(
            lambda: accounts.update_user(user_id, role=role, active=active == "yes", password=password or None)
        )
    except IntakeError as exc:
        return await run_in_threadpool(lambda: _page(request, user, error=exc.message, status_code=422))
    get_context(request).records.add_event(
        "user", user_id, "user_updated", actor=user.name,
        details={"role": role, "active": active == "yes", "password_reset": bool(password)},
    )
    return RedirectResponse("/admin/users?done=updated", status_code=303)
