"""Labels and headings by their key words, for wordings the phrase table does not know.

The phrase table (``labels.LABELS``) knows the usual wordings; real forms
invent others: "Start my coverage on:", "Send correspondence to:", "Producer
ID (NPN)", "Date born". A run of words that stands like a label -- the start of
a chunk up to its colon, or a short chunk without digits -- is given the kind
whose key words it holds. A kind fits when the words hold every key word of
one of its key-word sets and none of its excluded words; when several kinds
fit, the one whose set has more key words wins, and a tie is no label at all
(a person reads it rather than a guess).

Key words that also turn up in values ("clinic", "city", "name", "state")
only make a label when the words end with a colon; words that never appear
in values ("medicare", "zip", "birth", "agent") are enough on their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from intake.parsers.labels import LABEL_VOCABULARY, LabelHit, clean_token
from intake.parsers.layout import PageLayout, in_brackets, is_item_number

__all__ = [
    "KEY_WORD_SCORE",
    "KEYWORD_LABELS",
    "KEYWORD_HEADINGS",
    "classify_words",
    "tokens_of",
    "keyword_labels",
    "keyword_headings",
    "prefer_key_words",
]

#: Spellings of each key word (lower case, punctuation-free tokens).
_WORDS: dict[str, tuple[str, ...]] = {
    "last": ("last", "surname", "family"),
    "first": ("first", "given"),
    "middle": ("middle", "mi", "initial", "ml"),
    "birth": ("birth", "birthdate", "born", "dob", "birthday"),
    "sex": ("sex", "gender"),
    "phone": ("phone", "telephone", "tel", "cell", "mobile", "ph"),
    "medicare": ("medicare",),
    "mbi": ("mbi", "hicn"),
    "number": ("number", "no", "num", "#", "id", "identifier", "nbr"),
    "effective": ("effective",),
    "coverage": ("coverage", "membership"),
    "begin": ("begin", "begins", "start", "starts", "starting", "commence"),
    "zip": ("zip", "zipcode", "postal", "zip+4"),
    "city": ("city", "town", "municipality"),
    "state": ("state", "st"),
    "county": ("county",),
    "residence": ("residence", "residential", "permanent", "home", "physical"),
    "street": ("street", "address", "addr"),
    "mail": ("mail", "mailing", "correspondence", "send"),
    "email": ("email",),  # "e-mail address" is no mailing address
    "rep": ("representative", "representatives", "rep", "reps", "guardian", "attorney", "poa", "signer", "signers"),
    # not "agency": agency names are values ("WAUSAU INSURANCE AGENCY")
    "plan_staff": ("agent", "agents", "broker", "brokers", "producer", "producers", "salesperson", "enroller"),
    "npn": ("npn",),
    "name": ("name", "names"),
    "account": ("account", "acct"),
    "holder": ("holder", "holders", "owner", "owners"),
    "type": ("type",),
    "routing": ("routing", "aba", "transit"),
    "care": ("pcp", "physician", "doctor", "clinic", "provider"),
    "relationship": ("relationship", "relation"),
    "authorized": ("authorized", "legal"),
    "office": ("office", "internal"),
    "plan": ("plan",),
    "use": ("use", "completed"),
    "only": ("only",),  # "Agent only" is the office's; "Check only one" under a plan question is not
    "info": ("information", "info", "section", "details"),
    # Instructions, not labels: "Mail or fax to Enrollment:", "Please return the completed form to:".
    "instruction": ("fax", "return", "submit", "form", "application", "enrollment", "please", "questions"),
    "premium": ("premium", "premiums"),
    "date": ("date",),
    "payment": ("pay", "payment", "payments", "paying", "method", "options", "option"),
}

#: label kind -> key-word sets (one must be wholly present) and excluded key words.
KEYWORD_LABELS: dict[str, tuple[tuple[tuple[str, ...], ...], tuple[str, ...]]] = {
    "last_name": ((("last",),), ("rep", "account", "plan_staff")),
    "first_name": ((("first",),), ("rep", "account", "plan_staff")),
    "middle_initial": ((("middle",),), ("rep", "plan_staff")),
    "birth_date": ((("birth",),), ()),
    "sex": ((("sex",),), ()),
    "phone": ((("phone",),), ("plan_staff", "rep")),
    "rep_name": ((("rep", "name"),), ("plan_staff", "account")),
    "rep_phone": ((("rep", "phone"),), ("plan_staff",)),
    "rep_address": ((("rep", "street"),), ("plan_staff",)),
    "medicare_number": ((("medicare", "number"), ("mbi",)), ()),
    "effective_date": ((("effective",), ("coverage", "begin"), ("begin", "date")), ("birth",)),
    "zip": ((("zip",),), ()),
    "city": ((("city",),), ("zip", "state")),
    "state": ((("state",),), ("zip", "city")),
    "city_state_zip": ((("city", "state", "zip"),), ()),
    "mailing_city": ((("mail", "city"),), ("zip", "state", "street")),
    "mailing_state": ((("mail", "state"),), ("zip", "city", "street")),
    "mailing_zip": ((("mail", "zip"),), ("city", "state", "street")),
    "county": ((("county",),), ()),
    "permanent_street": ((("residence", "street"), ("residence",)), ("mail", "phone", "email")),
    "mailing_street": ((("mail",),), ("phone", "email")),
    "street": ((("street",),), ("mail", "residence", "rep", "plan_staff", "email")),
    "agent_name": ((("plan_staff",), ("plan_staff", "name")), ("npn", "number", "phone", "use", "only")),
    "npn": ((("npn",), ("plan_staff", "number")), ("phone",)),
    "account_holder": ((("account", "name"), ("account", "holder")), ("number", "routing")),
    "routing_number": ((("routing",),), ()),
    "account_number": ((("account", "number"),), ("routing", "name", "holder")),
    "account_type": ((("account", "type"),), ("name", "holder", "number")),
    "pcp": ((("care",),), ("phone",)),
    "relationship": ((("relationship",),), ()),
    "name": ((("name",),), ()),
    "other": ((("email",),), ()),
}

#: heading (section) kind -> key-word sets and excluded key words.
KEYWORD_HEADINGS: dict[str, tuple[tuple[tuple[str, ...], ...], tuple[str, ...]]] = {
    "representative": ((("authorized", "rep"), ("rep", "use")), ("plan_staff",)),
    "office": ((("plan_staff", "use"), ("plan_staff", "only"), ("plan_staff", "info"), ("office", "use"),
                ("office", "only"), ("plan", "use")), ()),
    "payment": ((("premium", "payment"), ("premium",)), ()),
    "mailing": ((("mail",),), ("instruction", "email")),
}

#: Key words that also occur in values: alone they make a label only in a label's place.
_VALUE_PRONE = frozenset({"name", "city", "state", "street", "care", "residence", "first", "last",
                          "account", "number", "county", "rep"})

#: The score a label found by its key words alone is given (phrase matches score by their closeness).
KEY_WORD_SCORE = 80.0

_DIGIT = re.compile(r"\d")
_NUMBERED = re.compile(r"^(step|section|part|sec)\s*([0-9]{1,2}|[a-h])$")
_TOKEN = re.compile(r"[a-z0-9#+]+")
_E_MAIL = re.compile(r"\be[\s.\-]?mail\b")
_HINT = re.compile(r"\([^)]*\)")


def tokens_of(texts) -> list[str]:
    """Lower-case word tokens of label text: "Name(s)" -> name, s; "ABA/Routing" -> aba, routing."""
    return [t for text in texts for t in _TOKEN.findall(_E_MAIL.sub("email", clean_token(text)))]


#: Short words OCR glues to the next word of a label when their gap is narrow ("Coverage tobegin").
_GLUED_BEFORE = ("to", "of", "the", "my", "your", "for")


def _unglued(token: str) -> str:
    """``token`` without a short word glued before it ("tobegin" -> "begin"), when what is left is a word."""
    for short in _GLUED_BEFORE:
        if token.startswith(short) and len(token) - len(short) >= 4:
            rest = token[len(short):]
            if any(rest in spellings for spellings in _WORDS.values()):
                return rest
    return token


def _key_words_of(tokens: list[str]) -> set[str]:
    found = set()
    for token in map(_unglued, tokens):
        # a plural or possessive ("Primary doctor's clinic", "members") names what its singular does
        singular = token[:-1] if len(token) >= 5 and token.endswith("s") else token
        for key, spellings in _WORDS.items():
            if token in spellings or singular in spellings or (
                    len(token) >= 7 and any(len(s) >= 7 and fuzz.ratio(token, s) >= 90 for s in spellings)):
                found.add(key)
    return found


def classify_words(tokens: list[str], table=KEYWORD_LABELS) -> str | None:
    """The kind the tokens name; None when none fits or two fit equally well."""
    return _kind_of(_key_words_of(tokens), table)


def _kind_of(keys: set[str], table) -> str | None:
    if table is KEYWORD_LABELS and "instruction" in keys:
        return None
    fits: dict[str, int] = {}  # kind -> key words of its largest fitting set
    for kind, (sets, excluded) in table.items():
        sizes = [len(s) for s in sets if keys.issuperset(s)]
        if sizes and not keys.intersection(excluded):
            fits[kind] = max(sizes)
    if not fits:
        return None
    most = max(fits.values())
    # "Agent name": the specific kind beats the bare "name"; any other tie is no label
    best = [kind for kind, size in fits.items() if size == most]
    if len(best) > 1:
        best = [kind for kind in best if kind != "name"]
    return best[0] if len(best) == 1 else None


@dataclass(frozen=True)
class _Run:
    indices: tuple[int, ...]
    tokens: list[str]
    colon: bool
    chunk_len: int
    number: int | None = None  # the item number printed before the run ("20" of "20 Preferred provider")


def _runs(layout: PageLayout, taken: set[int], max_words: int = 9) -> list[_Run]:
    """Label-like runs: a chunk's start up to a colon, or a short chunk with no digits outside hints."""
    words = layout.text.words
    runs = []
    for row in layout.rows:
        for number, chunk in (part for whole in layout.chunks(row) for part in _items(words, whole)):
            chunk = _first_question(words, chunk)
            if taken.intersection(chunk[:1]):
                chunk = _after_taken_colon(words, chunk, taken)
                if not chunk:
                    continue
            end = None
            for k, i in enumerate(chunk[:max_words]):
                if i in taken:
                    break
                text = words[i].text.strip()
                following = words[chunk[k + 1]].text.strip() if k + 1 < len(chunk) else ""
                if text.endswith((":", ";")) or following == ":":
                    end = k
                    break
            written = _written_number_after_print(words, chunk[:max_words])
            if end is not None:
                end += _print_after_colon(words, chunk[end + 1 :], taken)
                ids, colon = tuple(chunk[: end + 1]), True
            elif written is not None and not taken.intersection(chunk[:written]):
                ids, colon = tuple(chunk[:written]), False  # "Start coverage on 12/01/2026"
            elif len(chunk) <= max_words and not taken.intersection(chunk):
                ids, colon = tuple(chunk), False
            else:
                continue
            text = " ".join(words[i].text for i in ids)
            if _DIGIT.search(_HINT.sub(" ", text)):
                continue  # numbers are values ("123 Main St:"), except in hints ("(MM/DD/YYYY)")
            tokens = tokens_of(words[w].text for w in ids)
            if tokens:
                runs.append(_Run(ids, tokens, colon, len(chunk), number))
    return runs


