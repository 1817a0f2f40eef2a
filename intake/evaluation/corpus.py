"""A labelled corpus on disk: documents under ``DIR/<channel>/`` with truth under ``DIR/truth/<channel>/``."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from intake.document import Channel, SourceDocument

__all__ = ["LabeledDocument", "find_labeled"]


@dataclass(frozen=True)
class LabeledDocument:
    """One document with its expected record (``truth``) and drawn page text (``page_texts``)."""

    path: Path
    channel: Channel
    truth: dict[str, Any]
    sidecar: dict[str, Any] | None
    page_texts: list[str] | None

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def dropped_at(self) -> datetime:
        return datetime.fromisoformat(self.truth["_sample"]["dropped_at"])

    @property
    def pages(self) -> int:
        return int(self.truth["document"]["pages"])

    def source_document(self) -> SourceDocument:
        return SourceDocument.from_path(self.path, self.channel, self.dropped_at, sidecar=self.sidecar)


def find_labeled(root: Path) -> list[LabeledDocument]:
    """Every document that has a truth file, in a stable order (channel, then name)."""
    found: list[LabeledDocument] = []
    for truth_path in sorted((root / "truth").glob("*/*.truth.json")):
        channel = Channel(truth_path.parent.name)
        name = truth_path.name[: -len(".truth.json")]
        path = root / channel.value / name
        if not path.is_file():
            continue
        sidecar_path = path.with_name(path.name + ".json")
        sidecar = json.loads(sidecar_path.read_text()) if sidecar_path.is_file() else None
        text_path = truth_path.with_name(name + ".text.json")
        texts = json.loads(text_path.read_text()) if text_path.is_file() else None
        found.append(LabeledDocument(path, channel, json.loads(truth_path.read_text()), sidecar, texts))
    return found
