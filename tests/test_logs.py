from intake.logs import safe_traceback


def test_safe_traceback_keeps_frames_but_not_the_message():
    """A logged traceback names the function and type but never quotes the message (may be PHI)."""

    def parse_number(text):
        return int(text)

    secret = "".join(["1EG4", "TE5", "MK73"])  # built at run time: source lines are shown, values not
    try:
        parse_number(secret)
    except ValueError as exc:
        rendered = safe_traceback(exc)
    assert "parse_number" in rendered and "ValueError" in rendered
    assert secret not in rendered
