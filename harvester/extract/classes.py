"""What class and id words say about an element, decided once per distinct value.

An attribute value is cut into runs of letters, and each run is looked up in
a memo of the flags it may carry (runs such as "post", "title" or "sidebar"
repeat across sites, so even a site seen for the first time costs little);
only the flags its runs point to are then confirmed with their precise
patterns, once per value without its numbers. The result is a bit set that
the region finder and the heuristics test cheaply.
"""

from __future__ import annotations

import re

from ..text import trie_pattern

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
        # An article's own sidebar ("article-sidebar") holds its byline and date.
        r"(?<!article-)(?<!post-)(?<!entry-)sidebar|side-bar|sidebox|rail(?![a-z])|"
        r"comments?(?![a-z])|disqus|respond(?![a-z])|"
        r"nav(?:bar|igation)?(?![a-z])|menu|breadcrumbs?|share(?![a-z])|sharing|social|"
        r"newsletter|promo(?:s|tion|box)?(?![a-z])|advert|ads?(?![a-z])|sponsor|"
        # Page builders (Elementor) call every block of the page a widget.
        r"(?<!elementor-)widget|"
        r"outbrain|taboola|recirc|further-?reading|you-?may|latest|teaser-?list|topstories|"
        r"top-?stories|cookie|consent|modal|popup|skip-link|site-?header|site-?footer|"
        r"global-?(?:header|footer)|masthead|subscribe|"
        # The previous and next posts' links ("prev_next", "next-post"), each with its byline.
        r"prev[-_]?next|next[-_]?prev|(?:prev|previous|next)[-_]?(?:post|article|entry|story)|"
        # Embedded social posts carry their own authors and dates.
        r"instagram-media|twitter-(?:tweet|timeline)|tweet(?![a-z])|tiktok-embed|"
        r"fb-(?:post|video)(?![a-z])|reddit-(?:card|embed)|bluesky-embed|mastodon-embed)"),
    ARTICLE: re.compile(r"article-?body|article-content|post-content|entry-content|"
                        r"main-content|story-body"),
    BYLINE: re.compile(r"byline|by-line|(?<![a-z])author(?!-?(?:bio|desc|about|img|image|"
                       r"avatar|photo|pic|title|job|role|position))|writer|contributor|creator|"
                       r"posted-?by|reporter|columnist|(?<![a-z])expert|full-?name|"
                       # The author in German, French, Spanish, Italian, Portuguese, Polish
                       r"(?<![a-z])(?:autor(?!is)|auteur|verfasser|redakteur|redactor)(?!-?(?:bio|"
                       r"desc|img|image|avatar|photo|pic|foto|bild|info|box))"),
    KICKER: re.compile(r"kicker|eyebrow|overline|dachzeile|surtitre|antetitulo|occhiello|"
                       r"content-?type|article-?type|post-?type|"
                       r"page-?type|doc-?type|pub-?type|publication-?type|category-?label|"
                       r"(?<![a-z])label(?![a-z])|__label|type-?label|rubric|flag(?![a-z])|"
                       # "type", "teaser__type"; not WordPress's "type-post" on an article
                       r"(?<![a-z])type(?![a-z-])"),
    SUMMARY: re.compile(r"(?<![a-z])(?:dek|standfirst|summary|lede|lead|intro|subtitle|"
                        r"sub-?head(?:line)?|teaser|excerpt|abstract|description|deck|"
                        # French, Spanish, German, Italian, Portuguese and Russian names of
                        # the standfirst
                        r"chapo|chapeau|entradilla|sumario|bajada|vorspann|sommario|"
                        r"linha-?fina|anons|announce)"
                        r"(?![a-z])"),
    BIO: re.compile(r"author|(?<![a-z])bio|about|profile|caption|credit"),
    CRUMBS: re.compile(r"breadcrumb|crumbs"),
    HEADLINE: re.compile(r"headline|entry-title|post-title|article-title"),
}
# Tag and category containers are matched against whole class tokens ("post-tags",
# "tags-links", "cat-links"), so that WordPress's "tag-haiti" or "category-news" never match.
_TOKEN_PRECISE = {
    TAGS: re.compile(r"(?:^|[-_])(?:tags?|topics?|keywords?|subjects?|themes?|issues?|"
                     r"taxonomy|terms|schlagworte?|taggar)(?:[-_](?:list|links|wrap|wrapper|"
                     r"container|box|area|block|items?|cloud|group))?$|"
                     # one word: "taglist", "tagcloud", "keywordlist" (not "tagline")
                     r"(?:^|[-_])(?:tag|topic|keyword)s?(?:list|links|box|cloud)$"),
    CATEGORY: re.compile(r"(?:^|[-_])(?:cat-links|categories|category)(?:[-_](?:list|links|"
                         r"wrap|items?))?$"),
}
# Where each flag's precise patterns can match, by runs of letters ("td-post-title2" gives
# "td", "post", "title"). A match of a precise pattern needs one of its flag's keys in one
# run: as the whole run ("exact"), at its start ("prefix": the pattern requires a word
# start), at its end ("suffix": the pattern goes on past a hyphen) or anywhere ("inside").
# Keys are cheap to test and rarely true, so most values never reach the precise patterns.
_KEYS: dict[int, dict[str, str]] = {
    FOREIGN: {
        "exact": "ad ads rail comment comments respond nav navbar navigation share promo promos "
                 "promotion promobox up side top you site global teaser also read most skip "
                 "tweet fb",
        "prefix": "related relacionad correlat verwandt recommend empfehl more readnext "
                  "readmore readalso alsoread upnext popular trending mostread mostviewed "
                  "mostpopular mostshared mostrecent sidebar sidebox disqus menu breadcrumb "
                  "sharing social newsletter advert sponsor widget outbrain taboola recirc "
                  "further youmay latest teaserlist topstories cookie consent modal popup "
                  "siteheader sitefooter globalheader globalfooter masthead subscribe "
                  "instagram twitter tiktok reddit bluesky mastodon prev next",
    },
    ARTICLE: {"inside": "body content"},
    BYLINE: {"inside": "byline writer contributor creator posted reporter columnist fullname",
             "prefix": "author expert autor auteur verfasser redakteur redactor",
             "suffix": "by full"},
    KICKER: {"inside": "kicker eyebrow overline dachzeile surtitre antetitulo occhiello type "
                       "label rubric", "suffix": "flag"},
    SUMMARY: {"exact": "dek standfirst summary lede lead intro subtitle sub subhead subheadline "
                       "teaser excerpt abstract description deck chapo chapeau entradilla "
                       "sumario bajada vorspann sommario linha fina linhafina anons announce"},
    BIO: {"inside": "author about profile caption credit", "prefix": "bio"},
    CRUMBS: {"inside": "breadcrumb crumbs"},
    HEADLINE: {"inside": "headline title"},
    TAGS: {"exact": "tag tags topic topics keyword keywords subject subjects theme themes issue "
                    "issues taxonomy terms schlagwort schlagworte taglist tagslist taglinks "
                    "tagbox tagcloud topiclist topicslist keywordlist keywordslist taggar"},
    CATEGORY: {"exact": "cat categories category"},
}
# A list of the page's own terms that calls them related ("related-topics", "related_tags").
RELATED_TERMS = re.compile(r"\S*related[-_]?(?:topics?|tags?|subjects?|issues?|keywords?|"
                            r"themes?|terms)(?:[-_]\S*)?(?!\S)")
