"""The one small error hierarchy: every error pubharvest raises on purpose."""

from __future__ import annotations


class HarvestError(Exception):
    """Base of every error pubharvest raises on purpose; `str()` is one line for users."""


class ConfigError(HarvestError):
    """Raised when a configuration file is missing, unreadable or invalid."""


class FetchError(HarvestError):
    """Raised when a URL cannot be fetched; `reason` says why in one line."""

    def __init__(self, url: str, reason: str, status: int | None = None) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.status = status


class RobotsDisallowed(FetchError):
    """Raised when robots.txt forbids the URL; it was never requested."""


class BodyRejected(FetchError):
    """Raised when a response body is refused: too large, a bomb, or not what was expected."""


class ExtractError(HarvestError):
    """Raised when a body cannot be read as a document at all (extractors return None instead)."""


class OutputError(HarvestError):
    """Raised when the output folder (feeds, index page, record files) cannot be written."""


class StoreError(HarvestError):
    """Raised when the store cannot be opened or written: locked, read-only or corrupted."""
