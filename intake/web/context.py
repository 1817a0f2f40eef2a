"""What the web app runs on: settings, stores and the document processor, built once at start-up."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from fastapi.templating import Jinja2Templates
from sqlalchemy.orm import Session, sessionmaker

from intake.config import Settings
from intake.web.accounts import Accounts

if TYPE_CHECKING:
    from intake.web.processing import Processor
    from storage.blobs import BlobStore
    from storage.records import RecordStore
    from workers.context import WorkerContext

__all__ = ["WebContext", "TEMPLATES_DIR", "STATIC_DIR"]

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
STATIC_DIR = Path(__file__).resolve().parent / "static"


@dataclass
class WebContext:
    """Injected into the app (``app.state.context``); tests build one on temporary storage."""

    settings: Settings
    db: sessionmaker[Session]  # the web app's own tables and read-only queue queries
    accounts: Accounts
    records: "RecordStore"
    blobs: "BlobStore"
    jobs: "WorkerContext"  # the same stores, as the job functions take them
    processor: "Processor"
    templates: Jinja2Templates
