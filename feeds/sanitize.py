"""Make record text safe for XML and HTML: clean characters, sanitize summaries, vet URLs."""

from __future__ import annotations

import html
import re
from urllib.parse import quote, urlsplit, urlunsplit

import nh3

# XML 1.0 forbids C0 controls but tab/newline/CR, lone surrogates and U+FFFE/U+FFFF; C1
# controls are legal but the W3C feed validator flags them, and they are never meant; so
# is U+FFFD, which only marks text that an earlier decoder could not read.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffd\ufffe\uffff]")
# UTF-8 read as Latin-1 ("CafÃ©"): a lead byte U+00C2/U+00C3 before a continuation byte.
_MOJIBAKE = re.compile("[\u00c2\u00c3][\u0080-\u00bf]")
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
    """Return text without characters XML cannot carry (never raises; None gives '').

    Text that is wholly UTF-8 read as Latin-1 is read again as UTF-8 first: the W3C feed
    validator flags exactly that ("contains bad characters"), and it is never meant.
    """
    if not text:
        return ""
    if _MOJIBAKE.search(text):
        try:
            text = text.encode("latin-1").decode("utf-8")
        except UnicodeError:
            pass
    return _ILLEGAL.sub("", text)


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
        _ = parts.port  # raises ValueError for a port out of range
    except ValueError:
        return False
    # An IPv6 literal host ("[::1]") is no publication's address, and the W3C validator
    # rejects its brackets in every feed URL.
    return (parts.scheme.lower() in schemes and "[" not in parts.netloc
            and bool(parts.netloc or parts.scheme == "file"))


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
    # Character references parse to what the feed must not carry either (&#0; is U+FFFD).
    cleaned = clean_text(nh3.clean(
        text,
        tags=set(SUMMARY_TAGS),
        clean_content_tags={"script", "style", "template", "noscript", "title", "textarea"},
        attributes={tag: set(names) for tag, names in SUMMARY_ATTRIBUTES.items()},
        url_schemes=set(LINK_SCHEMES),
        url_relative=relative,
        link_rel="noopener noreferrer nofollow",
    )).strip()
    return cleaned or None


def summary_text(summary_markup: str | None) -> str | None:
    """Return the plain text of sanitized summary HTML (from `summary_html`), on one line."""
    if not summary_markup:
        return None
    # Sanitized markup is well-formed and quotes its attributes, so a tag pattern is enough.
    text = html.unescape(_TAG.sub(" ", summary_markup))
    return " ".join(clean_text(text).split()) or None
