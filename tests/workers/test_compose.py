"""docker-compose.yml and the Dockerfile agree with Settings and the CLI (no Docker engine needed)."""

from __future__ import annotations

import re
from pathlib import Path

import click
import yaml

from intake.cli import main
from intake.config import Settings

REPO = Path(__file__).resolve().parents[2]
INTAKE_SERVICES = ("watcher", "worker", "web")


def _compose() -> dict:
    return yaml.safe_load((REPO / "docker-compose.yml").read_text())


def test_compose_has_every_service_and_workers_can_scale() -> None:
    """redis, postgres, minio with a bucket-creating mc init, watcher, worker and web are defined."""
    services = _compose()["services"]
    assert {"redis", "postgres", "minio", "minio-init", *INTAKE_SERVICES} <= set(services)
    assert services["minio-init"]["image"].startswith("minio/mc")
    init_script = " ".join(services["minio-init"]["command"])
    bucket = _compose()["x-intake-env"]["INTAKE_STORAGE_URL"].removeprefix("s3://").split("/")[0]
    assert f"mc mb --ignore-existing local/{bucket}" in init_script
    worker = services["worker"]
    # `--scale worker=N` needs no fixed container name and no published port.
    assert "container_name" not in worker and "ports" not in worker
    for name in INTAKE_SERVICES:
        assert services[name]["depends_on"]["minio-init"]["condition"] == "service_completed_successfully"


def test_compose_environment_names_are_settings_fields() -> None:
    """Every INTAKE_* variable given to a service is a Settings field (a typo would be silently ignored)."""
    fields = set(Settings.model_fields)
    services = _compose()["services"]
    seen = set()
    for name in INTAKE_SERVICES:
        for variable in services[name]["environment"]:
            if variable.startswith("INTAKE_"):
                seen.add(variable)
                assert variable.removeprefix("INTAKE_").lower() in fields, variable
    assert {"INTAKE_STORAGE_URL", "INTAKE_DATABASE_URL", "INTAKE_REDIS_URL", "INTAKE_S3_ENDPOINT_URL"} <= seen
    env = services["worker"]["environment"]
    postgres = services["postgres"]["environment"]
    assert env["INTAKE_DATABASE_URL"].startswith("postgresql+psycopg://")
    assert env["INTAKE_DATABASE_URL"].endswith(f"@postgres:5432/{postgres['POSTGRES_DB']}")
    assert env["INTAKE_S3_ENDPOINT_URL"] == "http://minio:9000"


def test_compose_commands_exist_in_the_cli() -> None:
    """Each service command parses as an `intake` command with its options."""
    for name in INTAKE_SERVICES:
        command = _compose()["services"][name]["command"]
        assert command[0] == "intake"
        sub = main.commands.get(command[1])
        assert isinstance(sub, click.Command), command
        sub.make_context(command[1], list(command[2:]), obj=Settings())  # raises on an unknown option
    assert _compose()["services"]["web"]["command"][2:4] == ["--host", "0.0.0.0"]


def test_dockerfile_installs_tesseract_and_the_package() -> None:
    """The image is python:3.11-slim-bookworm with Tesseract (English) and `pip install .`."""
    text = (REPO / "Dockerfile").read_text()
    assert re.search(r"^FROM python:3\.11-slim-bookworm$", text, re.M)
    assert "tesseract-ocr tesseract-ocr-eng" in text
    assert re.search(r"^RUN pip install \.$", text, re.M)
    for package in ("intake", "storage", "workers"):
        assert f"COPY {package} ./{package}" in text