def _after_taken_colon(words, chunk: list[int], taken: set[int]) -> list[int]:
    """The rest of a chunk after a colon that ends words already taken (a heading "If signed by someone
    else:" followed by "name MARILYN BRANDT"); empty when the chunk does not go on that way."""
    for k, i in enumerate(chunk):
        if i not in taken:
            return []
        if words[i].text.rstrip().endswith(":"):
            return chunk[k + 1 :]
    return []


def _print_after_colon(words, rest: list[int], taken: set[int]) -> int:
    """How many words after a label's colon are still its print: a lower-case key word before the writing
    ("If signed by someone else: name | MARILYN BRANDT"), never the writing itself."""
    count = 0
    for i in rest[:2]:
        text = words[i].text.strip(".,;:")
        if i in taken or not (text.isalpha() and text.islower()) or not _key_words_of([text]):
            break
        count += 1
    return count


def _written_number_after_print(words, chunk: list[int]) -> int | None:
    """Where a value with digits starts right after sentence-case print with no colon between ("Start
    coverage on 12/01/2026", its leader dots erased): the first word with a digit outside a hint, when
    the words before it hold a lower-case word; else None."""
    hint = in_brackets(words, chunk)
    for k, i in enumerate(chunk):
        if i not in hint and _DIGIT.search(words[i].text):
            before = [words[j].text.strip(".,:;()") for j in chunk[:k]]
            printed = any(len(t) >= 2 and t.isalpha() and t.islower() for t in before)
            return k if k >= 2 and printed else None
    return None


