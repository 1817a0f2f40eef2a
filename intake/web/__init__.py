"""The review and upload web app (FastAPI, server-rendered pages, JSON API under /api/)."""

from __future__ import annotations

from intake.web.app import build_context, create_app

__all__ = ["create_app", "build_context"]
