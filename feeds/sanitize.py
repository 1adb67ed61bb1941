"""Make record text safe for XML and HTML: clean characters, sanitize summaries, vet URLs."""

from __future__ import annotations

import html
import re
from urllib.parse import quote, urlsplit, urlunsplit

import nh3

# XML 1.0 forbids C0 controls but tab/newline/CR, lone surrogates and U+FFFE/U+FFFF; C1
# controls are legal but the W3C feed validator flags them, and they are never meant.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_HTML_HINT = re.compile(r"<[A-Za-z!/]|&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);")
_PARAGRAPHS = re.compile(r"\n\s*\n")
_TAG = re.compile(r"<(?:[^>\"']|\"[^\"]*\"|'[^']*')*>")
_SPACE = re.compile(r"\s")
# What RFC 3986 allows unescaped in a URI, as the W3C feed validator checks it.
_URI_SAFE = ";/?:@&=+$-_.!~*'(),%#"
_URI_UNSAFE = re.compile(r"[^0-9A-Za-z;/?:@&=+$\-_.!~*'(),%#]")

#: What a summary may keep: text structure, links and images, nothing that runs or styles.
SUMMARY_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "cite", "code", "em", "figcaption", "figure",
    "h2", "h3", "h4", "h5", "h6", "i", "img", "li", "ol", "p", "q", "s", "small", "strong",
    "sub", "sup", "u", "ul",
})
SUMMARY_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "img": {"src", "alt", "title", "width", "height"},
    "abbr": {"title"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "ol": {"start"},
}
LINK_SCHEMES = frozenset({"http", "https", "mailto"})
_RECORD_SCHEMES = frozenset({"http", "https", "file"})


def clean_text(text: str | None) -> str:
    """Return text without characters XML cannot carry (never raises; None gives '')."""
    return _ILLEGAL.sub("", text) if text else ""


def clean_line(text: str | None) -> str:
    """Return plain text on one line: markup dropped (scripts with their content), XML-safe.

    Titles, names and labels are text; tags in them are extraction debris or an attack.
    """
    text = clean_text(text)
    if _HTML_HINT.search(text):
        text = clean_text(html.unescape(nh3.clean(text, tags=set())))
    return " ".join(text.split())


def is_web_url(url: str | None) -> bool:
    """Tell whether url is an absolute http(s) URL safe to put in an attribute."""
    return _is_url(url, frozenset({"http", "https"}))


def is_record_url(url: str | None) -> bool:
    """Tell whether url may be linked as a publication (http, https or a local file)."""
    return _is_url(url, _RECORD_SCHEMES)


def _is_url(url: str | None, schemes: frozenset[str]) -> bool:
    """Tell whether url has one of the schemes, a location, and no whitespace or controls."""
    if not url or url != clean_text(url) or _SPACE.search(url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in schemes and bool(parts.netloc or parts.scheme == "file")


def to_uri(url: str) -> str:
    """Return an IRI as a URI: IDN host in punycode, other non-ASCII and unsafe characters
    percent-encoded (existing escapes kept), as RSS and the W3C validator require."""
    if not _URI_UNSAFE.search(url):
        return url
    parts = urlsplit(url)
    try:
        netloc = parts.netloc.encode("idna").decode("ascii") if not parts.netloc.isascii() \
            else parts.netloc
    except UnicodeError:
        netloc = quote(parts.netloc, safe=_URI_SAFE)
    return urlunsplit((parts.scheme, netloc, quote(parts.path, safe=_URI_SAFE),
                       quote(parts.query, safe=_URI_SAFE), quote(parts.fragment, safe=_URI_SAFE)))


def summary_html(summary: str | None, page_url: str | None = None) -> str | None:
    """Return a summary as sanitized HTML: markup filtered, plain text escaped into paragraphs.

    Relative links and images resolve against the publication's URL (or are dropped).
    """
    text = clean_text(summary).strip()
    if not text:
        return None
    if not _HTML_HINT.search(text):
        paragraphs = [" ".join(p.split()) for p in _PARAGRAPHS.split(text)]
        return "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs if p)
    relative = ("rewrite_with_base", page_url) if is_web_url(page_url) else "deny"
    cleaned = nh3.clean(
        text,
        tags=set(SUMMARY_TAGS),
        clean_content_tags={"script", "style", "template", "noscript", "title", "textarea"},
        attributes={tag: set(names) for tag, names in SUMMARY_ATTRIBUTES.items()},
        url_schemes=set(LINK_SCHEMES),
        url_relative=relative,
        link_rel="noopener noreferrer nofollow",
    ).strip()
    return cleaned or None


def summary_text(summary_markup: str | None) -> str | None:
    """Return the plain text of sanitized summary HTML (from `summary_html`), on one line."""
    if not summary_markup:
        return None
    # Sanitized markup is well-formed and quotes its attributes, so a tag pattern is enough.
    text = html.unescape(_TAG.sub(" ", summary_markup))
    return " ".join(clean_text(text).split()) or None
