"""Author names: split credit lines into names and clean each one.

"By: Asfandyar Mir, Ph.D.;  Tamanna Salikuddin" gives two names without the
degree; "Mir, Asfandyar" is turned round when it is clearly one inverted name;
roles, honorifics, emails, handles, dates and "and 3 others" are dropped;
strings that are not names (sentences, "Share", "Facebook") are rejected.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .text import WIDE_CHARS, clean, strip_accents
from .name_patterns import (ARTICLES, BIO_NAME, CJK_HELPER, CJK_LABEL, CJK_ROLE, CONJUNCTION,
                            DEGREE, DIGIT, DOTTED_LOGIN, DOUBLE_SURNAME, EDGE_WORDS, FIELD,
                            FOR_OUTLET, HELPERS, HONORIFIC, JOINS, KO_ROLE, LABEL, LEGAL_FORM,
                            LONG_TLDS, LOWER_PARTICLES, MAILBOX, MAX_NAME, MID_BY, NOISE,
                            NOT_AUTHORS, NOT_NAMES, ORGANIZATION, PREFIX, REGION, REPORTER_PLACE,
                            ROLE, ROLE_AND_NAME, ROLE_FIELD_AND, SPLIT, SURNAME_FIRST, TOKEN,
                            TRANSLATION, TWO_LETTER_AGENCIES)

_GLUE = "\ue000"  # a private-use character: no page writes it inside a name
_MIN_ROLE = 5  # "em", "aus", "from": prepositions are short; job titles are not
_JOINED_BY_AND = re.compile(r"\s(?:and|und|et|y|e|en|i|og|och)\s", re.IGNORECASE)
_ROLE_OF = re.compile(r"(?:of|for|in|at|für|de|di)\s")
_PREPOSITIONS = frozenset({"desde", "durch", "unter", "entre", "sobre", "depuis", "about"})


def opening_name(text: str) -> str | None:
    """Return the full name that opens a biography ("Jane Doe is a senior fellow…")."""
    match = BIO_NAME.match(" ".join(text.split()[:8]))
    names = split_names(match.group(1)) if match else []
    if len(names) == 1 and 2 <= len(names[0].split()) <= 4 and not DIGIT.search(names[0]):
        return names[0]
    return None


def split_names(text: str) -> list[str]:
    """Split one credit line into cleaned names, in order, without duplicates."""
    return list(_split_cached(text)) if isinstance(text, str) else []


@lru_cache(maxsize=4096)
def _split_cached(text: str) -> tuple[str, ...]:
    """Split a credit line (memoized: pages repeat one byline in several places)."""
    return tuple(_split(text))


def _split(text: str) -> list[str]:
    """Split one credit line into cleaned names (see split_names)."""
    # Line breaks separate names (one per element); clean() would fold them into spaces.
    text = clean(re.sub(r"\s*\n\s*", " ; ", text.strip()), limit=600) or ""
    if not text:
        return []
    if TRANSLATION.match(text):
        return []
    text = _after_by(NOT_AUTHORS.sub("", REPORTER_PLACE.sub("", HELPERS.sub("", text))))
    text = CJK_LABEL.sub("", PREFIX.sub("", text))
    text = MAILBOX.sub(lambda m: m.group(1) or " ", text)  # "a@b.org (Jane Doe)"
    text = NOISE.sub(" ", text)
    text = DEGREE.sub("", text)
    if _is_sentence(_without_roles(text)):
        return []
    text = LABEL.sub("", text)
    names: list[str | None] = []
    for chunk in text.split(";"):
        if _is_sentence(_without_roles(chunk), long_line=10):
            continue  # an author box's bio line beside the name
        pieces = chunk.split(",")
        while len(pieces) > 2 and _is_role(pieces[-1]):
            pieces.pop()
        chunk = ",".join(_without_role_pieces(pieces))
        inverted = _inverted(chunk)
        names += [inverted] if inverted else [clean_name(_without_outlet(p.replace(_GLUE, " ")))
                                              for p in SPLIT.split(_glue_surnames(chunk))]
    found = [n for n in names if n]
    if len(found) > 1 and all(SURNAME_FIRST.match(n) for n in found):
        # The EU institutions' "KARAMANLI Eleni; VOGT Johannes": each family name in capitals
        # goes first (a line of several, so that "NASA Scientist" alone is left as it is).
        found = [_given_first(n) for n in found]
    return unique_names(found)


def _glue_surnames(chunk: str) -> str:
    """Return a credit line with the "i"/"y" between a Catalan or Spanish name's two
    surnames glued ("Jordi Puigvert i Martí, Núria Ferrer i Sala"), so that no split parts
    them: the word after it ends a name, and two words or more come before it."""
    def glue(match: re.Match[str]) -> str:
        before = re.split(r"[,;&]| (?:and|i|y|e) ", chunk[:match.start()])[-1]
        return match.group(0) if len(before.split()) < 2 else f"{_GLUE}{match.group(1)}{_GLUE}"
    return DOUBLE_SURNAME.sub(glue, chunk) if " i " in chunk or " y " in chunk else chunk


def _given_first(name: str) -> str:
    """Return "KARAMANLI Eleni" as "Eleni Karamanli" (the family name in title case)."""
    match = SURNAME_FIRST.match(name)
    return f"{match.group(2)} {_title_case(match.group(1))}" if match else name


def _without_roles(text: str) -> str:
    """Return a credit without the comma-separated pieces that open with a role: a role after
    a name ("Jean Dupont, envoyé spécial à Kiev") does not make the credit prose (but "is a
    senior fellow at…" does)."""
    return ",".join(p for p in text.split(",") if not ROLE.match(p.strip()))


def _without_role_pieces(pieces: list[str]) -> list[str]:
    """Drop the role written after a name ("Cory Welt, Specialist in Russian and European
    Affairs") with the pieces that go on describing it ("…, Security Cooperation and the
    Global Arms Trade"), so that its "and" splits no name off; a later piece that is a name,
    or opens with "and", credits someone again."""
    if len(pieces) < 2 or len(pieces[0].split()) < 2:
        return pieces  # "Doe, Jane": an inverted name
    # A line that opens with a role ("Research Fellow, Land Warfare") goes on with its
    # subject, not with a name, up to an "and".
    opens_with_role = _is_role(pieces[0])
    kept, in_role = pieces[:1], opens_with_role
    for piece in pieces[1:]:
        text = piece.strip()
        if opens_with_role and in_role and not CONJUNCTION.match(text):
            continue
        rest = _after_chair(text)
        if rest is not None:
            if rest:
                kept.append(" " + rest)
            continue
        if ROLE.match(text):
            in_role = True
            # "Senior Fellow and John Roe": no field opened before the "and", so a name
            # follows it; "Specialist in Russian and European Affairs" goes on with a field.
            joined = ROLE_AND_NAME.match(text) or ROLE_FIELD_AND.match(text)
            if joined and _is_name_after_role(joined.group(1), joined.re is ROLE_AND_NAME):
                kept.append(joined.group(1))
                in_role = False
        elif not in_role or CONJUNCTION.match(text) or is_name(text, strict=True) \
                and not is_field(text):
            in_role = False
            kept.append(piece)
    return kept


def _after_chair(text: str) -> str | None:
    """Return what follows a title at an institution's initials after a name, as Polish
    professors write theirs ("prof. UKW i mgr Agnieszka Sołtys" -> "i mgr Agnieszka
    Sołtys"); None when the piece opens with no such title."""
    match = HONORIFIC.match(text)
    parts = text[match.end():].split(maxsplit=1) if match else []
    if not parts or not (2 <= len(parts[0]) <= 6 and parts[0].isupper() and parts[0].isalpha()):
        return None
    rest = f" {parts[1]}" if len(parts) > 1 else ""
    joined = SPLIT.match(rest)  # the "i" before the next name
    return rest[joined.end():] if joined else rest.strip()


def _is_name_after_role(tail: str, plain_role: bool) -> bool:
    """Tell whether what follows a role's "and" is a person: a name that is no field, and
    after a field ("Director of Studies and …") no region either ("… of Asia and South
    Asia")."""
    if not is_name(tail, strict=True) or FIELD.search(tail):
        return False
    return plain_role or (len(tail.split()) <= 4 and not REGION.search(tail))


def _without_outlet(text: str) -> str:
    """Return "Jane Doe" of "Jane Doe for The Guardian" (a writer and the outlet written for),
    never cutting an organization's own name ("Center for American Progress")."""
    match = FOR_OUTLET.match(text)
    if match is None or LEGAL_FORM.search(text):
        return text
    person = match.group(1)
    if 2 <= len(person.split()) <= 4 and not is_organization(person) and is_name(person):
        return person
    return text


def _after_by(text: str) -> str:
    """Return what follows a "by" inside a line whose start is a date or label, not a name."""
    match = MID_BY.search(text)
    if not match or match.start() == 0:
        return text
    before = text[: match.start()]
    english = match.group(0)[:2].lower() == "by"
    if DIGIT.search(before) is not None or english and len(before.split()) <= 3:
        return text[match.end():]
    return text


def turned_round(text: str) -> str | None:
    """Return "First Last" for a credit that names one person "Last, First" whatever the
    family name's length ("Fernández Ortega, María José"), as a meta tag naming one person
    each does; None when it is not so written."""
    return _inverted(text, long_surnames=True)


def _inverted(text: str, long_surnames: bool = False) -> str | None:
    """Return "First Last" when text is clearly one "Last, First" name, else None (a family
    name of several capitalized words only with `long_surnames`)."""
    if text.count(",") != 1 or re.search(r"\band\b|&|;", text, re.IGNORECASE):
        return None
    last, first = (p.strip() for p in text.split(","))
    *particles, surname = last.split() or [""]
    if long_surnames and len(particles) < 3:
        particles = []
    if any(p not in LOWER_PARTICLES for p in particles) or not first \
            or len(first.split()) > 3 or _is_role(first) or DEGREE.match(", " + first):
        return None
    if not (surname[:1].isupper() and first[:1].isupper()):
        return None
    return clean_name(f"{first} {last}")


def _is_sentence(text: str, long_line: int = 40) -> bool:
    """Tell whether a credit line is prose (a bio, a caption) rather than a list of names.

    A line of `long_line` words or more with a few lowercase words is prose too (German
    capitalizes its nouns, so the share of lowercase words alone misses its bios).
    """
    words = SPLIT.sub(" ", text).split()
    # Titles written small ("dr hab.", "mgr", "prof.") are no prose.
    lower = [w for w in words if w[:1].islower() and w not in LOWER_PARTICLES
             and not HONORIFIC.match(w + " ")]
    return len(lower) >= 3 and (len(lower) * 3 >= len(words) or len(words) >= long_line) \
        or len(words) > 40


def clean_name(text: str) -> str | None:
    """Return one cleaned person or organization name, or None when it is not a name."""
    text = clean(text, limit=300) or ""
    text = PREFIX.sub("", text)
    stripped = text.strip(" \t,;:|-–—•·*\"'()[]")
    text = HONORIFIC.sub("", stripped)
    if text != stripped and _ROLE_OF.match(text):
        return None  # "Professor of Public Finance": a chair, no one's name
    text = DEGREE.sub("", text).strip(" \t,;:|-–—•·*\"'()[]")
    text = _without_small_role(KO_ROLE.sub("", CJK_ROLE.sub("", text)))
    if CJK_HELPER.search(text):
        return None  # "木下 哲也 訳": the translator of a book, no author
    if _is_role(text) and not is_name(text, strict=True):
        return None
    text = _strip_ui_words(text) if not is_organization(text) else text
    if text.endswith(".") and len(text.rsplit(" ", 1)[-1]) > 3:
        text = text[:-1]
    if text.startswith("the ") and text[4:5].isupper():
        text = "The " + text[4:]  # "By the Editorial Board": the board's name
    if text.isupper() and len(text) > 3:
        text = _title_case(text)
    if DOTTED_LOGIN.fullmatch(text) and text.rsplit(".", 1)[1] not in LONG_TLDS:
        # A CMS login made of the person's names ("robert.stitz"): the name it spells.
        text = " ".join(part.capitalize() for part in text.split("."))
    return text if is_name(text) else None


def _without_small_role(text: str) -> str:
    """Return a name without the job title written small before it, as Nordic and German
    credits write them ("chefanalytiker Mette Kjær Sørensen", "senior fellow Jane Doe"): the
    lowercase words before a whole name of capitalized words (no particle, "van der Berg",
    and no preposition: "em São Paulo" is a place)."""
    words = text.split()
    lead = 0
    while lead < len(words) and words[lead][:1].islower() and len(words[lead]) >= _MIN_ROLE \
            and words[lead] not in _PREPOSITIONS:
        lead += 1
    rest = words[lead:]
    if not lead or len(rest) < 2 or not all(w[:1].isupper() for w in rest):
        return text
    return " ".join(rest)


def _strip_ui_words(text: str) -> str:
    """Drop trailing interface words ("Follow", "Share", "WATCH LIVE") and a doubled name."""
    words = text.split()
    edges = EDGE_WORDS
    while words and words[-1].casefold().strip(".:→»") in edges:
        words.pop()
    while words and words[0].casefold().strip(".:") in edges:
        words.pop(0)
    half = len(words) // 2
    if half and len(words) % 2 == 0 and words[:half] == words[half:]:
        words = words[:half]
    return " ".join(words)


def is_name(text: str, *, strict: bool = False) -> bool:
    """Tell whether text looks like a person's or organization's name (not a sentence, not
    a CMS login: no name holds an underscore, "wja_admin")."""
    if not text or len(text) > MAX_NAME or text.casefold() in NOT_NAMES or "_" in text:
        return False
    tokens = text.split()
    if not tokens or len(tokens) > (4 if strict else 7):
        return False
    if len(tokens) == 1 and len(text) <= 2:
        # Two Chinese characters or Hangul syllables make a whole name ("张三", "이훈").
        return text in TWO_LETTER_AGENCIES or len(WIDE_CHARS.findall(text)) == 2
    if DIGIT.search(text) is not None or not TOKEN.search(text):
        return False
    if any(ch in text for ch in "<>{}=\\?!#%:"):
        return False
    if len(tokens) > 1 and tokens[0].lower() in ARTICLES:
        return False  # "Ein Beitrag der Red": a phrase, not a name
    capitalized = sum(1 for t in tokens if t[:1].isupper() or not t[:1].isalpha())
    lower = [t for t in tokens if t[:1].islower() and t.lower() not in LOWER_PARTICLES]
    if lower and lower[0] == tokens[0] and capitalized:
        return False
    if strict:  # every word capitalized but the particles inside ("Ana de Souza")
        particles = sum(1 for t in tokens[1:] if t in LOWER_PARTICLES)
        return not lower and capitalized + particles == len(tokens) and not _is_role(text)
    return len(lower) <= 1 or capitalized == 0 and len(tokens) <= 3


def _is_role(text: str) -> bool:
    """Tell whether text names a job or role rather than a person."""
    return bool(ROLE.search(text))


def _title_case(text: str) -> str:
    """Title-case an ALL CAPS name, keeping particles lowercase; each part of a joined name
    opens with a capital ("DOE-SMITH" -> "Doe-Smith", "O'ROE" -> "O'Roe")."""
    words = [JOINS.sub(lambda m: m.group(0).upper(), w.capitalize())
             if w.lower() not in LOWER_PARTICLES else w.lower() for w in text.split()]
    return " ".join(words)


def is_field(text: str) -> bool:
    """Tell whether a text ends like a field of study or work ("Labour Studies", "European
    Affairs"): a part of an institution's or a role's name, no person's."""
    return FIELD.search(text) is not None


def one_institution(item: str, names: list[str | None]) -> bool:
    """Tell whether a credit split in two at an "and" is one institution's name: an
    institution, or a lone word, and what follows ("Ministerio de Vivienda y Cohesión
    Territorial", "Employment and Social Development Canada"), not a Mr Employment."""
    return len(names) == 2 and bool(names[0]) and _JOINED_BY_AND.search(item) is not None \
        and not any(mark in item for mark in ",;|-–—") \
        and (is_organization(names[0] or "") or len((names[0] or "").split()) == 1)


def is_organization(name: str) -> bool:
    """Tell whether a name is an institution's ("University of Bergen", "Crisis Group")."""
    return name in TWO_LETTER_AGENCIES or bool(ORGANIZATION.search(name))


@lru_cache(maxsize=8192)
def name_key(name: str) -> str:
    """Return the key two spellings of one name share (case, accents, punctuation ignored)."""
    return re.sub(r"[\W_]+", "", strip_accents(name).casefold())


def unique_names(names: list[str]) -> list[str]:
    """Drop duplicates (case- and accent-insensitive) and names that wrap another listed name
    in extra words ("Jane Doe Senior Writer" beside "Jane Doe"), keeping page order."""
    seen: set[str] = set()
    kept = []
    for name in names:
        key = name_key(name)
        if key and key not in seen:
            seen.add(key)
            kept.append(name)
    spaced = [f" {' '.join(name_key(w) for w in n.split())} " for n in kept]
    return [n for n, s in zip(kept, spaced, strict=True)
            if not any(o != s and len(o) < len(s) and o in s for o in spaced)]
