"""Sign-in, sessions, lockout, CSRF and role checks of the web app."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
import sqlalchemy as sa
from fastapi.routing import APIRoute

from intake.web.accounts import SignInRefused
from intake.web.models import User
from storage.database import utcnow
from tests.web.conftest import PASSWORDS, USERS, TestClient, csrf_from
from tests.web.factories import seed_application

PUBLIC_PATHS = {"/login"}


def _concrete(path: str) -> str:
    path = re.sub(r"\{path\}", "medicare_number", path)
    return re.sub(r"\{[^}]+\}", "1", path)


def _all_routes(routes):
    """Every route, also inside included routers (FastAPI may keep those as router objects; no prefixes here)."""
    for route in routes:
        inner = getattr(route, "original_router", None)
        if inner is not None:
            yield from _all_routes(inner.routes)
        else:
            yield route


def test_every_route_refuses_anonymous_access(app, client_for):
    """Every route but the sign-in form answers 401 (API) or redirects to /login (pages) without a session."""
    client, _ = client_for(None)
    checked = 0
    for route in _all_routes(app.routes):
        if not isinstance(route, APIRoute) or route.path in PUBLIC_PATHS:
            continue
        for method in route.methods - {"HEAD"}:
            response = client.request(method, _concrete(route.path), follow_redirects=False)
            if route.path.startswith("/api/"):
                assert response.status_code == 401, (method, route.path)
                assert response.json()["error"]["code"] == "not_signed_in"
            else:
                assert response.status_code == 303, (method, route.path)
                assert response.headers["location"].startswith("/login")
            checked += 1
    assert checked >= 20  # the app's routes were really walked


def test_openapi_and_docs_need_sign_in(client_for):
    """The OpenAPI document and the docs page are behind sign-in too."""
    anonymous, _ = client_for(None)
    assert anonymous.get("/api/openapi.json").status_code == 401
    assert anonymous.get("/api/docs").status_code == 401
    reviewer, _ = client_for("reviewer")
    spec = reviewer.get("/api/openapi.json").json()
    assert "/api/applications/{application_id}/status" in spec["paths"]
    assert reviewer.get("/api/docs").status_code == 200


def test_session_cookie_is_httponly_samesite_and_secure_when_configured(app, context, client_for):
    """The session cookie is HttpOnly and SameSite=Lax, and Secure when settings.secure_cookies is on."""
    client, _ = client_for(None)
    form = client.get("/login")
    response = client.post("/login", data={"username": "rita", "password": PASSWORDS["reviewer"],
                                           "csrf_token": csrf_from(form.text)}, follow_redirects=False)
    cookie = response.headers["set-cookie"].lower()
    assert "intake_session=" in cookie and "httponly" in cookie and "samesite=lax" in cookie
    assert "secure" not in cookie.split("intake_session=")[1].split(",")[0]

    context.settings.secure_cookies = True
    with TestClient(app, base_url="https://127.0.0.1") as secure_client:
        form = secure_client.get("/login")
        assert "secure" in form.headers["set-cookie"].lower()
        response = secure_client.post("/login", data={"username": "rita", "password": PASSWORDS["reviewer"],
                                                      "csrf_token": csrf_from(form.text)}, follow_redirects=False)
    session_cookie = [c for c in response.headers.get_list("set-cookie") if c.startswith("intake_session=")][0]
    assert "secure" in session_cookie.lower() and "httponly" in session_cookie.lower()


def test_passwords_are_stored_as_argon2_hashes(context):
    """No password is stored as given: only an Argon2id hash."""
    with context.db() as db:
        hashes = db.scalars(sa.select(User.password_hash)).all()
    assert hashes and all(h.startswith("$argon2id$") for h in hashes)
    assert not any(p in h for p in PASSWORDS.values() for h in hashes)


def test_production_hasher_uses_argon2id_defaults():
    """Outside tests passwords are hashed with argon2-cffi's default Argon2id parameters."""
    from intake.web.security import DEFAULT_HASHER, hash_password, verify_password

    stored = hash_password("a-long-enough-password")
    assert stored.startswith("$argon2id$") and f"m={DEFAULT_HASHER.memory_cost}," in stored
    assert DEFAULT_HASHER.memory_cost >= 65536 and DEFAULT_HASHER.time_cost >= 3
    assert verify_password(stored, "a-long-enough-password") and not verify_password(stored, "another-password")


def test_wrong_password_is_refused_and_lockout_follows_repeated_failures(context):
    """After login_max_failures failures even the right password is refused until the lockout ends."""
    now = utcnow()
    for _ in range(context.settings.login_max_failures):
        with pytest.raises(SignInRefused) as refused:
            context.accounts.sign_in("rita", "wrong-password", now=now)
        assert refused.value.code == "bad_credentials"
    with pytest.raises(SignInRefused) as locked:
        context.accounts.sign_in("rita", PASSWORDS["reviewer"], now=now + timedelta(minutes=1))
    assert locked.value.code == "locked_out"
    later = now + timedelta(minutes=context.settings.login_lockout_minutes, seconds=1)
    assert context.accounts.sign_in("rita", PASSWORDS["reviewer"], now=later).name == "rita"


def test_unknown_user_name_is_locked_out_like_a_known_one(context):
    """An unknown name gets the same answers as a known one, so the form does not reveal names."""
    now = utcnow()
    codes = []
    for _ in range(context.settings.login_max_failures + 1):
        with pytest.raises(SignInRefused) as refused:
            context.accounts.sign_in("nobody-here", "whatever-password", now=now)
        codes.append(refused.value.code)
    assert codes[-1] == "locked_out" and set(codes[:-1]) == {"bad_credentials"}


