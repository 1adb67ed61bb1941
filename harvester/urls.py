"""The URL predicates discovery filters links with: same site, assets, sections.

What a URL's shape says of its page (navigation, pagination, one item) is in
`harvester.urlshapes`; the forms a URL is fetched and stored under (`canonical_url`,
`record_key`) are in `harvester.canonical`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from ipaddress import ip_address
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from publicsuffixlist import PublicSuffixList

_ASSET_EXTENSIONS = frozenset({
    # documents and data
    "pdf", "doc", "docx", "odt", "rtf", "xls", "xlsx", "ods", "csv", "ppt", "pptx", "odp",
    "epub", "mobi", "json", "xml", "rss", "atom", "txt", "ics", "vcf", "bib", "ris",
    # images
    "jpg", "jpeg", "png", "gif", "webp", "avif", "svg", "bmp", "tif", "tiff", "ico", "heic",
    # audio and video
    "mp3", "m4a", "aac", "ogg", "oga", "wav", "flac", "mp4", "m4v", "mov", "avi", "webm",
    "mkv", "wmv", "flv", "m3u8",
    # archives, code, fonts
    "zip", "gz", "tgz", "bz2", "xz", "7z", "rar", "tar", "dmg", "exe", "apk", "iso",
    "css", "js", "mjs", "map", "woff", "woff2", "ttf", "otf", "eot", "swf",
})
_DOCUMENT_EXTENSIONS = frozenset({"pdf", "doc", "docx", "odt", "rtf", "epub"})
#: A path segment that names a language ("en", "pt-br"): the root of that language's site.
LANGUAGE_SEGMENT = re.compile(r"^[a-z]{2}(?:[-_][a-z]{2})?$", re.IGNORECASE)
_ASSET_DIRS = re.compile(
    r"/(?:wp-content/uploads|wp-includes|wp-json|sites/default/files|system/files|"
    r"static/(?:css|js|img|images|fonts)|assets/(?:css|js|img|images|fonts)|cdn-cgi)/",
    re.IGNORECASE,
)


def host_of(url: str) -> str:
    """Return the lowercase host of a URL without a trailing dot ('' if none)."""
    try:
        return (urlsplit(url).hostname or "").rstrip(".")
    except ValueError:
        return ""


def is_same_site(url: str, allowed_domains: Iterable[str]) -> bool:
    """Tell whether the URL's host is one of the domains or a subdomain of one.

    Args:
        url: an absolute URL.
        allowed_domains: hosts such as `example.org`; empty means no restriction.

    Returns:
        True when the host matches; False for URLs without a host.
    """
    domains = [_ascii_host(d.strip().lower().rstrip(".")) for d in allowed_domains]
    domains = [d for d in domains if d]
    host = _ascii_host(host_of(url))
    if not host:
        return False
    if not domains:
        return True
    return any(host == d or host.endswith("." + d) for d in domains)


@lru_cache(maxsize=4096)
def registered_domain(host: str) -> str | None:
    """Return the domain a host was registered under ("x.org" of "research.x.org",
    "bbc.co.uk" of "www.bbc.co.uk"), by the Public Suffix List; None for an IP address,
    a single label or a public suffix itself ("co.uk", "github.io")."""
    host = host.lower().rstrip(".")
    if "." not in host or host[-1].isdigit() or ":" in host and _is_ip(host):
        return None  # a single label, an IPv4 address (no TLD ends in a digit), an IPv6 one
    domain = _suffix_list().privatesuffix(_ascii_host(host))
    # In the host's own spelling ("bücher.de", not "xn--bcher-kva.de"): as many labels.
    return ".".join(host.split(".")[-(domain.count(".") + 1):]) if domain else None


def _is_ip(host: str) -> bool:
    """Tell whether a host is an IP address ("[::1]", "127.0.0.1")."""
    try:
        ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


@lru_cache(maxsize=1)
def _suffix_list() -> PublicSuffixList:
    """Return the Public Suffix List the package ships (read once, never fetched)."""
    return PublicSuffixList()


def is_asset_url(url: str) -> bool:
    """Tell whether a URL points to a file rather than a page (PDF, image, media, code)."""
    try:
        path = urlsplit(url).path
    except ValueError:
        return False
    if _ASSET_DIRS.search(path):
        return True
    # An item's file or print view ("/research/a-report/download", "/node/7/pdf").
    parts = [p for p in path.lower().split("/") if p]
    if len(parts) >= 2 and parts[-1] in ("download", "pdf", "print"):
        return True
    last = path.rsplit("/", 1)[-1]
    if "." not in last:
        return False
    return last.rsplit(".", 1)[-1].lower() in _ASSET_EXTENSIONS


def is_document_url(url: str) -> bool:
    """Tell whether a URL names a document file a publication may be (PDF, Word, ePub)."""
    try:
        last = urlsplit(url).path.rsplit("/", 1)[-1]
    except ValueError:
        return False
    return "." in last and last.rsplit(".", 1)[-1].lower() in _DOCUMENT_EXTENSIONS


def matches_pattern(url: str, pattern: str | re.Pattern[str] | None) -> bool:
    """Tell whether a URL matches a regular expression (searched anywhere); True if none."""
    if pattern is None:
        return True
    compiled = pattern if isinstance(pattern, re.Pattern) else _compile(pattern)
    return bool(compiled.search(url))


def path_segments(url: str) -> list[str]:
    """Return the non-empty, percent-decoded segments of a URL's path."""
    try:
        path = urlsplit(url).path
    except ValueError:
        return []
    return [unquote(s) for s in path.split("/") if s]


