"""Canonical URLs and record keys: the forms a URL is fetched and stored under.

Two normal forms, on purpose:

- `canonical_url` is the form that is fetched and stored: resolved, lowercase
  scheme and host (IDN as punycode), no default port, no user info, no
  fragment, no tracking parameters, remaining query parameters sorted,
  percent-encoding normalized, duplicate slashes and dot segments collapsed,
  `index.html` dropped. It keeps the scheme and the trailing slash as the site
  links them: an http-only site must stay fetchable, and guessing the other
  slash form costs a redirect on every page (or a 404 on static hosts).
- `record_key` is the identity of a publication: the canonical URL with the
  scheme set to https and the trailing slash of the path removed, so that the
  http/https and slash variants of one page collapse into one record.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import unquote, urljoin, urlsplit, urlunsplit

from w3lib.url import canonicalize_url as _w3lib_canonicalize

_DEFAULT_PORTS = {"http": 80, "https": 443}
_CONTROL = re.compile("[\x00-\x1f\x7f]")
_ABSOLUTE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_TRACKING_EXACT = frozenset({
    "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "igshid",
    "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "__hstc", "__hssc", "__hsfp",
    "mkt_tok", "ref", "ref_src", "ref_url", "referer", "referrer", "share", "amp", "spm",
    "cmpid", "ocid", "sr_share", "s_kwcid", "xtor", "trk", "trkid", "wt.mc_id",
    "phpsessid", "jsessionid", "sessionid", "session_id", "replytocom",
})
_TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hsa_", "itm_", "oly_", "vero_", "matomo_",
                      "aspsessionid")
# Session parameters of other platforms (ColdFusion, osCommerce, Zen Cart), always dropped;
# and names that are a session only when their value is a token ("sid=c4ca4238a0b9...",
# as Heritrix reads them): "sid=08/01/02/1234" is a story's number, kept.
_SESSION_EXACT = frozenset({"cfid", "cftoken", "oscsid", "zenid", "ps_session"})
_SESSION_IF_TOKEN = frozenset({"sid", "sess", "sessid", "session", "s_id"})
_TOKEN = re.compile(r"(?=[^&]*\d)(?=[^&]*[a-z])[0-9a-z_-]{20,64}", re.IGNORECASE)
_PATH_SESSION = re.compile(r";(?:jsessionid|phpsessid|sessionid)=[^/?]*", re.IGNORECASE)
_INDEX_FILE = re.compile(r"/index\.html?$", re.IGNORECASE)
# The AMP copy of a page is its path plus "/amp" (WordPress's AMP plugin, news sites); the
# "amp" query parameter is a tracking one.
_AMP_COPY = re.compile(r"(?<=[^/])/amp(?=/?$)", re.IGNORECASE)
_DUP_SLASHES = re.compile(r"/{2,}")


@lru_cache(maxsize=32768)
def canonical_url(url: str, base: str | None = None) -> str:
    """Return the canonical, fetchable form of a URL (see the module docstring).

    Args:
        url: an absolute URL, or a relative one when `base` is given.
        base: the URL of the page the link was found on.

    Returns:
        The canonical URL; input that is not an http(s) URL with a host comes
        back stripped of whitespace but otherwise unchanged. Never raises.
    """
    # As browsers do (WHATWG URL): C0 controls go, and so do surrounding ASCII spaces only.
    text = _CONTROL.sub("", str(url)).strip(" ")
    try:
        if base and not _ABSOLUTE.match(text):
            text = urljoin(base, text)
        parts = urlsplit(text)
        scheme = parts.scheme.lower()
        host = (parts.hostname or "").rstrip(".")
        port = parts.port
    except ValueError:
        return text
    if scheme not in _DEFAULT_PORTS or not host:
        return text
    netloc = _netloc(host, port, scheme)
    path = _clean_path(parts.path)
    query = _drop_tracking(parts.query)
    try:
        return _w3lib_canonicalize(urlunsplit((scheme, netloc, path, query, "")))
    except (ValueError, UnicodeError):
        return urlunsplit((scheme, netloc, path, query, ""))


@lru_cache(maxsize=32768)
def record_key(url: str) -> str:
    """Return the identity of a publication URL: canonical, https, no trailing slash.

    Args:
        url: any absolute URL.

    Returns:
        The key under which http/https and trailing-slash variants are one page.
    """
    key = canonical_url(url)
    # Stripping a slash can expose an empty `;` parameter that canonical_url then
    # drops, which exposes another slash: repeat until nothing changes.
    for _ in range(8):
        stripped = _https_unslashed(key)
        if stripped == key:
            break
        key = stripped
    return key


def is_http_url(url: str) -> bool:
    """Tell whether a URL is absolute http(s) with a host."""
    try:
        parts = urlsplit(url)
        return parts.scheme.lower() in _DEFAULT_PORTS and bool(parts.hostname)
    except ValueError:
        return False



def _https_unslashed(canonical: str) -> str:
    """Return a canonical URL with scheme https and no trailing slash, canonicalized again."""
    try:
        parts = urlsplit(canonical)
        port = parts.port
    except ValueError:
        return canonical
    if parts.scheme not in _DEFAULT_PORTS or not parts.hostname:
        return canonical
    netloc = _netloc(parts.hostname, None if port in (80, 443) else port, "https")
    path = parts.path.rstrip("/") or "/"
    return canonical_url(urlunsplit(("https", netloc, path, parts.query, "")))


def _netloc(host: str, port: int | None, scheme: str) -> str:
    """Return host[:port] with the scheme's default port left out; IPv6 in brackets."""
    shown = f"[{host}]" if ":" in host else host
    if port is None or port == _DEFAULT_PORTS.get(scheme):
        return shown
    return f"{shown}:{port}"


def _clean_path(path: str) -> str:
    """Collapse duplicate slashes, drop session parameters, a trailing index.html and the
    "/amp" of a page's AMP copy."""
    # Browsers read a backslash in an http(s) path as a slash (WHATWG URL standard).
    path = _PATH_SESSION.sub("", _DUP_SLASHES.sub("/", path.replace("\\", "/")))
    path = _AMP_COPY.sub("", _INDEX_FILE.sub("/", path))
    return path or "/"


def _drop_tracking(query: str) -> str:
    """Remove tracking parameters from a raw query string, keeping the others as written."""
    if not query:
        return ""
    kept = [p for p in query.split("&") if _is_kept(*p.partition("=")[::2])]
    return "&".join(kept)


def _is_kept(name: str, value: str = "") -> bool:
    """Tell whether a query parameter is kept: it has a name that is not a known tracker,
    and is no session (a session name, or a session-like name with a token for value)."""
    key = unquote(name.replace("+", " ")).strip().lower()
    if not key or key in _TRACKING_EXACT or key in _SESSION_EXACT \
            or key.startswith(_TRACKING_PREFIXES):
        return False
    return key not in _SESSION_IF_TOKEN or not _TOKEN.fullmatch(value)
