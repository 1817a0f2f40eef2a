"""Uploads: checks before storing, storing and recording, processing status, who sees what."""

from __future__ import annotations

import io
import json

import pytest
from PIL import Image

from intake.web.processing import AutoProcessor, ThreadProcessor
from intake.web.uploads import sniff_type

#: Tests here that use the database run on SQLite and on PostgreSQL (see conftest).
BOTH_DATABASES = True

TERMINAL = {"processed", "quarantined", "failed"}


def tiff_bytes(text_seed: int = 0) -> bytes:
    """A small 1-bit Group 4 TIFF, different bytes per seed."""
    image = Image.new("1", (400, 300), 1)
    for x in range(20 + text_seed, 200 + text_seed):
        image.putpixel((x, 100), 0)
    out = io.BytesIO()
    image.save(out, format="TIFF", compression="group4", dpi=(204, 196))
    return out.getvalue()


def png_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("L", (300, 200), 255).save(out, format="PNG")
    return out.getvalue()


def _originals(context) -> list[str]:
    return [stat.key for stat in context.blobs.list("originals/")]


@pytest.mark.parametrize(
    ("head", "kind"),
    [(b"%PDF-1.7\n", "pdf"), (b"II*\x00abcd", "tiff"), (b"MM\x00*abcd", "tiff"), (b"\xff\xd8\xff\xe0", "jpeg"),
     (b"\x89PNG\r\n\x1a\n", "png"), (b'{"submitted_at": 1}', None), (b"GIF89a", None), (b"", None)],
)
def test_type_is_decided_by_magic_bytes(head, kind):
    """Only PDF, TIFF, JPEG and PNG magic bytes are accepted, whatever the file is called."""
    assert sniff_type(head) == kind


def test_upload_gets_a_document_id_and_is_processed(client_for, context):
    """An uploaded fax is stored as an original, recorded with its channel and uploader, then processed."""
    client, csrf = client_for("intake_staff")
    response = client.post(
        "/api/documents", data={"channel": "fax"}, headers={"X-CSRF-Token": csrf},
        files=[("files", ("fax-one.tif", tiff_bytes(), "image/tiff"))],
    )
    assert response.status_code == 201, response.text
    [doc] = response.json()["documents"]
    assert doc["id"] > 0 and doc["channel"] == "fax" and doc["duplicate"] is False
    stored = context.records.get_document(doc["id"])
    assert _originals(context) == [f"originals/{stored.sha256}"]
    events = context.records.events_for("document", doc["id"])
    assert events[0].action == "received" and events[0].actor == "sam"
    assert isinstance(context.processor, ThreadProcessor) and context.processor.wait_idle(timeout=300)
    status = client.get(f"/api/documents/{doc['id']}").json()
    # A page with one line on it is read, classified (not an application) and recorded.
    assert status["state"] == "processed", status["reason_code"]
    assert status["application"]["kind"] != "enrollment_application"


def test_several_files_in_one_upload_each_get_an_id(client_for):
    """Several files uploaded together each get their own document id; the same bytes again are a duplicate."""
    client, csrf = client_for("supervisor")
    files = [("files", (f"scan-{i}.tif", tiff_bytes(i), "image/tiff")) for i in range(3)]
    answer = client.post("/api/documents", data={"channel": "mail"}, files=files,
                         headers={"X-CSRF-Token": csrf}).json()
    ids = [d["id"] for d in answer["documents"]]
    assert len(set(ids)) == 3 and answer["errors"] == []
    again = client.post("/api/documents", data={"channel": "mail"}, headers={"X-CSRF-Token": csrf},
                        files=[("files", ("same.tif", tiff_bytes(1), "image/tiff"))]).json()
    assert again["documents"][0]["id"] == ids[1] and again["documents"][0]["duplicate"] is True


def test_wrong_type_is_refused_before_anything_is_stored(client_for, context):
    """Portal JSON (or anything not PDF/TIFF/JPEG/PNG) is refused and leaves no blob and no record."""
    client, csrf = client_for("intake_staff")
    body = json.dumps({"submitted_at": "2026-11-30T10:00:00-06:00"}).encode()
    response = client.post("/api/documents", data={"channel": "fax"}, headers={"X-CSRF-Token": csrf},
                           files=[("files", ("portal.pdf", body, "application/pdf"))])
    assert response.status_code == 422
    assert response.json()["errors"][0]["code"] == "unsupported_type"
    assert _originals(context) == [] and context.records.list_documents().total == 0


