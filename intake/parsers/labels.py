"""Field labels and section headings by their wording, found with fuzzy matching.

Forms say the same thing many ways ("Last name", "Surname", "Family name") and
OCR misreads labels ("Birth dale"). Each label kind lists its phrasings; a
phrase matches a run of words on one visual row when rapidfuzz says the text is
close enough for its length. Longer, better matches claim their words first,
so "Agent name" is not also read as a bare "Name".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from rapidfuzz import fuzz

from intake.ocr.page_text import Box
from intake.parsers import normalize
from intake.parsers.layout import PageLayout, in_brackets, is_item_number

__all__ = [
    "LABELS",
    "HEADINGS",
    "LabelHit",
    "find_labels",
    "find_headings",
    "clean_token",
    "values_mistaken_for_labels",
    "LABEL_VOCABULARY",
    "join_wrapped_labels",
    "is_label_wording",
]

#: label kind -> the ways forms word it (lower case, punctuation-free).
LABELS: dict[str, tuple[str, ...]] = {
    "first_name": ("first name", "given name", "first", "applicant first name", "member first name", "fname"),
    "last_name": ("last name", "surname", "family name", "last", "applicant last name", "member last name"),
    "middle_initial": ("middle initial", "mi", "m i", "middle", "middle name", "initial", "ml", "mll", "m l", "mil",
                       "mid", "mid initial", "mid init"),
    "name": (
        "name",
        "full name",
        "applicant name",
        "applicants name",
        "name of applicant",
        "print name",
        "printed name",
        "enrollee name",
        "member name",
        "beneficiary name",
        "authorized representative",
    ),
    # The representative's own fields, whatever section they stand in.
    "rep_name": (
        "rep name",
        "authorized representative name",
        "name of authorized representative",
        "representative name",
        "representatives name",
    ),
    "rep_phone": ("rep phone", "representative phone", "representative phone number", "representatives phone"),
    "birth_date": ("birth date", "date of birth", "dob", "birthdate", "d o b", "birth"),
    "sex": ("sex", "gender"),
    "phone": (
        "phone",
        "phone number",
        "telephone",
        "telephone number",
        "home phone",
        "home phone number",
        "primary phone",
        "phone #",
        "tel",
        "daytime phone",
        "contact phone",
    ),
    "permanent_street": (
        "permanent residence street address",
        "permanent residence street",
        "permanent residence",
        "permanent residence address",
        "permanent street address",
        "permanent address",
        "home address",
        "residence address",
        "residential address",
        "home street address",
    ),
    "mailing_street": ("mailing address", "mailing street address", "mailing street"),
    "street": ("street address", "street", "address line 1", "street address line 1"),
    "city": ("city", "town", "city town", "city or town"),
    "state": ("state", "st"),
    "zip": ("zip", "zip code", "postal code", "zip+4", "zipcode"),
    "mailing_city": ("mailing city", "mailing city town", "mailing town", "mail city"),
    "mailing_state": ("mailing state",),
    "mailing_zip": ("mailing zip", "mailing zip code", "mailing postal code"),
    "city_state_zip": ("city state zip", "city state zip code", "city state and zip", "city state and zip code"),
    "county": ("county",),
    "medicare_number": (
        "medicare number",
        "medicare beneficiary identifier",
        "medicare beneficiary identifier mbi",
        "mbi",
        "medicare id",
        "medicare #",
        "medicare id number",
        "medicare claim number",
        "medicare card number",
        "mbi number",
    ),
    "effective_date": (
        "requested effective date",
        "effective date",
        "effective date of coverage",
        "requested start date",
        "coverage start date",
        "proposed effective date",
        "desired effective date",
        "requested coverage date",
    ),
    "pcp": (
        "primary care clinic",
        "primary care provider",
        "primary care physician",
        "pcp",
        "pcp name",
        "primary care clinic name",
        "clinic name",
        "primary care provider pcp",
        "preferred clinic",
        "clinic",
        "primary care doctor",
        "doctor or clinic",
    ),
    "account_holder": (
        "account holder name",
        "account holder",
        "name on account",
        "name of account holder",
        "account holders name",
        "name on the account",
    ),
    "routing_number": (
        "routing number",
        "bank routing number",
        "aba routing number",
        "routing #",
        "aba number",
        "routing",
        "routing transit number",
        "bank routing #",
        "bank routing",
    ),
    "account_number": ("account number", "bank account number", "account #", "acct #", "acct number", "account no"),
    "relationship": ("relationship to enrollee", "relationship", "relationship to applicant", "relation to applicant"),
    "signature": (
        "signature",
        "applicant signature",
        "signature of applicant",
        "applicants signature",
        "enrollee signature",
        "sign here",
        "beneficiary signature",
        "member signature",
        # one line for whoever signs: the signer is told by the representative's fields, not by this label
        "signature of applicant or authorized representative",
        "signature of applicant or representative",
        "signature of enrollee or authorized representative",
        "applicant or authorized representative signature",
        "beneficiary or authorized representative signature",
        "member or authorized representative signature",
    ),
    "rep_signature": (
        "authorized representative signature",
        "signature of authorized representative",
        "representative signature",
        "representatives signature",
    ),
    "date": ("date", "todays date", "date signed", "signature date", "date of signature"),
    "npn": (
        "npn",
        "national producer number",
        "agent id",
        "producer #",
        "producer number",
        "agent npn",
        "writing agent id",
        "agent #",
        "broker id",
        "producer id",
        "agent number",
        "npn #",
        "agent npn #",
        "agent id npn",
    ),
    "agent_name": (
        "agent name",
        "agent broker name",
        "name of staff member agent broker",
        "staff member agent broker name",
        "broker name",
        "producer name",
        "writing agent",
        "writing agent name",
        "name of agent",
        "agent",
        "agent broker",
    ),
    "plan_id": ("plan id", "plan id #", "contract pbp", "plan contract pbp", "contract pbp number", "plan number"),
    "plan_name": ("plan name", "name of plan"),
    # Choice questions a printout answers in words ("Plan selected  Aspirus ... (H5652-001)", "How will you pay
    # your premium?  Monthly bill"); on paper forms their boxes answer them.
    "plan": ("plan selected", "selected plan", "plan choice", "plan chosen", "plan elected", "plan applied for",
             "plan you are enrolling in", "plan you want to join"),
    "payment_method": ("payment method", "premium payment method", "method of payment", "how will you pay",
                       "how will you pay your premium", "how do you want to pay your premium",
                       "how would you like to pay your premium", "premium payment option", "pay my premium by"),
    # Question labels with no text value of their own: they bound neighbouring values.
    "dental": ("dental rider", "optional dental rider", "dental", "dental coverage", "dental benefit", "dental add on"),
    "account_type": ("account type", "type of account", "type"),
    "address": ("address",),
    # Fields the record does not keep: found only so their words and values bound their neighbours'.
    "other": (
        "apt", "apt unit", "apt #", "apartment", "suite", "apt suite", "email", "e mail", "email address",
        "e mail address", "bank name", "name of bank", "agency name", "agency", "agency id", "agency phone", "preferred language", "language",
        "agent phone", "agent phone number", "agent telephone", "agent email", "agent e mail", "agency code",
        "agent writing #", "agent writing number", "agent writing id", "agent code",
        "race", "ethnicity", "employer", "fax number", "spouse name",
    ),
    "rep_address": ("rep address", "representative address", "representatives address"),
}

#: section kind -> heading phrasings. A heading governs the labels below it.
HEADINGS: dict[str, tuple[str, ...]] = {
    "mailing": (
        "mailing address",
        "mailing address if different",
        "mailing address if different from your permanent address",
        "mailing address if different from permanent address",
    ),
    "representative": (
        "authorized representative",
        "if you are the authorized representative",
        "if youre the authorized representative",
        "authorized representative information",
        "legal representative",
        "signed by authorized representative",
        "if someone else signed",
        "someone else signed for the enrollee",
        "signed by someone else",
        "if someone signed for you",
    ),
    "office": (
        "office use only",
        "for office use only",
        "for agent broker use",
        "for agent broker use only",
        "agent broker use only",
        "for agent use",
        "for agent use only",
        "agent use only",
        "agent information",
        "agent broker information",
        "to be completed by agent",
        "to be completed by the agent",
        "office use",
        "for plan use only",
        "broker information",
        "agent broker",
        "agent broker section",
        "agent of record",
        "agent of record information",
    ),
    "payment": (
        "paying your plan premium",
        "premium payment",
        "premium payment method",
        "payment option",
        "payment options",
        "how would you like to pay",
        "payment method",
        "paying your premium",
    ),
    "applicant": (
        "applicant information",
        "about you",
        "personal information",
        "enrollee information",
        "member information",
        "beneficiary information",
        "your information",
    ),
    "medicare": ("medicare information", "your medicare information"),
    "emergency": ("emergency contact", "emergency contact information", "in case of emergency"),
    "signature": ("please read and sign", "signature section", "read and sign below", "signature", "signatures",
                  "sign here", "sign below", "signature and date"),
}

_EXTRA_LABEL_WORDS = ("requested", "optional", "required", "different", "above", "below", "please", "print",
                      "only", "from", "your", "the", "this", "for", "and", "with")


def _vocabulary() -> frozenset[str]:
    words = {w for table in (LABELS, HEADINGS) for phrases in table.values() for p in phrases for w in p.split()}
    return frozenset(w for w in words | set(_EXTRA_LABEL_WORDS) if len(w) >= 3)


#: Words forms print in labels: a run of them after a label ("REQUESTED" of "COVERAGE EFFECTIVE DATE
#: REQUESTED") is more label, never the value.
LABEL_VOCABULARY = _vocabulary()

_STRIP = re.compile(r"^[^\w#+]+|[^\w#+]+$")
_SLASH = re.compile(r"[/\\]")
_INNER = re.compile(r"['’`.]")


def clean_token(text: str) -> str:
    """Lower case without surrounding punctuation; apostrophes and dots inside dropped."""
    return _STRIP.sub("", _SLASH.sub(" ", _INNER.sub("", text.lower()))).strip()


_DIGIT_AS_LETTER = str.maketrans({"1": "i", "0": "o", "5": "s", "8": "b"})


def _each_word_matched(window: list[str], phrase: str) -> bool:
    """Every word of the phrase has a close word in the window (short words exactly), so a fuzzy
    score made of one long shared word cannot stand for a phrase missing another word."""
    tokens = [t for w in window for t in w.split() if t]
    for word in phrase.split():
        if word == "#":
            continue
        need = 100.0 if len(word) <= 2 else 70.0
        close = max(
            (max(fuzz.ratio(t, word), fuzz.ratio(_fold(t), _fold(word)),
                 # run together with its neighbour ("Cityffown" holds "city")
                 fuzz.partial_ratio(word, t) if len(t) > len(word) + 1 and len(word) >= 3 else 0.0)
             for t in tokens),
            default=0.0,
        )
        if close < need:
            return False
    return True


@lru_cache(maxsize=8192)
def _fold(text: str) -> str:
    """Letter pairs OCR reads as one letter and back ("sumame" for "surname", "dinic" for "clinic")."""
    return text.replace("rn", "m").replace("cl", "d").replace("vv", "w")


def _letters_for_digits(token: str) -> str:
    """A label word OCR read with a digit for a letter ("M.1." for "M.I.", "B1rth"): its letters.
    Only words that also hold letters: a number stays a number."""
    if any(ch.isdigit() for ch in token) and any(ch.isalpha() for ch in token):
        return token.translate(_DIGIT_AS_LETTER)
    return token


def _threshold(phrase: str) -> float:
    n = len(phrase.replace(" ", ""))
    if n <= 3:
        return 100.0
    if n == 4:
        return 74.0  # one letter misread ("cily")
    if n <= 6:
        return 80.0  # not "get" for "agent"
    if n <= 12:
        return 80.0
    return 88.0


@dataclass(frozen=True)
class LabelHit:
    """A label (or heading) found on a page: its kind, words and how well it matched."""

    kind: str
    page: int
    indices: tuple[int, ...]
    box: Box
    score: float  # 0..100
    at_chunk_start: bool  # first words of their chunk (not inside a sentence)
    colon: bool  # followed by ':' (or the last word ends with one)
    chunk_len: int
    chunk_left: float = 0.0  # where the text containing the label starts ("PART D. PREMIUM PAYMENT")
    matched: int = 0  # words the phrase itself matched, before extending to a colon

    @property
    def strong(self) -> bool:
        """Placed like a label: starts a chunk, carries a colon, or stands nearly alone."""
        return self.at_chunk_start or self.colon or self.chunk_len <= len(self.indices) + 3


def _candidates(layout: PageLayout, table: dict[str, tuple[str, ...]]) -> list[LabelHit]:
    hits: list[LabelHit] = []
    words = layout.text.words
    for row in layout.rows:
        for chunk, boundary in _label_chunks(layout, row, joined=table is LABELS):
            tokens = [_letters_for_digits(clean_token(words[i].text)) for i in chunk]
            # "staff member/agent/broker" is one OCR word but three words of a phrase
            counts = [t.count(" ") + 1 if t else 0 for t in tokens]
            for kind, phrases in table.items():
                for phrase in phrases:
                    width = phrase.count(" ") + 1
                    for start, size, count in _windows(counts, width):
                        window = tokens[start : start + size]
                        if not window[0] or not window[-1]:
                            continue
                        last_raw = words[chunk[start + size - 1]].text.strip()
                        if size > 1 and last_raw.startswith("(") and not last_raw.endswith(")"):
                            continue  # "Routing number (9": a label never ends inside its hint
                        if count > width and any(_ends_a_label(words[chunk[j]].text) for j in range(start, start + size - 1)):
                            continue  # "Middle initial: S": a word more than the phrase, past its colon, is the value
                        text = " ".join(t for t in window if t)
                        if "#" in phrase and "#" not in text:
                            continue  # "Producer #" is a number's label; "Producer:" is the producer's name
                        score = fuzz.ratio(text, phrase)
                        squashed = fuzz.ratio(text.replace(" ", ""), phrase.replace(" ", ""))
                        need = max(90.0, _threshold(phrase)) if count < width else _threshold(phrase)
                        best = max(score, squashed)
                        if best < need and (_fold(phrase) != phrase or _fold(text) != text):
                            best = max(best, fuzz.ratio(_fold(text), _fold(phrase)))
                        # fewer words than the phrase: only a near-exact run-together ("Birthdate")
                        if best < need:
                            continue
                        if best < 95 and not _each_word_matched(window, phrase):
                            continue  # "2 Medicare" is not "Medicare ID": a whole word of the phrase is absent
                        if boundary and not (start < boundary < start + size and best >= 95):
                            continue  # across two chunks: only a whole phrase over the gap
                        ids = tuple(chunk[start : start + size])
                        at_start = start == 0 or _only_marks(tokens[:start], [words[i].text for i in chunk[:start]])
                        last = words[ids[-1]].text
                        after = chunk[start + size] if start + size < len(chunk) else None
                        colon = last.rstrip().endswith((":", ";")) or (
                            after is not None and words[after].text.strip().startswith(":")
                        )
                        # A one-word or very short label inside running text is more
                        # likely a value ("MI" the state, "FIRST AVE") than a label.
                        if (width == 1 or len(phrase) <= 3) and not (at_start or colon):
                            continue
                        # ... and "ST", also a street's last word and what OCR reads in a dark bar's noise, is no
                        # label when OCR all but guessed it
                        if phrase in _NOISE_PRONE and min(words[i].conf for i in chunk[start : start + size]) < _GUESSED:
                            continue
                        # ... and a one-word near miss right after other words ("2437 BIRCH LN") is a value
                        if width == 1 and best < 100 and not colon and _follows_closely(layout, row, chunk[start]):
                            continue
                        # ... and so is a capitals word right after written capitals ("ASPIRUS ANTIGO CLINIC")
                        if width == 1 and not colon and _ends_written_capitals(layout, row, chunk[start]):
                            continue
                        ids = _extend_to_colon(words, chunk, start + size, ids) if not colon else ids
                        colon = colon or words[ids[-1]].text.rstrip().endswith(":")
                        box = layout.union_box(list(ids))
                        hits.append(
                            LabelHit(
                                kind=kind,
                                page=layout.page,
                                indices=ids,
                                box=box,
                                score=best,
                                at_chunk_start=at_start,
                                colon=colon,
                                chunk_len=len(chunk),
                                chunk_left=words[chunk[0]].box.left,
                                matched=size,
                            )
                        )
    return hits


_GUESSED = 0.25  # a word read with less confidence than this is OCR's guess
_NOISE_PRONE = frozenset({"st"})  # label phrases OCR makes out of noise

#: Two chunks of a row this close may hold one label whose dash OCR dropped ("PERMANENT RESIDENCE — STREET")
_DASH_GAP = 2.6


def _ends_a_label(text: str) -> bool:
    """A word closing a label: "initial:", or "initial." or "initial;" as OCR reads its colon (not "3.")."""
    text = text.rstrip()
    return text.endswith((":", ";", ".")) and sum(ch.isalpha() for ch in text) >= 2


def _label_chunks(layout: PageLayout, row, *, joined: bool) -> list[tuple[list[int], int]]:
    """The row's chunks (boundary 0), and (``joined``) each two neighbouring chunks a dash's width apart
    joined, with the position where the second starts."""
    chunks = layout.chunks(row)
    out = [(chunk, 0) for chunk in chunks]
    for first, second in zip(chunks, chunks[1:]) if joined else ():
        if layout.gap(first[-1], second[0]) <= _DASH_GAP * layout.em:
            out.append((first + second, len(first)))
    return out


def _follows_closely(layout: PageLayout, row, index: int) -> bool:
    """Another word sits on the row just left of word ``index`` (within 2.5 text heights)."""
    words = layout.text.words
    position = row.indices.index(index)
    if position == 0:
        return False
    before = words[row.indices[position - 1]]
    return words[index].box.left - before.box.right < 2.5 * layout.em


def _ends_written_capitals(layout: PageLayout, row, index: int) -> bool:
    """Word ``index`` is in capitals and follows closely a capitals word that is no label wording: the
    last word of a value written in capitals ("ANTIGO CLINIC"), not a label. With nothing written
    after it, the gap before it may be as wide as handwriting leaves between words."""
    words = layout.text.words
    word = words[index].text.strip(":;,.")
    position = row.indices.index(index)
    if position == 0 or not word.isupper():
        return False
    em = layout.em
    previous, box = words[row.indices[position - 1]], words[index].box
    if box.left - previous.box.right > (2.5 if position + 1 < len(row.indices)
                                         and words[row.indices[position + 1]].box.left - box.right < 3 * em else 4.5) * em:
        return False  # (written capitals are spaced wide; a label with its value after it, "STATE WI", is not)
    before = previous.text.strip(":;,.()")
    return before.isalpha() and before.isupper() and len(before) >= 3 and before.lower() not in LABEL_VOCABULARY


def _windows(counts: list[int], width: int) -> list[tuple[int, int, int]]:
    """``(start, tokens, words)`` for every run of tokens holding ``width`` +-1 words."""
    out = []
    for start in range(len(counts)):
        total = 0
        for end in range(start, len(counts)):
            total += counts[end]
            if total > width + 1:
                break
            if total >= max(1, width - 1):
                out.append((start, end - start + 1, total))
    return out


def _extend_to_colon(words, chunk: list[int], after: int, ids: tuple[int, ...]) -> tuple[int, ...]:
    """A label that goes on in words up to a colon ("Requested effective date of coverage:") ends there.

    Only lower/title-case words without digits are taken: values are digits or
    written in capitals, and must not be swallowed into the label.
    """
    for end in range(after, min(len(chunk), after + 14)):
        text = words[chunk[end]].text.strip()
        if not is_label_wording(text):
            return ids
        if text.endswith(":") or (text.endswith(");") and text.startswith("(")):  # OCR reads some colons as ';'
            return ids + tuple(chunk[after : end + 1])
    return ids


def _only_marks(tokens: list[str], texts: list[str]) -> bool:
    """Tokens before a label that do not make it part of a sentence (box marks, numbering: "13a.")."""
    return all(len(t) <= 2 or t in ("optional",) or is_item_number(text) for t, text in zip(tokens, texts))


def _select(hits: list[LabelHit]) -> list[LabelHit]:
    """Greedy: longer and closer matches first; each word belongs to at most one hit."""
    ranked = sorted(
        hits,
        key=lambda h: (-(h.score >= 95), -len(h.indices), -h.matched, -h.score, h.box.top, h.box.left),
    )
    taken: set[int] = set()
    chosen: list[LabelHit] = []
    for hit in ranked:
        if taken.intersection(hit.indices):
            continue
        taken.update(hit.indices)
        chosen.append(hit)
    return sorted(chosen, key=lambda h: (h.box.top, h.box.left))


#: Label kinds whose values come from a short closed list. A one-word "label" standing
#: where such a label's value goes, and spelling one of its values, is that value:
#: "State MI" is Michigan, not a middle-initial label.
_CLOSED_VALUES = {"state": lambda text: normalize.state(text).ok}


def _in_value_place(layout: PageLayout, label: LabelHit, other: LabelHit) -> bool:
    """``other`` is the first thing right of ``label`` on its row, right under it, or right over it."""
    em = layout.em
    a, b = label.box, other.box
    # on the label's line, or a little lower (a table cell's value sits half-way down a two-line label)
    same_row = -0.6 * em < b.center[1] - a.center[1] < 1.0 * em and 0 <= b.left - a.right < 12 * em
    if same_row:
        between = [
            w for w in layout.text.words
            if a.right < w.box.left < b.left and abs(w.box.center[1] - a.center[1]) < 0.6 * em
        ]
        return not between
    overlap = min(a.right, b.right) - max(a.left, b.left) > 0
    below = 0 <= b.top - a.bottom < 2.5 * em and overlap
    # or right over it: a caption printed under its line ("MI" written over "State (abbr.)")
    above = 0 <= a.top - b.bottom < 1.5 * em and overlap
    return below or above


def values_mistaken_for_labels(layout: PageLayout, hits: list[LabelHit]) -> list[LabelHit]:
    """``hits`` without the one-word "labels" that stand where a closed-list label's value goes."""
    words = layout.text.words
    mistaken: set[int] = set()
    for label in hits:
        accepts = _CLOSED_VALUES.get(label.kind)
        if accepts is None:
            continue
        for other in hits:
            if other is label or other.colon or len(other.indices) != 1:
                continue
            if _in_value_place(layout, label, other) and accepts(words[other.indices[0]].text.strip(" :,.")):
                mistaken.add(id(other))
    return [hit for hit in hits if id(hit) not in mistaken]


