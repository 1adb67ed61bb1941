"""Type and topic vocabularies, and the path-safe slugs that name feeds and files."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any
from collections.abc import Mapping

_MAX_SLUG = 80
# Compiled once: topic and type labels are keyed thousands of times per harvest.
_AND = re.compile(r"\s*&\s*|\band\b")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_WINDOWS_RESERVED = {
    "con", "prn", "aux", "nul",
    *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10)),
}


def slugify(label: str) -> str:
    """Return a lowercase ASCII slug that is safe as one path segment; never empty."""
    text = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^a-z0-9]+", "-", text.lower().replace("&", " ")).strip("-")
    if not text or text in _WINDOWS_RESERVED:
        text = (text + "-" if text else "") + _short_hash(label)
    if len(text) > _MAX_SLUG:
        text = text[: _MAX_SLUG - 9].rstrip("-") + "-" + _short_hash(label)
    return text


def match_key(label: str) -> str:
    """Return the key two labels share when they mean the same ("A & B" ~ "a and b")."""
    text = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode("ascii")
    text = _AND.sub(" ", text.casefold())
    return _NON_ALNUM.sub("", text) or label.casefold().strip()


def _short_hash(text: str) -> str:
    """Return eight hex digits of the text's SHA-256."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]


@dataclass(frozen=True)
class Vocabulary:
    """Maps what sites say ("special-report", "Democracy and Governance") onto labels."""

    types: Mapping[str, str] = field(default_factory=dict)
    topics: Mapping[str, str] = field(default_factory=dict)

    def type_label(self, raw: str) -> str | None:
        """Return the vocabulary label for a site's content type, or None if unknown."""
        return self.types.get(match_key(raw)) or self.types.get(match_key(_singular(raw)))

    def topic_label(self, raw: str) -> str:
        """Return the vocabulary label for a topic, or the site's own label cleaned."""
        known = self.topics.get(match_key(raw))
        return known or " ".join(raw.split())

    @classmethod
    def from_tables(cls, types: Any, topics: Any) -> Vocabulary:
        """Build from parsed TOML: `[[type]]` / `[[topic]]` tables of label + aliases."""
        return cls(types=_index(types or ()), topics=_index(topics or ()))


def _index(entries: Any) -> dict[str, str]:
    """Index every label and alias of a list of `{label, aliases}` tables by match key."""
    index: dict[str, str] = {}
    for entry in entries:
        label = entry["label"]
        for name in (label, *entry.get("aliases", ())):
            index.setdefault(match_key(name), label)
    return index


def _singular(text: str) -> str:
    """Return a naive singular of a label's last word ("Special Reports" -> "Special Report")."""
    text = text.strip()
    if text.lower().endswith("ies"):
        return text[:-3] + "y"
    return text[:-1] if text.lower().endswith("s") and not text.lower().endswith("ss") else text
