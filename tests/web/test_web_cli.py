"""The ``intake user`` commands."""

from __future__ import annotations

from click.testing import CliRunner

from intake.cli import main


def _env(tmp_path) -> dict[str, str]:
    return {"INTAKE_STORAGE_URL": f"file://{tmp_path / 'storage'}", "INTAKE_DATABASE_URL": ""}


def test_user_add_reads_the_password_from_stdin_and_the_user_can_sign_in(tmp_path):
    """`intake user add NAME --role R --password-stdin` creates a user whose password works."""
    from intake.config import Settings
    from intake.web.accounts import Accounts
    from storage.database import open_database, session_factory

    runner = CliRunner()
    result = runner.invoke(main, ["user", "add", "rita", "--role", "reviewer", "--password-stdin"],
                           input="reviewer-password-1\n", env=_env(tmp_path))
    assert result.exit_code == 0, result.output
    assert "reviewer-password-1" not in result.output
    settings = Settings(storage_url=f"file://{tmp_path / 'storage'}")
    accounts = Accounts(session_factory(open_database(settings)), settings)
    assert accounts.sign_in("rita", "reviewer-password-1").role == "reviewer"
    listed = runner.invoke(main, ["user", "list"], env=_env(tmp_path))
    assert "rita\treviewer\tactive" in listed.output


def test_user_add_refuses_duplicates_short_passwords_and_unknown_roles(tmp_path):
    """A taken name (exit 65, user_exists), a short password (weak_password) and a bad role (usage, 2) are refused."""
    runner = CliRunner()
    args = ["user", "add", "sue", "--role", "supervisor", "--password-stdin"]
    assert runner.invoke(main, args, input="supervisor-password-1\n", env=_env(tmp_path)).exit_code == 0
    again = runner.invoke(main, args, input="supervisor-password-1\n", env=_env(tmp_path))
    assert again.exit_code == 65 and "user_exists" in again.output
    short = runner.invoke(main, ["user", "add", "sam", "--role", "intake_staff", "--password-stdin"],
                          input="short\n", env=_env(tmp_path))
    assert short.exit_code != 0 and "weak_password" in short.output
    role = runner.invoke(main, ["user", "add", "x", "--role", "admin", "--password-stdin"], input="p" * 12,
                         env=_env(tmp_path))
    assert role.exit_code == 2