def _bracketed(layout: PageLayout) -> set[int]:
    """Words inside brackets on their row: "(from your red, white and blue Medicare card)" explains a
    label, it is none. A bracketed single word ("(MBI)") may still be one."""
    words = layout.text.words
    inside = {i for row in layout.rows for i in in_brackets(words, row.indices)}
    return {i for i in inside if not (words[i].text.startswith("(") and words[i].text.rstrip(":;,.*").endswith(")"))}


def find_labels(layout: PageLayout) -> list[LabelHit]:
    """Every field label on the page, each word claimed by at most one label."""
    bracketed = _bracketed(layout)
    hits = [h for h in _candidates(layout, LABELS) if not set(h.indices) <= bracketed]
    return values_mistaken_for_labels(layout, _select(hits))


def find_headings(layout: PageLayout) -> list[LabelHit]:
    """Section headings, only where they stand like headings (not inside running text)."""
    return [
        h
        for h in _select(_candidates(layout, HEADINGS))
        if (h.chunk_len <= 14 or (h.at_chunk_start and h.chunk_len - len(h.indices) <= _HEADING_TAIL))
        and h.score >= 85 and (h.kind != "signature" or _line_of_its_own(layout, h))
    ]


def _line_of_its_own(layout: PageLayout, hit: LabelHit) -> bool:
    """The heading's words are all its line holds, with no colon: "Signature" over its block, not the label
    "Signature:" or "Applicant signature" with the pen's line beside it."""
    row = layout.rows[layout.row_of[hit.indices[0]]]
    return not hit.colon and set(row.indices) == set(hit.indices)


