"""Round answer bubbles found on an ink mask: printed rings, marked or not; letters are not bubbles."""

from __future__ import annotations

import cv2
import numpy as np

from intake.ocr.bubbles import find_round_bubbles

DPI = 300
R = 18  # a 0.12 inch bubble at 300 dpi


def _ink(draw) -> np.ndarray:  # noqa: ANN001
    image = np.full((400, 1200), 255, np.uint8)
    draw(image)
    return np.where(image < 128, 255, 0).astype(np.uint8)


def _ring(image: np.ndarray, x: int, y: int, mark: str | None = None) -> None:
    cv2.circle(image, (x, y), R, 0, 3)
    if mark == "x":
        cv2.line(image, (x - 11, y - 11), (x + 11, y + 11), 0, 4)
        cv2.line(image, (x + 11, y - 11), (x - 11, y + 11), 0, 4)
    elif mark == "fill":
        cv2.circle(image, (x, y), R - 4, 0, -1)
    elif mark == "check":  # a tick that runs out past the ring, up and right
        cv2.polylines(image, [np.array([(x - 14, y), (x - 4, y + 14), (x + 26, y - 30)], np.int32)], False, 0, 4)


def _centres(found) -> list[tuple[int, int]]:  # noqa: ANN001
    return sorted((x + w // 2, y + h // 2) for x, y, w, h in found)


def test_empty_and_marked_bubbles_are_found_where_they_are_drawn() -> None:
    def draw(image: np.ndarray) -> None:
        _ring(image, 100, 100)
        _ring(image, 300, 100, "x")
        _ring(image, 500, 100, "fill")
        _ring(image, 700, 100, "check")
        _ring(image, 900, 100)

    found = find_round_bubbles(_ink(draw), DPI)
    centres = _centres(found)
    assert len(centres) == 5
    for (cx, cy), x in zip(centres, (100, 300, 500, 700, 900), strict=True):
        assert abs(cx - x) <= 3 and abs(cy - 100) <= 3  # the tick running out does not move the circle
    assert all(abs(w - 2 * R) <= 4 for _, _, w, _ in found)


def test_letters_are_not_bubbles() -> None:
    """An O of value type (taller than wide, a thicker stroke), a bold round letter beside empty
    bubbles of another size, a square box: none is a bubble."""
    def draw(image: np.ndarray) -> None:
        _ring(image, 100, 100)
        _ring(image, 300, 100)
        cv2.ellipse(image, (500, 100), (13, 18), 0, 0, 360, 0, 5)  # a typed capital O
        cv2.circle(image, (700, 100), 13, 0, -1)  # a bold round letter's blob, smaller than the bubbles
        cv2.rectangle(image, (880, 82), (916, 118), 0, 3)

    assert _centres(find_round_bubbles(_ink(draw), DPI)) == [(100, 100), (300, 100)]


def test_one_round_blob_alone_is_no_question() -> None:
    """A question offers two answers or more: a single ring on a page is a logo or a letter."""
    assert find_round_bubbles(_ink(lambda image: _ring(image, 100, 100)), DPI) == []


def test_a_page_of_solid_discs_without_an_empty_bubble_has_none() -> None:
    """Not every answer of a question is marked: solid discs with no empty ring of their size are
    bullets or bold letters."""
    def draw(image: np.ndarray) -> None:
        for x in (100, 300, 500):
            cv2.circle(image, (x, 100), R, 0, -1)

    assert find_round_bubbles(_ink(draw), DPI) == []


def test_square_boxes_are_no_bubbles_marked_or_not() -> None:
    def draw(image: np.ndarray) -> None:
        _ring(image, 100, 100)
        _ring(image, 300, 100)
        cv2.rectangle(image, (482, 82), (518, 118), 0, 3)
        cv2.rectangle(image, (682, 82), (718, 118), 0, 3)
        cv2.line(image, (688, 88), (712, 112), 0, 4)
        cv2.line(image, (712, 88), (688, 112), 0, 4)

    assert _centres(find_round_bubbles(_ink(draw), DPI)) == [(100, 100), (300, 100)]


def test_a_round_letter_with_its_neighbours_close_beside_it_is_no_bubble() -> None:
    """The O of "LINCOLN" read apart ("LINC" "OLN") may look like a ring, but the next letter stands a
    letter's gap from it; a bubble has at least a space before its answer."""
    def draw(image: np.ndarray) -> None:
        _ring(image, 100, 100)
        _ring(image, 300, 100)
        _ring(image, 500, 100)
        cv2.line(image, (523, 84), (523, 116), 0, 4)  # an L starting 3 px past the ring
        cv2.line(image, (523, 116), (540, 116), 0, 4)

    assert _centres(find_round_bubbles(_ink(draw), DPI)) == [(100, 100), (300, 100)]


def test_a_ring_thickened_by_a_low_resolution_scan_is_still_a_bubble() -> None:
    """A 200 dpi scan brought to 300 dpi thickens a printed ring to over a quarter of its radius; it is
    still round, so it is still a bubble."""
    def draw(image: np.ndarray) -> None:
        for x in (100, 300):
            cv2.circle(image, (x, 100), 20, 0, 5)  # a stroke 0.3 of the radius

    assert _centres(find_round_bubbles(_ink(draw), DPI)) == [(100, 100), (300, 100)]
