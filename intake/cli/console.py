"""The rich console every command prints its tables on."""

from __future__ import annotations

from rich.console import Console

__all__ = ["make_console"]

_PIPE_WIDTH = 160  # columns for tables when stdout is a pipe or a CI log (rich would assume 80)


def make_console(*, stderr: bool = False) -> Console:
    """A rich console; when it is not a terminal, wide enough that tables keep whole words."""
    console = Console(stderr=stderr)
    if not console.is_terminal:
        console.width = max(console.width, _PIPE_WIDTH)
    return console