#: A heading may be followed on its line by a few words ("... (complete only if ...)"); a line that runs on
#: for more is a sentence that happens to start with a heading's words ("Legal representative signs, ...").
_HEADING_TAIL = 8


def is_label_wording(text: str) -> bool:
    """A word of printed label wording, not writing: no digits and no run of capitals (both allowed in
    a hint: "(MM/DD/YYYY)", "(9 digits)"); values are digits or written in capitals."""
    bare = text.strip("():;,.*")
    if text.startswith("(") or text.rstrip(":;,.*").endswith(")") or "/" in text:
        return True
    return not any(ch.isdigit() for ch in bare) and not (len(bare) > 2 and bare.isupper())


def _hint_word(text: str) -> bool:
    """A one-word bracketed format hint, brackets as OCR reads them: "(mm/dd/yyyy)", "{mm/dd/yyyy)"."""
    text = text.strip().rstrip(":;,.")
    return len(text) >= 4 and text[0] in "({[" and text[-1] in ")}]" and not any(ch.isdigit() for ch in text)


def join_wrapped_labels(layout: PageLayout, hits: list[LabelHit]) -> list[LabelHit]:
    """A label printed on two lines ("Birthdate / (mm/dd/yyyy):", "Relationship to / applicant:", a
    right-aligned label column) ends on the second line, at its colon: the value follows it there.

    A label without a colon is joined to the words starting the line just under it, in its column,
    when they are label wording (lower case, hints) ending in a colon within four words; words left
    after the label on its own line must be label wording too. The joined label's box is its last
    line, where its value is written.
    """
    words = layout.text.words
    owner = {i: h for h in hits for i in h.indices}
    out = list(hits)
    em = layout.em
    for hit in hits:
        if hit.colon or hit not in out:
            continue
        row_index = layout.row_of[hit.indices[-1]]
        chunk = next((c for c in layout.chunks(layout.rows[row_index]) if hit.indices[-1] in c), [])
        rest = chunk[chunk.index(hit.indices[-1]) + 1 :] if chunk else []
        if any(i in owner or not is_label_wording(words[i].text) for i in rest) or len(rest) > 3:
            continue
        right = max([hit.box.right] + [words[i].box.right for i in rest])
        below = next((r for r in layout.rows[row_index + 1 :] if -0.6 * em <= r.top - hit.box.bottom <= 1.2 * em), None)
        if below is None:
            continue
        nxt = next((c for c in layout.chunks(below) if hit.box.left - 4 * em <= words[c[0]].box.left <= right + em), None)
        if nxt is None:
            continue
        ends = [k for k, i in enumerate(nxt[:4]) if words[i].text.rstrip().endswith((":", ";"))]
        if not ends and len(nxt) > 1 and _hint_word(words[nxt[0]].text):
            ends = [0]  # a format hint alone, its colon lost: "{mm/dd/yyyy) 05/17/1946"
        if not ends:
            continue
        cont = nxt[: ends[0] + 1]
        others = {owner[i] for i in cont if i in owner}
        hints = in_brackets(words, cont)  # "(no P.O. Box):"
        if not all(i in hints or is_label_wording(words[i].text) for i in cont) or any(o.kind != hit.kind for o in others):
            continue
        out = [h for h in out if h not in others]
        out[out.index(hit)] = replace(hit, indices=tuple(hit.indices) + tuple(rest) + tuple(cont),
                                      box=layout.union_box(list(cont)), colon=True)
    return out
