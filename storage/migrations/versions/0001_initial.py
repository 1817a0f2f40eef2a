"""initial: documents, applications, events

Revision ID: 0001_initial
Revises:
Create Date: 2025-01-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None

_json = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
_ts = sa.DateTime(timezone=True)
_STATES = ("received", "queued", "processing", "processed", "quarantined", "failed")


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("filename", sa.String(255), nullable=False),
        sa.Column("source_key", sa.String(1024), nullable=True),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("pages", sa.Integer, nullable=True),
        sa.Column("dropped_at", _ts, nullable=False),
        sa.Column("sidecar", _json, nullable=True),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("job_id", sa.String(64), nullable=True),
        sa.Column("job_timeout", sa.Integer, nullable=True),
        sa.Column("processing_started_at", _ts, nullable=True),
        sa.Column("reason_code", sa.String(64), nullable=True),
        sa.Column("reason_message", sa.Text, nullable=True),
        sa.Column("duplicate_of", sa.Integer, nullable=True),
        sa.Column("duplicates", sa.Integer, nullable=False),
        sa.Column("created_at", _ts, nullable=False),
        sa.Column("updated_at", _ts, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_documents"),
        sa.UniqueConstraint("sha256", name="uq_documents_sha256"),
        sa.ForeignKeyConstraint(["duplicate_of"], ["documents.id"], name="fk_documents_duplicate_of_documents"),
        sa.CheckConstraint(sa.column("state").in_(_STATES), name="ck_documents_state"),
    )
    op.create_index("ix_documents_channel", "documents", ["channel"])
    op.create_index("ix_documents_state", "documents", ["state"])

    op.create_table(
        "applications",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("document_id", sa.Integer, nullable=False),
        sa.Column("contract", _json, nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("kind", sa.String(64), nullable=False),
        sa.Column("confirmation_number", sa.String(16), nullable=True),
        sa.Column("npn", sa.String(10), nullable=True),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("received_at", _ts, nullable=True),
        sa.Column("requested_effective_date", sa.Date, nullable=True),
        sa.Column("created_at", _ts, nullable=False),
        sa.Column("updated_at", _ts, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_applications"),
        sa.UniqueConstraint("document_id", name="uq_applications_document_id"),
        sa.UniqueConstraint("confirmation_number", name="uq_applications_confirmation_number"),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], name="fk_applications_document_id_documents"),
    )
    op.create_index("ix_applications_status", "applications", ["status"])
    op.create_index("ix_applications_npn", "applications", ["npn"])
    op.create_index("ix_applications_channel", "applications", ["channel"])
    op.create_index("ix_applications_received_at", "applications", ["received_at"])
    op.create_index("ix_applications_requested_effective_date", "applications", ["requested_effective_date"])

    op.create_table(
        "events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("subject_type", sa.String(32), nullable=False),
        sa.Column("subject_id", sa.String(64), nullable=False),
        sa.Column("actor", sa.String(128), nullable=False),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("at", _ts, nullable=False),
        sa.Column("details", _json, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_events"),
    )
    op.create_index("ix_events_subject", "events", ["subject_type", "subject_id"])
    op.create_index("ix_events_action", "events", ["action"])
    op.create_index("ix_events_at", "events", ["at"])


def downgrade() -> None:
    op.drop_table("events")
    op.drop_table("applications")
    op.drop_table("documents")