def _items(words, chunk: list[int]) -> list[tuple[int | None, list[int]]]:
    """A chunk cut at its item numbers, each item without its number (and that number's index):
    claim-form style boxes ("19 Proposed effective date 20 Preferred provider / clinic") are one
    label each."""
    parts: list[tuple[int | None, list[int]]] = [(None, [])]
    for k, i in enumerate(chunk):
        following = words[chunk[k + 1]].text.strip() if k + 1 < len(chunk) else ""
        if is_item_number(words[i].text) and following[:1].isalpha():
            parts.append((i, []))
            continue
        parts[-1][1].append(i)
    return [(number, part) for number, part in parts if part]


def _hit(layout: PageLayout, run: _Run, kind: str, score: float) -> LabelHit:
    return LabelHit(
        kind=kind,
        page=layout.page,
        indices=run.indices,
        box=layout.union_box(list(run.indices)),
        score=score,
        at_chunk_start=True,
        colon=run.colon,
        chunk_len=run.chunk_len,
        chunk_left=layout.word(run.indices[0] if run.number is None else run.number).box.left,
        matched=len(run.indices),
    )


def _first_question(words, chunk: list[int]) -> list[int]:
    """A chunk up to its first question mark: a numbered question stands as a title for the answers
    under it ("8. Do you get your mail somewhere else? If so, tell us where ...")."""
    for k, i in enumerate(chunk):
        if words[i].text.strip().endswith("?"):
            return chunk[: k + 1]
    return chunk


