"""Password hashing, session tokens and CSRF tokens.

Passwords are hashed with Argon2id (argon2-cffi). A session cookie carries a
random token; only its SHA-256 is stored, so a copy of the database does not
let anyone sign in. Each session holds its own CSRF token (synchronizer
token): forms send it as ``csrf_token``, JavaScript and API clients as the
``X-CSRF-Token`` header. The sign-in form, which has no session yet, uses a
signed double-submit cookie instead.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

__all__ = [
    "SESSION_COOKIE",
    "LOGIN_CSRF_COOKIE",
    "CSRF_FIELD",
    "CSRF_HEADER",
    "hash_password",
    "verify_password",
    "needs_rehash",
    "new_token",
    "token_digest",
    "tokens_match",
    "DEFAULT_HASHER",
]

SESSION_COOKIE = "intake_session"
LOGIN_CSRF_COOKIE = "intake_login_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"

DEFAULT_HASHER = PasswordHasher()  # argon2-cffi's defaults: Argon2id, RFC 9106 low-memory profile


def hash_password(password: str, hasher: PasswordHasher = DEFAULT_HASHER) -> str:
    return hasher.hash(password)


def verify_password(stored_hash: str, password: str, hasher: PasswordHasher = DEFAULT_HASHER) -> bool:
    try:
        return hasher.verify(stored_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str, hasher: PasswordHasher = DEFAULT_HASHER) -> bool:
    return hasher.check_needs_rehash(stored_hash)


def new_token() -> str:
    """A fresh unguessable token (256 bits, URL-safe)."""
    return secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    """What is stored for a session token."""
    return hashlib.sha256(token.encode()).hexdigest()


def tokens_match(expected: str | None, given: str | None) -> bool:
    """Constant-time comparison; a missing token never matches."""
    if not expected or not given:
        return False
    return hmac.compare_digest(expected.encode(), given.encode())
