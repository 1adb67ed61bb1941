"""What class and id words say about an element, decided once per distinct value.

An attribute value is first scanned for a fixed set of stems with one
prefix-tree regular expression (fast even on unseen values, which is most
values on a site seen for the first time); only the flags its stems point to
are then confirmed with their precise patterns. The result is a bit set that
the region finder and the heuristics test cheaply.
"""

from __future__ import annotations

import re
from functools import lru_cache

FOREIGN = 1
BYLINE = 2
KICKER = 4
TAGS = 8
CATEGORY = 16
SUMMARY = 32
BIO = 64
CRUMBS = 128
HEADLINE = 256
ARTICLE = 512

_PRECISE = {
    FOREIGN: re.compile(
        r"(?<![a-z0-9])(?<!has-)(?<!with-)(?<!no-)(?<!show-)(?:related|relacionad|correlat|"
        r"verwandt|recommend|empfehl|more-?(?:from|stories|articles|news|in(?![a-z])|"
        r"on(?![a-z])|like|by|to-read|reading|posts|content)|read-?(?:next|more|also)|"
        r"also-?read|up-?next|popular|trending|most-?(?:read|viewed|popular|shared|recent)|"
        r"sidebar|side-bar|sidebox|rail(?![a-z])|comments?(?![a-z])|disqus|respond(?![a-z])|"
        r"nav(?:bar|igation)?(?![a-z])|menu|breadcrumbs?|share(?![a-z])|sharing|social|"
        r"newsletter|promo(?:s|tion|box)?(?![a-z])|advert|ads?(?![a-z])|sponsor|widget|"
        r"outbrain|taboola|recirc|further-?reading|you-?may|latest|teaser-?list|topstories|"
        r"top-?stories|cookie|consent|modal|popup|skip-link|site-?header|site-?footer|"
        r"global-?(?:header|footer)|masthead|subscribe)"),
    ARTICLE: re.compile(r"article-?body|article-content|post-content|entry-content|"
                        r"main-content|story-body"),
    BYLINE: re.compile(r"byline|by-line|(?<![a-z])author(?!-?(?:bio|desc|about|img|image|"
                       r"avatar|photo|pic|title|job|role|position))|writer|contributor|creator|"
                       r"posted-?by|reporter|columnist|(?<![a-z])expert|full-?name"),
    KICKER: re.compile(r"kicker|eyebrow|overline|content-?type|article-?type|post-?type|"
                       r"page-?type|doc-?type|pub-?type|publication-?type|category-?label|"
                       r"(?<![a-z])label(?![a-z])|__label|type-?label|rubric|flag(?![a-z])"),
    SUMMARY: re.compile(r"(?<![a-z])(?:dek|standfirst|summary|lede|lead|intro|subtitle|"
                        r"sub-?head(?:line)?|teaser|excerpt|abstract|description|deck)"
                        r"(?![a-z])"),
    BIO: re.compile(r"author|(?<![a-z])bio|about|profile|caption|credit"),
    CRUMBS: re.compile(r"breadcrumb|crumbs"),
    HEADLINE: re.compile(r"headline|entry-title|post-title|article-title"),
}
# Tag and category containers are matched against whole class tokens ("post-tags",
# "tags-links", "cat-links"), so that WordPress's "tag-haiti" or "category-news" never match.
_TOKEN_PRECISE = {
    TAGS: re.compile(r"(?:^|[-_])(?:tags?|topics?|keywords?|subjects?|themes?|issues?|"
                     r"taxonomy|terms|schlagworte?)(?:[-_](?:list|links|wrap|wrapper|container|"
                     r"box|area|block|items?|cloud))?$"),
    CATEGORY: re.compile(r"(?:^|[-_])(?:cat-links|categories|category)(?:[-_](?:list|links|"
                         r"wrap|items?))?$"),
}
# Stems that may start a match of each flag's patterns.
_STEMS = {
    FOREIGN: "related relacionad correlat verwandt recommend empfehl more read also up-next "
             "upnext popular trending most sidebar side-bar sidebox rail comment disqus respond "
             "nav menu breadcrumb share sharing social newsletter promo advert ad sponsor widget "
             "outbrain taboola recirc further you latest teaser top cookie consent modal popup "
             "skip site global masthead subscribe",
    ARTICLE: "article post-content entry-content main-content story-body",
    BYLINE: "byline by-line author writer contributor creator posted reporter columnist expert "
            "full-name fullname",
    KICKER: "kicker eyebrow overline content-type contenttype article post page doc pub "
            "publication category label __label type rubric flag",
    SUMMARY: "dek standfirst summary lede lead intro subtitle sub teaser excerpt abstract "
             "description deck",
    BIO: "author bio about profile caption credit",
    CRUMBS: "breadcrumb crumbs",
    HEADLINE: "headline entry-title post-title article-title",
    TAGS: "tag topic keyword subject theme issue taxonomy term schlagwort",
    CATEGORY: "cat-links categor",
}
_NUMBERS = re.compile(r"\d+")


def _trie_pattern(words: list[str]) -> str:
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


def _stem_index() -> tuple[re.Pattern[str], dict[str, int]]:
    """Return the prefix-tree regex of every stem and the flags each stem points to."""
    flags_of: dict[str, int] = {}
    for flag, stems in _STEMS.items():
        for stem in stems.split():
            flags_of[stem] = flags_of.get(stem, 0) | flag
    # A stem found inside a longer stem must still point to the shorter one's flags.
    for stem in flags_of:
        for other in flags_of:
            if other != stem and other in stem:
                flags_of[stem] |= flags_of[other]
    return re.compile(_trie_pattern(sorted(flags_of))), flags_of


_STEM_RE, _STEM_FLAGS = _stem_index()


def classify(words: str) -> int:
    """Return the flags that lowercased class/id words carry (numbers ignored: "post-123")."""
    implied = 0
    for match in _STEM_RE.finditer(words):
        implied |= _STEM_FLAGS.get(match.group(), 0)
    if not implied:
        return 0
    return _confirm(_NUMBERS.sub("", words), implied)


@lru_cache(maxsize=16384)
def _confirm(words: str, implied: int) -> int:
    """Return which of the implied flags the precise patterns confirm."""
    flags = 0
    for flag, pattern in _PRECISE.items():
        if implied & flag and pattern.search(words):
            flags |= flag
    for flag, pattern in _TOKEN_PRECISE.items():
        if implied & flag and any(pattern.search(t) for t in words.split()):
            flags |= flag
    return flags