def _as_label(layout: PageLayout, run: _Run, keys: set[str]) -> _Run | None:
    """``run`` as a label, or None. Without a colon, a run whose key words all occur in values too
    ("ASPIRUS ANTIGO CLINIC", "Name of representative. EUGENE BECKER") is a label only as sentence-case
    print, and only its print: the capitals after it are the value on its line."""
    if run.colon:
        return run
    if not keys <= _VALUE_PRONE:
        # "Selling agent TOUA JOHNSON": the value written right after the print (a leader erased between)
        return _printed_part(layout, run, keep_wordings=True) if _printed_wording(layout, run) else run
    return _printed_part(layout, run) if _printed_wording(layout, run) else None


def _printed_wording(layout: PageLayout, run: _Run) -> bool:
    """Sentence-case print ("Preferred provider / clinic"): a word after the first in lower case.
    Values are written in capitals or typed as names, so such a run is a printed label."""
    texts = [layout.word(i).text.strip(".,:;()/") for i in run.indices[1:]]
    first = layout.word(run.indices[0]).text.strip(".,:;()/")
    # ... or a run that starts in lower case, as print after a colon does ("...: name MARILYN BRANDT")
    return any(len(t) >= 3 and t.isalpha() and t.islower() for t in texts) or (
        len(first) >= 3 and first.isalpha() and first.islower())


def _printed_part(layout: PageLayout, run: _Run, *, keep_wordings: bool = False) -> _Run:
    """``run`` without the capitals written after its sentence-case print (the value on its line);
    ``keep_wordings``: capitals that are label wording ("PCP", "NPN") stay print."""
    keep = list(run.indices)
    while len(keep) > 1 and _written(layout.word(keep[-1]).text):
        if keep_wordings and clean_token(layout.word(keep[-1]).text) in LABEL_VOCABULARY:
            break
        keep.pop()
    if len(keep) == len(run.indices):
        return run
    return _Run(tuple(keep), tokens_of(layout.word(i).text for i in keep), run.colon, run.chunk_len, run.number)


def _written(text: str) -> bool:
    if any(ch in "()[]{}" for ch in text):
        return False  # part of a printed hint ("(PO Box OK)")
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def keyword_labels(layout: PageLayout, labels: list[LabelHit], taken: set[int]) -> list[LabelHit]:
    """Labels the phrase table missed, found by key words among words not in ``taken``."""
    hits: list[LabelHit] = []
    for run in _runs(layout, taken):
        keys = _key_words_of(run.tokens)
        kind = _kind_of(keys, KEYWORD_LABELS)
        if kind is None:
            continue
        if not run.colon:
            if _printed_wording(layout, run):
                # "Doctor / clinic of choice (optional) ASPIRUS MERRILL CLINIC": the writing after the
                # print is its value, no part of the label's length
                run = _printed_part(layout, run, keep_wordings=not keys <= _VALUE_PRONE)
            question = layout.word(run.indices[-1]).text.strip().endswith("?")  # "When would you like your coverage to start?"
            most = 12 if question else 6
            if len(run.tokens) > most:
                # "Account owner's name (as printed on your checks)": a hint is no part of a label's length,
                # and then the label is named by its words outside the hint
                hint = in_brackets(layout.text.words, run.indices)
                outside = tokens_of(layout.word(i).text for i in run.indices if i not in hint)
                keys = _key_words_of(outside)
                if len(outside) > most or _kind_of(keys, KEYWORD_LABELS) != kind:
                    continue
            short = len(run.tokens) == 1 and len(run.tokens[0]) <= 3
            if short and _in_a_row_of_labels(layout, run, labels):
                hits.append(_hit(layout, run, kind, KEY_WORD_SCORE))
                continue
            run = _as_label(layout, run, keys)
            if run is None or short:
                continue  # "ST", "MI" alone without a colon are values far more often than labels
        hits.append(_hit(layout, run, kind, KEY_WORD_SCORE))
    return hits