def test_too_large_is_refused_before_anything_is_stored(client_for, context):
    """A file over max_upload_bytes is refused with too_large and nothing is stored."""
    client, csrf = client_for("intake_staff")
    big = b"%PDF-1.7\n" + b"0" * (context.settings.max_upload_bytes + 1)
    response = client.post("/api/documents", data={"channel": "docusign"}, headers={"X-CSRF-Token": csrf},
                           files=[("files", ("big.pdf", big, "application/pdf"))])
    assert response.status_code == 422 and response.json()["errors"][0]["code"] == "too_large"
    assert _originals(context) == [] and context.records.list_documents().total == 0


def test_portal_and_email_channels_are_not_offered_for_upload(client_for, context):
    """Only fax, mail and DocuSign can be chosen; other channels are refused."""
    client, csrf = client_for("intake_staff")
    response = client.post("/api/documents", data={"channel": "portal"}, headers={"X-CSRF-Token": csrf},
                           files=[("files", ("x.png", png_bytes(), "image/png"))])
    assert response.status_code == 422 and response.json()["errors"][0]["code"] == "bad_channel"
    page = client.get("/upload").text
    assert 'value="fax"' in page and 'value="portal"' not in page and 'value="email"' not in page


def test_staff_see_only_their_own_uploads(client_for, context):
    """A staff member cannot read the status of another's upload; reviewers can."""
    sam, sam_csrf = client_for("intake_staff")
    doc = sam.post("/api/documents", data={"channel": "fax"}, headers={"X-CSRF-Token": sam_csrf},
                   files=[("files", ("a.png", png_bytes(), "image/png"))]).json()["documents"][0]
    context.accounts.add_user("other", "other-password-1", "intake_staff")
    other, _ = client_for(None)
    from tests.web.conftest import csrf_from

    form = other.get("/login")
    other.post("/login", data={"username": "other", "password": "other-password-1",
                               "csrf_token": csrf_from(form.text)})
    assert other.get(f"/api/documents/{doc['id']}").status_code == 404
    assert other.get("/api/documents").json()["documents"] == []
    assert sam.get(f"/api/documents/{doc['id']}").status_code == 200
    reviewer, _ = client_for("reviewer")
    assert reviewer.get(f"/api/documents/{doc['id']}").status_code == 200
    context.processor.wait_idle(timeout=300)


def test_upload_form_works_without_javascript(client_for, context):
    """The plain form post stores the file and lists it with its document id."""
    client, csrf = client_for("intake_staff")
    response = client.post("/upload", data={"channel": "mail", "csrf_token": csrf},
                           files=[("files", ("m.png", png_bytes(), "image/png"))])
    assert response.status_code == 200
    [doc] = context.records.list_documents().items
    assert f'data-document-id="{doc.id}"' in response.text and doc.channel == "mail"
    context.processor.wait_idle(timeout=300)


def test_auto_processor_uses_the_thread_without_workers_and_rq_with_one(context, web_settings):
    """'auto' runs uploads in the web process when no RQ worker listens, and enqueues when one does."""
    import uuid

    from redis import Redis
    from rq import Queue, Worker

    settings = web_settings.model_copy(
        update={"redis_url": "redis://127.0.0.1:6379/14", "queue_name": f"web-test-{uuid.uuid4().hex[:8]}"}
    )
    jobs = type(context.jobs)(settings=settings, blobs=context.blobs, records=context.records)
    processor = AutoProcessor(jobs)
    first, _ = context.records.add_document(sha256="a" * 64, channel="fax", filename="a.tif", source_key=None,
                                            size=1, dropped_at=__import__("storage.database").database.utcnow())
    assert processor.submit(first.id) == "thread"
    processor.thread.wait_idle(timeout=60)

    connection = Redis.from_url(settings.redis_url)
    queue = Queue(settings.queue_name, connection=connection)
    worker = Worker([queue], connection=connection, name=f"web-test-{uuid.uuid4().hex[:8]}")
    worker.register_birth()
    try:
        second, _ = context.records.add_document(sha256="b" * 64, channel="fax", filename="b.tif", source_key=None,
                                                 size=1, dropped_at=first.dropped_at)
        assert processor.submit(second.id) == "rq"
        assert queue.count == 1 and context.records.get_document(second.id).state == "queued"
    finally:
        worker.register_death()
        queue.empty()
        queue.delete(delete_jobs=True)
        connection.close()
        processor.close()
