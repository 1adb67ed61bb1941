"""Text cleaning shared by extraction and normalization: entities, whitespace, folding."""

from __future__ import annotations

import html
import re
from functools import lru_cache
import unicodedata

# XML 1.0 forbids C0 controls but tab/newline/CR, lone surrogates and U+FFFE/U+FFFF;
# zero-width spaces and bidi marks are invisible noise in metadata. The zero-width
# (non-)joiners are spelling inside a word (Persian "یارانه‌ها", Indic conjuncts, emoji), so
# they stay there and go only where they join nothing.
_JUNK = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff"
                   "\u00ad\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
_LOOSE_JOINERS = re.compile("(?<!\\w)[\u200c\u200d]+|[\u200c\u200d]+(?!\\w)")
_SPACE = re.compile(r"\s+")
_TAG = re.compile(r"<[^<>]{0,2000}>")
_QUOTES = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
    "\u00b4": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"',
    "\u00bb": '"', "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
    "\u2015": "-", "\u2212": "-",
})
_NON_WORD = re.compile(r"[\W_]+")
# Chinese, Japanese and Korean characters: each says about as much as two Latin letters,
# and such text is written without spaces.
WIDE_CHARS = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
# Scripts written without spaces between words (Thai, Chinese, Japanese), and Hangul.
_UNSPACED = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
# What parts a title from the site's name: Latin scripts set separators off with spaces;
# Chinese and Japanese titles often glue them to the words ("标题-新华网", "見出し｜社名",
# DedeCMS's "标题_栏目_站名"), and a full-width bar is always one.
_CJK = "[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef\uac00-\ud7af]"
TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|•|«|»|/|:)\s+|\s*｜\s*|"
                              rf"(?<={_CJK})(?:-{{1,3}}|_|\||—|：)(?={_CJK})")
MAX_FIELD = 2000


def clean(text: object, *, limit: int = MAX_FIELD) -> str | None:
    """Return text with entities decoded, junk characters removed and whitespace collapsed."""
    if not isinstance(text, str):
        if isinstance(text, (int, float)) and not isinstance(text, bool):
            text = str(text)
        else:
            return None
    text = text[: limit * 4]
    if "&" in text:
        text = html.unescape(text)
    text = _JUNK.sub("", text)
    if "\u200c" in text or "\u200d" in text:
        text = _LOOSE_JOINERS.sub("", text)
    text = _SPACE.sub(" ", text).strip()
    if len(text) > limit:
        text = shorten(text, limit)
    return text or None


def word_count(text: str) -> int:
    """Return a text's length in words, two Thai, Chinese, Japanese or Korean characters
    counting as one (those scripts write whole sentences without a space)."""
    return len(text.split()) + len(_UNSPACED.findall(text)) // 2


def strip_tags(text: str) -> str:
    """Remove HTML tags from a string that may carry markup (JSON-LD descriptions do)."""
    if "<" not in text:
        return text
    return _TAG.sub(" ", text)


def shorten(text: str, limit: int) -> str:
    """Cut text to at most `limit` characters at a word boundary, ending with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-\u2013\u2014") + "\u2026"


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Return a comparison key: NFKC, casefolded, quotes and dashes unified, punctuation gone."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(_QUOTES)
    return " ".join(_NON_WORD.sub(" ", text).split())


def strip_accents(text: str) -> str:
    """Return text without combining accents (for accent-insensitive comparison)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def unify(text: str) -> str:
    """Return text with typographic quotes and dashes replaced by ASCII ones (for matching only)."""
    return text.translate(_QUOTES)


def trie_pattern(words: list[str]) -> str:
    """Return a regular expression matching any of the words, factored as a prefix tree."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        ends = "" in node
        branches = [re.escape(c) + build(sub) for c, sub in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return build(trie)