def _in_a_row_of_labels(layout: PageLayout, run: _Run, labels: list[LabelHit]) -> bool:
    """A short word ("ST") that stands on its own in a row of labels, in their print: a column's label
    ("CITY .......... ST  ZIP CODE" over comb boxes), not a value, which is written beside its label."""
    word = layout.word(run.indices[0])
    row = layout.row_of.get(run.indices[0])
    position = layout.rows[row].indices.index(run.indices[0]) if row is not None else 0
    if row is None or position == 0:
        return False
    before = layout.word(layout.rows[row].indices[position - 1])
    if word.box.left - before.box.right < 3 * layout.em:
        return False  # "State WI": the word right after a label is its value
    height = word.box.height
    # in the labels' print: as tall as a label on its row, or as other labels of the page (a label's box OCR
    # stretched over a stroke of the writing under it is no measure)
    alike = [hit for hit in labels if abs(hit.box.height - height) <= 0.2 * max(height, 1)]
    return any(layout.row_of.get(hit.indices[0]) == row for hit in labels) and (
        len(alike) >= 2 or any(layout.row_of.get(hit.indices[0]) == row for hit in alike))


_PARTS_OF_A_NAME = frozenset({"first_name", "last_name", "middle_initial"})


def prefer_key_words(layout: PageLayout, labels: list[LabelHit], blocked: set[int]) -> list[LabelHit]:
    """Where one phrase label matched only part of a label-like run and the run's key words name
    another kind, the key words win: "Start my coverage on:" is not the "State" label that "Start"
    resembles, "Date born:" is no signature date, "ENROLLING AGENT" is no NPN label."""
    words = layout.text.words
    out = list(labels)
    for run in _runs(layout, blocked):
        members = set(run.indices)
        inside = [h for h in out if members.intersection(h.indices)]
        if len(inside) != 1 or not set(inside[0].indices) <= members:
            continue
        label = inside[0]
        phrase_words = label.indices[: label.matched or len(label.indices)]  # not the words up to its colon
        hints = in_brackets(words, run.indices)  # "(MM/DD/YYYY)", "(home)"
        uncovered = tokens_of(words[i].text for i in run.indices if i not in phrase_words and i not in hints)
        if not [t for t in uncovered if len(t) > 1 or t == "#"]:
            continue
        keys = _key_words_of(run.tokens)
        kind = _kind_of(keys, KEYWORD_LABELS)
        if kind is None or kind == label.kind or (kind == "name" and label.kind in _PARTS_OF_A_NAME):
            continue  # a bare "name" never wins over its part: "Beneficiary tast name" is "last name" misread
        run = _as_label(layout, run, keys)
        if run is not None:
            out[out.index(label)] = _hit(layout, run, kind, KEY_WORD_SCORE)
    return out


def keyword_headings(layout: PageLayout, taken: set[int]) -> list[LabelHit]:
    """Section headings by key words: whole short chunks that start their row and end without a colon
    ("Section 6 - For Broker/Agent Use", "Where should we send mail?"); a numbered title of no known
    kind ("Step 3 Choose your plan") is a heading of kind ``other``: it ends the section before it."""
    words = layout.text.words
    hits = []
    for row in layout.rows:
        chunks = layout.chunks(row)
        if not chunks:
            continue
        chunk = _first_question(words, chunks[0])
        if taken.intersection(chunk) or len(chunk) > 12:
            continue
        if any(words[i].text.strip().endswith(":") for i in chunk):
            continue  # a label and its value ("Send correspondence to: PO BOX 7")
        tokens = tokens_of(words[i].text for i in chunk)
        kind = classify_words(tokens, KEYWORD_HEADINGS)
        if kind is None and _NUMBERED.match(" ".join(tokens[:2])):
            kind = "other"  # "Step 3 Choose your plan": a new section of no kind we know ends the last one
        if kind is None:
            continue
        run = _Run(tuple(chunk), tokens, False, len(chunk))
        hits.append(_hit(layout, run, kind, 85.0))
    return hits
