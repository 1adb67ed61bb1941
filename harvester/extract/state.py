"""Tags a script-drawn page carries only in the state it embeds for its client.

Remix, Next.js and Nuxt pages (beehiiv's, Substack's) send the post they draw as data:
`window.__remixContext = {…}`, `<script id="__NEXT_DATA__">`. The object whose title is
the page's headline is the post; its tag list ("tags", "content_tags", "postTags") is the
page's topics when the page shows none. Only scripts that name a tag key and hold the
headline's opening are parsed, and only so many objects are walked.
"""

from __future__ import annotations

import re
from typing import Any

from ..record import Candidate
from ..text import fold
from .jsonld import load, walk_objects
from .page import Page
from .tree import text_of

_TAG_KEYS = ("tags", "content_tags", "contentTags", "postTags", "post_tags", "topics",
             "keywords")
_TAG_KEY = re.compile(r"\"(?:content_|post_|post|content)?(?:tags|Tags|topics|keywords)\"\s*:")
_TITLE_KEY = re.compile(r"(?i)title|headline")
_LABEL_KEYS = ("name", "display", "title", "label", "displayName")
_MAX_SCRIPT = 2_000_000
_MAX_OBJECTS = 20_000
_MAX_TAGS = 30
_MIN_TITLE = 12  # characters of a headline that tell the post's object from another's
_SLACK = 16  # characters a title's spacing and entities may add or take away


def extract(page: Page) -> list[Candidate]:
    """Return the tags of the embedded object whose title is the page's headline."""
    headline = text_of(page.h1) if page.h1 is not None else page.title_hint
    key = fold(headline or "")
    if len(key) < _MIN_TITLE:
        return []
    opening = " ".join((headline or "").split())[:_MIN_TITLE]
    size = len(headline or "")
    for text in page.other_scripts:
        if len(text) > _MAX_SCRIPT or opening not in text or not _TAG_KEY.search(text):
            continue
        budget = [_MAX_OBJECTS]
        for value in load(text):
            for obj in walk_objects(value, budget):
                # (a length test first: most strings are no title, and folding costs)
                if any(isinstance(v, str) and abs(len(v) - size) <= _SLACK
                       and _TITLE_KEY.search(k) and fold(v) == key for k, v in obj.items()):
                    tags = _tags(obj)
                    return [Candidate("topics", tags, "state:tags")] if tags else []
    return []


def _tags(obj: dict[str, Any]) -> list[str]:
    """Return the labels of an object's first tag list (strings, or objects' names)."""
    for key in _TAG_KEYS:
        value = obj.get(key)
        if not isinstance(value, list):
            continue
        labels = []
        for item in value[:_MAX_TAGS]:
            if isinstance(item, dict):
                item = next((item[k] for k in _LABEL_KEYS if isinstance(item.get(k), str)), None)
            if isinstance(item, str) and item.strip():
                labels.append(item.strip())
        if labels:
            return labels
    return []