def test_login_page_reports_lockout_with_429(client_for, context):
    """The sign-in page says so, with HTTP 429, once a name is locked out."""
    client, _ = client_for(None)
    statuses = []
    for _ in range(context.settings.login_max_failures + 1):
        form = client.get("/login")
        response = client.post("/login", data={"username": "sue", "password": "nope-nope-nope",
                                               "csrf_token": csrf_from(form.text)})
        statuses.append(response.status_code)
    assert statuses[:-1] == [401] * context.settings.login_max_failures
    assert statuses[-1] == 429


def test_login_form_without_its_csrf_token_is_refused(client_for):
    """A sign-in post without the form's token (a cross-site post) does not sign in."""
    client, _ = client_for(None)
    client.get("/login")
    response = client.post("/login", data={"username": "rita", "password": PASSWORDS["reviewer"],
                                           "csrf_token": "forged"}, follow_redirects=False)
    assert response.status_code == 403
    assert "intake_session" not in response.headers.get("set-cookie", "")


def test_sign_out_ends_the_session_on_the_server(client_for):
    """After sign-out the old session cookie no longer works."""
    client, csrf = client_for("reviewer")
    token = client.cookies.get("intake_session")
    response = client.post("/logout", data={"csrf_token": csrf}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/login"
    client.cookies.set("intake_session", token)
    assert client.get("/api/me").status_code == 401


def test_sign_out_needs_the_csrf_token(client_for):
    """A cross-site post to /logout without the token is refused."""
    client, _ = client_for("reviewer")
    assert client.post("/logout", data={}).status_code == 403
    assert client.get("/api/me").status_code == 200


def test_next_parameter_cannot_redirect_off_site(client_for):
    """After sign-in only same-site paths are followed."""
    client, _ = client_for(None)
    form = client.get("/login?next=//evil.example/x")
    response = client.post("/login", data={"username": "rita", "password": PASSWORDS["reviewer"],
                                           "csrf_token": csrf_from(form.text), "next": "//evil.example/x"},
                           follow_redirects=False)
    assert response.headers["location"] == "/queue"


@pytest.mark.parametrize(
    ("role", "path", "expected"),
    [
        ("intake_staff", "/upload", 200),
        ("intake_staff", "/queue", 403),
        ("intake_staff", "/outreach", 403),
        ("intake_staff", "/admin/users", 403),
        ("intake_staff", "/api/applications", 403),
        ("reviewer", "/queue", 200),
        ("reviewer", "/outreach", 200),
        ("reviewer", "/upload", 403),
        ("reviewer", "/admin/users", 403),
        ("supervisor", "/upload", 200),
        ("supervisor", "/queue", 200),
        ("supervisor", "/admin/users", 200),
    ],
)
def test_roles_reach_only_their_pages(client_for, role, path, expected):
    """Each role reaches its own pages and gets 403 elsewhere."""
    client, _ = client_for(role)
    assert client.get(path).status_code == expected


def test_state_changing_requests_need_the_csrf_token(client_for, context):
    """Form posts without the session's token and API posts without X-CSRF-Token are refused with csrf_failed."""
    app_record = seed_application(context.records)
    client, csrf = client_for("reviewer")
    url = f"/applications/{app_record.id}/fields"
    no_token = client.post(url, data={"path": "agent.npn", "value": "12345"})
    assert no_token.status_code == 403 and "csrf_failed" in no_token.text
    wrong = client.post(url, data={"path": "agent.npn", "value": "12345", "csrf_token": "x" * 43})
    assert wrong.status_code == 403
    api = client.post(f"/api/applications/{app_record.id}/fields", json={"path": "agent.npn", "value": "12345"})
    assert api.status_code == 403 and api.json()["error"]["code"] == "csrf_failed"
    other_session = client_for("supervisor")[1]
    stolen = client.post(f"/api/applications/{app_record.id}/fields", json={"path": "agent.npn", "value": "12345"},
                         headers={"X-CSRF-Token": other_session})
    assert stolen.status_code == 403
    assert context.records.get_application(app_record.document_id).contract["agent"]["npn"] == "17654321"
    ok = client.post(f"/api/applications/{app_record.id}/fields", json={"path": "agent.npn", "value": "12345"},
                     headers={"X-CSRF-Token": csrf})
    assert ok.status_code == 200


def test_supervisor_adds_a_user_who_can_then_sign_in(client_for, context):
    """User admin: a supervisor adds a user through the page; the user can sign in with that role."""
    client, csrf = client_for("supervisor")
    response = client.post("/admin/users", data={"name": "newbie", "role": "intake_staff",
                                                  "password": "newbie-password-1", "csrf_token": csrf},
                           follow_redirects=False)
    assert response.status_code == 303
    assert context.accounts.sign_in("newbie", "newbie-password-1").role == "intake_staff"
    reviewer, reviewer_csrf = client_for("reviewer")
    refused = reviewer.post("/admin/users", data={"name": "sneaky", "role": "supervisor",
                                                  "password": "sneaky-password-1", "csrf_token": reviewer_csrf})
    assert refused.status_code == 403
    assert "sneaky" not in {u.name for u in context.accounts.list_users()}


def test_disabling_a_user_ends_their_sessions(client_for, context):
    """A disabled user's open session stops working at once."""
    staff, _ = client_for("intake_staff")
    supervisor, csrf = client_for("supervisor")
    staff_id = next(u.id for u in context.accounts.list_users() if u.name == USERS["intake_staff"])
    supervisor.post(f"/admin/users/{staff_id}", data={"role": "intake_staff", "active": "no", "csrf_token": csrf})
    assert staff.get("/api/me").status_code == 401
