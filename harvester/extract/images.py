"""The lead image: the first figure near the headline that is no logo, icon or pixel.

Lazy-loading attributes give the real file, a srcset its widest candidate; the figure's
caption (or a phrase of alt text) comes with it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..record import Candidate
from .headlines import is_home_href, page_host
from .page import Page
from .tree import Element, text_of

# One srcset candidate: a URL (not ending in a comma), then maybe its descriptor.
_SRCSET = re.compile(r"[\s,]*(\S*[^\s,])(?:\s+([^,]*))?")
_LOGO_FILE = re.compile(r"(?i)(?<![a-z])(?:logo|icon|ico)s?(?![a-z])")  # "ico_pdf.gif"
_LICENSE_BADGE = re.compile(r"(?i)creativecommons\.org/|licensebuttons\.net/")
# A file format's or a tool's icon beside a link ("pdf.gif", "doc_16.png", "print.gif").
_FORMAT_ICON = re.compile(r"(?i)^(?:pdf|docx?|xlsx?|pptx?|zip|rtf|epub|txt|csv|download|print|"
                          r"e?mail|rss|arrow|bullet|spacer|blank|pixel)(?:[-_]?\d{1,3})?"
                          r"\.(?:gif|png|svg|jpe?g)$")


def extract(page: Page) -> list[Candidate]:
    """Return the lead figure's image and caption (see `_image`)."""
    return _image(page)


def _image(page: Page) -> list[Candidate]:
    """Return the lead figure's image and caption in the main content (not the site's logo)."""
    host = page_host(page)
    for el in page.near:
        if el.tag == "img":
            url = page.absolute(_image_source(el))
            if not url or url.startswith("data:") or _tiny(el) or _is_logo(el, url, host):
                continue
            figure = next((a for a in el.iterancestors("figure")), None)
            caption = None
            if figure is not None:
                cap = figure.find(".//figcaption")
                caption = text_of(cap) if cap is not None else None
            alt = el.get("alt") or ""
            # An alt text that is a file's name ("born-baby-750x369-1") is no caption.
            return [Candidate("image", (url, caption or (alt if " " in alt.strip() else None)),
                              "html:img")]
    return []

def _image_source(img: Element) -> str | None:
    """Return an image's file: the widest of its srcset (lazy-loading attributes first),
    else its lazy-loading source, else its src ("data:" placeholders skipped)."""
    for attr in ("data-srcset", "data-lazy-srcset", "srcset"):
        widest = _widest(img.get(attr))
        if widest:
            return widest
    for attr in ("data-src", "data-lazy-src", "data-original", "src"):
        value = (img.get(attr) or "").strip()
        if value and not value.startswith("data:"):
            return value
    return None

def _widest(srcset: str | None) -> str | None:
    """Return the widest candidate of a srcset ("a.jpg 400w, b.jpg 1200w" -> "b.jpg"), read as
    the HTML standard reads it: a URL may hold commas ("w_400,h_300/a.jpg")."""
    best, best_size = None, -1.0
    for url, descriptor in _srcset(srcset or ""):
        size = descriptor[:-1] if descriptor[-1:] in ("w", "x") else "1"
        try:
            value = float(size)
        except ValueError:
            continue
        if value > best_size and not url.startswith("data:"):
            best, best_size = url, value
    return best

def _srcset(text: str) -> Iterator[tuple[str, str]]:
    """Yield (URL, descriptor) of each srcset candidate: a URL runs to the next space (a comma
    at its end ends it), its descriptor to the next comma."""
    for match in _SRCSET.finditer(text):
        yield match.group(1), (match.group(2) or "").strip()

def _is_logo(img: Element, url: str, host: str) -> bool:
    """Tell whether an image is a logo, an icon or a licence badge: it links to the home page
    or to a licence (rel="license", a journal's Creative Commons button), or its file is
    named so ("site_logo.png", "feed-icon16.png", a format's "pdf.gif")."""
    name = url.rpartition("/")[2].partition("?")[0]
    if _LOGO_FILE.search(name) or _FORMAT_ICON.match(name) or _LICENSE_BADGE.search(url):
        return True
    link = next(img.iterancestors("a"), None)
    if link is None:
        return False
    return is_home_href(link.get("href"), host) or "license" in (link.get("rel") or "").lower() \
        or _LICENSE_BADGE.search(link.get("href") or "") is not None

def _tiny(img: Element) -> bool:
    """Tell whether an image is an icon, avatar or tracking pixel by its declared size."""
    for attr in ("width", "height"):
        value = (img.get(attr) or "").rstrip("px")
        if value.isdigit() and int(value) < 100:
            return True
    return False
