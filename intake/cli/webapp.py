"""Commands of this area (see intake/cli/__init__.py): ``intake web`` and ``intake user``."""

from __future__ import annotations

import sys

import click

from intake.config import Settings

COMMANDS: list[click.Command] = []


@click.command("web")
@click.option("--host", default="127.0.0.1", show_default=True, help="address to listen on")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.pass_obj
def web(settings: Settings, host: str, port: int) -> None:
    """Run the review and upload web app (pages at /, JSON API and its docs under /api/)."""
    import uvicorn

    from intake.web import build_context, create_app

    app = create_app(build_context(settings))
    if not settings.secure_cookies and host not in ("127.0.0.1", "localhost", "::1"):
        click.echo("warning: INTAKE_SECURE_COOKIES is off on a non-local address; serve it over https", err=True)
    # One process: sessions, the in-process job thread and the page cache live in it.
    uvicorn.run(app, host=host, port=port, log_level="info", access_log=False, proxy_headers=False)


@click.group("user")
def user() -> None:
    """Manage the web app's users."""


@user.command("add")
@click.argument("name")
@click.option(
    "--role", required=True, type=click.Choice(["intake_staff", "reviewer", "supervisor"]),
    help="intake_staff uploads; reviewer works the queue; supervisor may do everything",
)
@click.option("--password-stdin", is_flag=True, help="read the password from standard input instead of a prompt")
@click.pass_obj
def user_add(settings: Settings, name: str, role: str, password_stdin: bool) -> None:
    """Add a user NAME with role R (the password is prompted for, or read from stdin)."""
    from storage.database import open_database, session_factory

    from intake.web.accounts import Accounts

    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    accounts = Accounts(session_factory(open_database(settings)), settings)
    user_id = accounts.add_user(name, password, role)
    click.echo(f"added user {name} (id {user_id}, role {role})")


@user.command("list")
@click.pass_obj
def user_list(settings: Settings) -> None:
    """List users with their roles."""
    from storage.database import open_database, session_factory

    from intake.web.accounts import Accounts

    for account in Accounts(session_factory(open_database(settings)), settings).list_users():
        click.echo(f"{account.id}\t{account.name}\t{account.role}\t{'active' if account.active else 'disabled'}")


COMMANDS.extend([web, user])