def is_under(url: str, section: str) -> bool:
    """Tell whether a URL's path lies strictly below a section URL's path on the same host."""
    if host_of(url).removeprefix("www.") != host_of(section).removeprefix("www."):
        return False
    inner, outer = path_segments(url), path_segments(section)
    return len(inner) > len(outer) and inner[: len(outer)] == outer


def is_site_home(url: str) -> bool:
    """Tell whether a URL is a site's home page: its root, or a language's ("/en/")."""
    try:
        urlsplit(url)
    except ValueError:
        return False
    segments = path_segments(url)
    return not segments or len(segments) == 1 and (
        LANGUAGE_SEGMENT.match(segments[0]) is not None
        or segments[0].lower() in ("home", "index.html", "index.htm", "index.php"))


def is_front_page(url: str) -> bool:
    """Tell whether a URL is a site's home page or a top-level section's ("/blog/",
    "/en/blog/")."""
    if is_site_home(url):
        return True
    try:
        path = urlsplit(url).path
    except ValueError:
        return False
    segments = path_segments(url)
    if len(segments) == 2 and LANGUAGE_SEGMENT.match(segments[0]):
        segments = segments[1:]  # "/en/blog/": a section in one language
    return len(segments) == 1 and path.endswith("/")


def section_urls(url: str) -> list[str]:
    """Return the URLs of the folders above a URL's path, nearest first, the root left out
    ("/publications/2024/report" -> "/publications/2024/", "/publications/")."""
    segments = path_segments(url)
    try:
        parts = urlsplit(url)
    except ValueError:
        return []
    return [urlunsplit((parts.scheme, parts.netloc,
                        "/" + "/".join(quote(s) for s in segments[:depth]) + "/", "", ""))
            for depth in range(len(segments) - 1, 0, -1)]


@lru_cache(maxsize=64)
def _compile(pattern: str) -> re.Pattern[str]:
    """Compile a configured pattern once."""
    return re.compile(pattern)


def _ascii_host(host: str) -> str:
    """Return a host in its ASCII (punycode) form so IDN spellings compare equal."""
    try:
        return host.encode("idna").decode("ascii") if host and not host.isascii() else host
    except UnicodeError:
        return host
