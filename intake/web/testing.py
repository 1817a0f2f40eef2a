"""Running the real ``intake web`` for browser tests and the screenshot script.

``served(folder)`` adds users with ``intake user add --password-stdin`` and
starts ``intake web`` as a subprocess on 127.0.0.1 and a free port, with
storage and SQLite under ``folder``, plain-http cookies and uploads processed
in the web process. ``launch_chromium`` starts Debian's chromium (no browser
download) through Playwright.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["CHROMIUM", "BROWSER_USERS", "Served", "free_port", "served", "launch_chromium"]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]
#: name -> (role, password): synthetic accounts for a throw-away server.
BROWSER_USERS: dict[str, tuple[str, str]] = {
    "sam": ("intake_staff", "staff-password-1"),
    "rita": ("reviewer", "reviewer-password-1"),
    "sue": ("supervisor", "supervisor-password-1"),
}


@dataclass(frozen=True)
class Served:
    url: str
    env: dict[str, str]
    folder: Path


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def served(folder: Path, *, extra_env: dict[str, str] | None = None, timeout: float = 60.0) -> Iterator[Served]:
    """A running ``intake web`` on temporary storage; stopped (by its own pid) on exit."""
    folder.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    env.update(
        INTAKE_STORAGE_URL=f"file://{folder / 'storage'}",
        INTAKE_SECURE_COOKIES="false",
        INTAKE_WEB_PROCESSING="thread",
        INTAKE_SESSION_SECRET="browser-test-secret",
        INTAKE_OCR_WORKERS="1",
        **(extra_env or {}),
    )
    env.pop("INTAKE_DATABASE_URL", None)
    intake = [str(Path(sys.executable).parent / "intake")]
    for name, (role, password) in BROWSER_USERS.items():
        subprocess.run(
            [*intake, "user", "add", name, "--role", role, "--password-stdin"],
            input=password + "\n", text=True, env=env, check=True, capture_output=True, timeout=120,
        )
    port = free_port()
    log = (folder / "web.log").open("wb")
    process = subprocess.Popen(
        [*intake, "web", "--host", "127.0.0.1", "--port", str(port)], env=env, stdout=log, stderr=subprocess.STDOUT
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(url + "/login", timeout=2) as response:
                    if response.status == 200:
                        break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"intake web did not start; see {folder / 'web.log'}")
            time.sleep(0.3)
        yield Served(url=url, env=env, folder=folder)
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        log.close()


def launch_chromium(playwright: Any) -> Any:
    """Debian's chromium, headless, through Playwright (never a downloaded browser)."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