# CSS Modules (Next.js, Gatsby) write "<Component>_<class>__<hash of five>" (a hash of
# letters and digits, "_" or "-"); camel case parts words.
_CSS_MODULE = re.compile(r"(?<![\w-])([A-Za-z][A-Za-z0-9]*)_([A-Za-z][A-Za-z0-9]*)__"
                         r"[A-Za-z0-9_-]{5}(?![\w-])")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_MODULE_PARTS = frozenset({"root", "list", "wrapper", "wrap", "container", "inner", "outer",
                           "main", "styles", "style", "module", "page", "layout", "index",
                           "component", "base"})
_NUMBERS = re.compile(r"\d+")
_RUN = re.compile(r"[a-z]+")
_DIGITS = b"0123456789"
# Every byte but a-z becomes a space: splitting then gives the runs of letters.
_LETTERS = bytes(c if 97 <= c <= 122 else 32 for c in range(256))
# Memos: flags per run of letters and per value without its numbers ("menu-item-123" and
# "menu-item-456" are one value); both repeat across pages and sites. Bounded.
_RUNS: dict[bytes, int] = {}
#: Flags of whole attribute values as written (pages repeat the same class strings).
SEEN: dict[str, int] = {}
_VALUES: dict[str | bytes, int] = {}
_MAX_MEMO = 100_000
# The precise patterns to run per set of implied flags (at most 2**10 sets).
_CHECKS: dict[int, tuple[tuple[int, re.Pattern[str], bool], ...]] = {}


def _key_table(kind: str) -> dict[str, int]:
    """Return each key of one kind with its flags; a key holding a shorter key of the same
    kind carries that key's flags too (a regex finds the longer one only)."""
    table: dict[str, int] = {}
    for flag, kinds in _KEYS.items():
        for key in kinds.get(kind, "").split():
            table[key] = table.get(key, 0) | flag
    for key in table:
        for other in table:
            if other != key and (key.startswith(other) if kind == "prefix" else other in key):
                table[key] |= table[other]
    return table


_EXACT, _PREFIXES, _SUFFIXES, _INSIDE = (_key_table(k) for k in ("exact", "prefix", "suffix",
                                                                  "inside"))
