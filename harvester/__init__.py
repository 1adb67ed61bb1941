"""pubharvest: harvest publication metadata and write topic feeds."""

from __future__ import annotations

from typing import Any

from .errors import ConfigError, ExtractError, FetchError, HarvestError, StoreError
from .record import SCHEMA_VERSION, Author, Candidate, Image, Record

__version__ = "0.1.0"

__all__ = [
    "Author", "Candidate", "ConfigError", "ExtractError", "FetchError", "HarvestError",
    "Image", "Record", "SCHEMA_VERSION", "StoreError", "extract_page",
]


def extract_page(html: bytes | str, url: str | None = None, *, rules: Any = None,
                 **options: Any) -> Record:
    """Extract one normalized Record from a publication page (see harvester.extract)."""
    from .extract import extract_page as _extract_page

    return _extract_page(html, url, rules=rules, **options)
