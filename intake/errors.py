"""The one exception tree of enrollment intake.

Every error carries a stable snake_case ``code`` (recorded as a document's
reason code), an ``exit_code`` for the CLI and whether a retry may help. The
message says what a person should do next and never carries PHI — only ids
and codes. Third-party errors are translated where they enter
(``raise ... from exc``).

::

    IntakeError                      exit 1
    ├── InputError                   exit 65  bad document: quarantined, never retried
    │   ├── EmptyFile                  empty_file
    │   ├── UnsupportedType            unsupported_type
    │   ├── CorruptFile                corrupt_file
    │   ├── EncryptedFile              encrypted_pdf
    │   └── LimitExceeded              too_large / too_many_pages / too_many_pixels
    ├── OcrError                     exit 70
    │   ├── OcrTimeout                 ocr_timeout (quarantined)
    │   └── OcrUnavailable             ocr_unavailable (exit 69, retryable: install/fix Tesseract)
    ├── ExtractionError              exit 70  extraction_failed
    ├── StorageError                 exit 74  storage_error (retryable)
    │   ├── NotFound                   not_found (exit 66)
    │   └── QueueUnavailable           queue_unavailable (exit 69, retryable)
    └── ConfigError                  exit 78  config_error

Exit codes follow BSD sysexits: 0 success, 1 generic, 2 usage (click),
65 data error, 66 no input, 69 unavailable, 70 software, 74 I/O, 78 config.
"""

from __future__ import annotations

__all__ = [
    "IntakeError",
    "InputError",
    "EmptyFile",
    "UnsupportedType",
    "CorruptFile",
    "EncryptedFile",
    "LimitExceeded",
    "OcrError",
    "OcrTimeout",
    "OcrUnavailable",
    "ExtractionError",
    "StorageError",
    "NotFound",
    "QueueUnavailable",
    "ConfigError",
]


class IntakeError(Exception):
    """Root of every error this project raises on purpose."""

    code: str = "intake_error"
    exit_code: int = 1
    retryable: bool = False
    quarantine: bool = False  # the document itself is at fault: park it with this reason

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else self.code


class InputError(IntakeError):
    """The document cannot be read as it is; a person must obtain a usable copy."""

    code = "bad_input"
    exit_code = 65
    quarantine = True


class EmptyFile(InputError):
    code = "empty_file"


class UnsupportedType(InputError):
    code = "unsupported_type"


class CorruptFile(InputError):
    code = "corrupt_file"


class EncryptedFile(InputError):
    code = "encrypted_pdf"


class LimitExceeded(InputError):
    """A size, page or pixel limit from settings was exceeded (code names which)."""

    code = "limit_exceeded"


class OcrError(IntakeError):
    code = "ocr_failed"
    exit_code = 70


class OcrTimeout(OcrError):
    code = "ocr_timeout"
    quarantine = True


class OcrUnavailable(OcrError):
    code = "ocr_unavailable"
    exit_code = 69
    retryable = True


class ExtractionError(IntakeError):
    code = "extraction_failed"
    exit_code = 70


class StorageError(IntakeError):
    code = "storage_error"
    exit_code = 74
    retryable = True


class NotFound(StorageError):
    code = "not_found"
    exit_code = 66
    retryable = False


class QueueUnavailable(StorageError):
    code = "queue_unavailable"
    exit_code = 69


class ConfigError(IntakeError):
    code = "config_error"
    exit_code = 78