_PREFIX_RE = re.compile(trie_pattern(sorted(_PREFIXES)))
_INSIDE_RE = re.compile(trie_pattern(sorted(_INSIDE)))
_ANY_KEY_RE = re.compile(trie_pattern(sorted({*_EXACT, *_PREFIXES, *_SUFFIXES, *_INSIDE}))
                         .encode("ascii"))


def classify(words: str) -> int:
    """Return the flags that class/id words carry (case and numbers ignored: "Post-123")."""
    flags = SEEN.get(words)
    return learn(words) if flags is None else flags


def learn(words: str) -> int:
    """Return the flags of words not in SEEN (their form without numbers may be known), and
    remember them there; callers that looked SEEN up already call this directly."""
    flags = _learn(_CSS_MODULE.sub(_module_class, words) if "__" in words else words)
    if len(SEEN) >= _MAX_MEMO:
        SEEN.clear()
    SEEN[words] = flags
    return flags


def _module_class(match: re.Match[str]) -> str:
    """Return a CSS Modules class as the words it was written in: "TagList_list__q8Ve0" is
    "Tag-List" (a component's root part adds nothing), "Byline_author__0Pz8w"
    "Byline-author"."""
    parts = [_CAMEL.sub("-", p) for p in match.groups() if p.lower() not in _MODULE_PARTS]
    return "-".join(parts) or match.group(1)


def _learn(words: str) -> int:
    """Return the flags of class/id words, memoized by their form without numbers."""
    if words.isascii():
        # ASCII values (nearly all) take a byte path: C-level translations, no regex per value.
        data = words.encode("ascii").lower()
        key: str | bytes = data.translate(None, _DIGITS)
        flags = _VALUES.get(key)
        if flags is None:
            implied = 0
            runs = _RUNS
            for run in data.translate(_LETTERS).split():
                known = runs.get(run)
                implied |= _run_flags(run) if known is None else known
            flags = _confirm(key.decode("ascii"), implied) if implied else 0
            _remember(key, flags)
        return flags
    return _classify_text(words.lower())


def _classify_text(words: str) -> int:
    """Return the flags of lowercased words that hold non-ASCII characters."""
    key = _NUMBERS.sub("", words)
    flags = _VALUES.get(key)
    if flags is None:
        implied = 0
        for run in _RUN.findall(words):
            run_key = run.encode("ascii")
            known = _RUNS.get(run_key)
            implied |= _run_flags(run_key) if known is None else known
        flags = _confirm(key, implied) if implied else 0
        _remember(key, flags)
    return flags


def _remember(key: str | bytes, flags: int) -> None:
    """Memoize a value's flags (bounded: cleared when full)."""
    if len(_VALUES) >= _MAX_MEMO:
        _VALUES.clear()
    _VALUES[key] = flags


def _run_flags(key: bytes) -> int:
    """Return the flags one run of letters may carry (memoized)."""
    # Every kind of key lies inside the run: most runs hold none and are done at once.
    flags = _key_flags(key.decode("ascii")) if _ANY_KEY_RE.search(key) else 0
    if len(_RUNS) >= _MAX_MEMO:
        _RUNS.clear()
    _RUNS[key] = flags
    return flags


def _key_flags(run: str) -> int:
    """Return the flags of the keys a run of letters is, starts with, ends with or holds."""
    flags = _EXACT.get(run, 0)
    match = _PREFIX_RE.match(run)
    if match:
        flags |= _PREFIXES[match.group()]
    for suffix, flag in _SUFFIXES.items():
        if run.endswith(suffix):
            flags |= flag
    for match in _INSIDE_RE.finditer(run):
        flags |= _INSIDE[match.group()]
    return flags


def _confirm(words: str, implied: int) -> int:
    """Return which of the implied flags the precise patterns confirm."""
    checks = _CHECKS.get(implied)
    if checks is None:
        checks = _CHECKS[implied] = _checks(implied)
    flags = 0
    for flag, pattern, per_token in checks:
        if any(pattern.search(t) for t in words.split()) if per_token \
                else pattern.search(words):
            flags |= flag
    if flags & FOREIGN and flags & TAGS \
            and not _PRECISE[FOREIGN].search(RELATED_TERMS.sub(" ", words)):
        # "Related topics" lists the page's own topics: related stories are another thing.
        flags &= ~FOREIGN
    return flags


def _checks(implied: int) -> tuple[tuple[int, re.Pattern[str], bool], ...]:
    """Return the precise patterns to run for a set of implied flags, in a fixed order."""
    return tuple([(flag, pattern, False) for flag, pattern in _PRECISE.items() if implied & flag]
                 + [(flag, pattern, True) for flag, pattern in _TOKEN_PRECISE.items()
                    if implied & flag])
