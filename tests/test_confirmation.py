"""Confirmation numbers: 8 digits, random, retried on collision, never reused."""

from __future__ import annotations

import pytest

from intake.confirmation import MAX_ATTEMPTS, is_confirmation_number, new_confirmation_number
from intake.errors import StorageError


def test_format() -> None:
    """Eight digits, first one not zero."""
    for _ in range(200):
        number = new_confirmation_number()
        assert is_confirmation_number(number), number


def test_numbers_are_spread() -> None:
    """A thousand draws are (practically) all different and use every leading digit."""
    numbers = [new_confirmation_number() for _ in range(1000)]
    assert len(set(numbers)) >= 995
    assert {n[0] for n in numbers} == set("123456789")


def test_retries_while_taken() -> None:
    """A number the store says was ever issued is drawn again."""
    issued: set[str] = set()
    seen: list[str] = []

    def is_taken(number: str) -> bool:
        seen.append(number)
        return len(seen) <= 3  # the first three draws collide

    number = new_confirmation_number(is_taken)
    assert len(seen) == 4 and number == seen[-1] and number not in issued


def test_gives_up_when_store_always_says_taken() -> None:
    """A store that claims every number is taken ends in a storage error, not a loop."""
    calls = []
    with pytest.raises(StorageError) as info:
        new_confirmation_number(lambda n: calls.append(n) or True)
    assert info.value.code == "confirmation_exhausted" and len(calls) == MAX_ATTEMPTS


@pytest.mark.parametrize(("text", "ok"), [("48213377", True), ("04821337", False), ("4821337", False),
                                          ("482133770", False), ("4821337a", False), ("４８２１３３７７", False)])
def test_is_confirmation_number(text: str, ok: bool) -> None:
    """Only 8 ASCII digits not starting with 0."""
    assert is_confirmation_number(text) is ok
