"""The ``intake`` command line. Only this layer maps errors to exit codes.

Commands live in one module per area and register themselves on ``main``:
``reading`` (ocr), ``extracting`` (extract, schema), ``evaluation`` (samples, eval),
``processing`` (process, watch, worker, requeue, list, show, export) and
``webapp`` (web, user).
"""

from __future__ import annotations

import logging
import sys

import click

from intake.config import Settings
from intake.errors import IntakeError
from intake.logs import safe_traceback

__all__ = ["main"]


class _IntakeGroup(click.Group):
    """Turns an ``IntakeError`` into its one-line message and documented exit code."""

    def invoke(self, ctx: click.Context):  # noqa: D401 - click API
        try:
            return super().invoke(ctx)
        except IntakeError as exc:
            click.echo(f"error [{exc.code}]: {exc.message}", err=True)
            sys.exit(exc.exit_code)
        except (click.exceptions.Exit, click.ClickException, click.Abort, KeyboardInterrupt):
            raise
        except Exception as exc:
            # A bug, not bad input. Third-party messages may quote document text (PHI),
            # so only the exception's type is shown; -vv logs the traceback.
            logging.getLogger("intake.cli").debug("%s", safe_traceback(exc))
            click.echo(f"error [internal_error]: unexpected {type(exc).__name__}; "
                       "rerun with -vv for the traceback and report it", err=True)
            sys.exit(70)


@click.group(cls=_IntakeGroup)
@click.option("-v", "--verbose", count=True, help="more log output (ids and codes only, never PHI)")
@click.pass_context
def main(ctx: click.Context, verbose: int) -> None:
    """Enrollment intake: read, OCR and parse Medicare Advantage enrollment applications."""
    from intake.logs import configure_logging

    configure_logging(logging.WARNING - 10 * verbose)
    ctx.obj = Settings()


def _register() -> None:
    from intake.cli import evaluation, extracting, processing, reading, webapp

    for module in (reading, extracting, evaluation, processing, webapp):
        for command in module.COMMANDS:
            main.add_command(command)


_register()
