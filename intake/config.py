"""Settings: the one place configuration is read (prefix ``INTAKE_``).

Load it at an entry point (CLI, worker, web app) with ``Settings()`` and pass it
down; leaf code takes it as an argument and never reads the environment.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["Settings"]


class Settings(BaseSettings):
    """Everything an operator can tune; every value has a safe default."""

    model_config = SettingsConfigDict(env_prefix="INTAKE_", env_file=None, extra="ignore")

    # Where things live
    storage_url: str = Field(
        default="file://./var/storage",
        description="file:///abs/path or file://./relative/path, or s3://bucket/prefix",
    )
    database_url: str | None = Field(
        default=None, description="SQLAlchemy URL; default: SQLite file under the local storage root"
    )
    redis_url: str = "redis://127.0.0.1:6379/0"
    queue_name: str = "intake"
    s3_endpoint_url: str | None = Field(default=None, description="e.g. http://minio:9000 for MinIO")
    s3_region: str = "us-east-1"
    s3_sse: str = Field(default="AES256", description="server-side encryption for every put: AES256 or aws:kms")
    s3_kms_key_id: str | None = None

    # The plan
    plan_timezone: str = "America/Chicago"
    require_agent_npn: bool = Field(
        default=False, description="the plan requires agent attribution on every application"
    )
    review_grey_stamps: bool = Field(
        default=False,
        description="put every receipt read from a stamp on a grey scan (colour lost) up for review",
    )
    outreach_days: int = Field(default=21, description="calendar days the applicant has to answer a request")
    outreach_aep_deadline: bool = Field(
        default=True, description="for an AEP request, the deadline is Dec 7 when that is later"
    )

    # OCR
    tesseract_cmd: str = "tesseract"
    tesseract_lang: str = "eng"
    target_dpi: int = Field(default=300, ge=72, le=600, description="images are brought to this DPI for OCR")
    assumed_dpi: int = Field(default=200, ge=72, le=600, description="used when a file states no usable DPI")
    render_dpi: int = Field(default=200, ge=72, le=600, description="rendering of PDF pages without one image")
    ocr_timeout_seconds: float = Field(default=60.0, gt=0, description="per page of OCR")
    ocr_workers: int = Field(default=2, ge=1, le=32, description="pages OCR'd in parallel (one Tesseract thread each)")
    job_timeout_base_seconds: int = 120
    job_timeout_per_page_seconds: int = 90
    retry_intervals: list[int] = Field(
        default=[10, 60, 300], description="seconds before each retry of a retryable failure (one per retry)"
    )
    fault_injection: str | None = Field(
        default=None,
        description="testing only, never in production: 'sleep:SECONDS' inside the job after the claim, "
        "or 'crash_after_save' (the first attempt fails after committing its result)",
    )

    # Preprocessing steps, each switchable
    preprocess_orientation: bool = True
    preprocess_deskew: bool = True
    preprocess_despeckle: bool = True
    preprocess_binarize: bool = True
    preprocess_red_ink: bool = True
    preprocess_upscale: bool = True
    preprocess_remove_lines: bool = Field(
        default=True, description="paint form rules, comb separators and checkboxes white in the image given to OCR"
    )
    debug_images_dir: Path | None = Field(
        default=None, description="when set, every intermediate image is written here"
    )

    # Limits: exceeding one quarantines the document
    max_file_bytes: int = 100 * 1024 * 1024
    max_pages: int = 200
    max_page_pixels: int = 120_000_000

    # Watcher
    stable_seconds: float = Field(default=3.0, description="a drop must be unchanged this long before it is taken")
    sidecar_grace_seconds: float = Field(default=30.0, description="how long a fax waits for its metadata file")
    poll_seconds: float = 2.0

    # Web
    session_secret: str | None = Field(default=None, description="signing key for sessions; generated if unset")
    secure_cookies: bool = True
    login_max_failures: int = 5
    login_lockout_minutes: int = 15
    max_upload_bytes: int = 50 * 1024 * 1024
    web_processing: Literal["auto", "rq", "thread"] = Field(
        default="auto",
        description="how the web app processes uploads: 'rq' enqueues for `intake worker`, 'thread' runs "
        "the job in the web process; 'auto' enqueues when an RQ worker listens on the queue, else a thread",
    )

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.plan_timezone)

    def ocr_env(self) -> dict[str, str]:
        """Environment for the Tesseract subprocess: one thread per process (we parallelise by page)."""
        import os

        env = dict(os.environ)
        env["OMP_THREAD_LIMIT"] = "1"
        return env

    def local_storage_root(self) -> Path | None:
        """The folder behind a ``file://`` storage URL, else None."""
        if not self.storage_url.startswith("file://"):
            return None
        raw = self.storage_url[len("file://") :]
        return Path(raw).expanduser().resolve()

    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        root = self.local_storage_root() or Path("./var").resolve()
        return f"sqlite:///{root / 'intake.sqlite3'}"
