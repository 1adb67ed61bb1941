"""Configuration: TOML read once into frozen dataclasses, with clear errors."""

from __future__ import annotations

import importlib.util
import math
import re
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any
from collections.abc import Mapping
from urllib.parse import urlsplit

from .config_values import check_keys, is_schedule, read_toml, source_value, string_list, typed
from .errors import ConfigError
from .politeness import BREAKER_COOLDOWN, BREAKER_FAILURES
from .urls import is_same_site, registered_domain
from .vocab import Vocabulary

CONFIG_NAME = "sources.toml"
DEFAULT_USER_AGENT = "pubharvest/0.1 (publication metadata harvester; polite bot)"
_SOURCE_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")


@dataclass(frozen=True)
class Settings:
    """Global settings: where data lives, how politely to fetch, how feeds look."""

    data_dir: Path
    out_dir: Path
    user_agent: str = DEFAULT_USER_AGENT
    delay: float = 1.0
    timeout: float = 20.0
    max_bytes: int = 10_000_000
    concurrency: int = 4
    retries: int = 3
    max_retry_after: float = 300.0
    max_redirects: int = 5
    max_pages: int = 50
    max_items: int = 2000
    recheck_days: float = 7.0
    recheck_share: float = 0.05
    breaker_failures: int = BREAKER_FAILURES
    breaker_cooldown: float = BREAKER_COOLDOWN
    schedule: str = "6h"
    feed_size: int = 50
    base_url: str | None = None
    site_title: str = "pubharvest"


@dataclass(frozen=True)
class Source:
    """One site to harvest. Only `name` and `start_urls` are required."""

    name: str
    start_urls: tuple[str, ...]
    title: str = ""
    link_pattern: str | None = None
    next_page: str | None = None
    max_pages: int | None = None
    max_items: int | None = None
    sitemaps: tuple[str, ...] = ()
    allowed_domains: tuple[str, ...] = ()
    schedule: str | None = None
    delay: float | None = None
    rules: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    type: str | None = None
    topics: tuple[str, ...] = ()
    use_sitemaps: bool = True
    use_feeds: bool = True
    enabled: bool = True

    @property
    def label(self) -> str:
        """Return the display name (title, or the name)."""
        return self.title or self.name


@dataclass(frozen=True)
class Config:
    """Everything read from one configuration file."""

    path: Path | None
    settings: Settings
    sources: tuple[Source, ...]
    vocabulary: Vocabulary

    def source(self, name: str) -> Source:
        """Return the source of that name, or raise ConfigError listing the known names."""
        for source in self.sources:
            if source.name == name:
                return source
        known = ", ".join(s.name for s in self.sources) or "none"
        raise ConfigError(f"{self.path}: no source named {name!r} (configured: {known})")


def default_config_path(cwd: Path | None = None) -> Path | None:
    """Return the config a command uses without --config: ./config, then the shipped one."""
    local = (cwd or Path.cwd()) / "config" / CONFIG_NAME
    if local.is_file():
        return local
    return None


def shipped_config_dir() -> Path:
    """Return the folder of the shipped configuration (installed or in a checkout).

    Installed, it is the data-only package `harvester.default_config`: a namespace package
    (no __init__.py), so its folder is read from its import spec (importlib.resources would
    give a MultiplexedPath, which is no file system path). In a checkout run without
    installing, it is the repository's config/ folder.
    """
    try:
        spec = importlib.util.find_spec("harvester.default_config")
    except (ImportError, ValueError):
        spec = None
    for location in (spec.submodule_search_locations or []) if spec else []:
        if (Path(location) / CONFIG_NAME).is_file():
            return Path(location)
    return Path(__file__).resolve().parent.parent / "config"


def load(
    path: Path | str | None = None,
    *,
    data_dir: Path | str | None = None,
    out_dir: Path | str | None = None,
) -> Config:
    """Read a configuration file into a Config.

    Args:
        path: the TOML file; None means ./config/sources.toml, else the shipped default.
        data_dir: overrides `settings.data_dir` (relative to the working directory).
        out_dir: overrides `settings.out_dir` (relative to the working directory).

    Raises:
        ConfigError: the file is missing, not TOML, or a key is wrong; the message
            names the file, the key and what was expected.
    """
    if path is None:
        found = default_config_path()
        file = found or shipped_config_dir() / CONFIG_NAME
        base = file.parent if found else Path.cwd() / "config"
    else:
        file = Path(path)
        base = file.resolve().parent
    data = read_toml(file)
    where = str(file)
    check_keys(where, "", data, {"settings", "sources"})
    settings = _settings(where, data.get("settings", {}), base, data_dir, out_dir)
    raw_sources = data.get("sources", [])
    if not isinstance(raw_sources, list):
        raise ConfigError(f"{where}: 'sources' must be an array of tables ([[sources]])")
    sources = tuple(_source(where, i, raw) for i, raw in enumerate(raw_sources))
    _check_unique(where, sources)
    vocabulary = _vocabulary(where, data.get("settings", {}), base, file)
    return Config(path=file, settings=settings, sources=sources, vocabulary=vocabulary)


def _settings(
    where: str, raw: Any, base: Path, data_dir: Any, out_dir: Any
) -> Settings:
    """Validate the [settings] table and resolve its paths."""
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: [settings] must be a table")
    allowed = {f.name for f in fields(Settings)} | {"types", "topics"}
    check_keys(where, "settings.", raw, allowed)
    values: dict[str, Any] = {}
    for f in fields(Settings):
        if f.name in raw and f.name not in ("data_dir", "out_dir"):
            values[f.name] = typed(where, f"settings.{f.name}", raw[f.name], f.default)
    paths = (("data_dir", data_dir, "../data"), ("out_dir", out_dir, "../out"))
    for key, override, default in paths:
        if override is not None:
            values[key] = Path(override).resolve()
        else:
            text = typed(where, f"settings.{key}", raw.get(key, default), "")
            values[key] = (base / Path(text).expanduser()).resolve()
    settings = Settings(**values)
    _check_settings(where, settings)
    return settings


def _check_settings(where: str, s: Settings) -> None:
    """Reject values that are of the right type but make no sense."""
    for f in fields(s):
        # TOML has nan and inf: a delay of nan would fail the first sleep, mid-harvest.
        value = getattr(s, f.name)
        if isinstance(value, float) and not math.isfinite(value):
            raise ConfigError(f"{where}: settings.{f.name} must be a finite number")
    positive = ("timeout", "max_bytes", "concurrency", "max_pages", "max_items", "feed_size",
                "breaker_failures")
    for name in positive:
        if getattr(s, name) <= 0:
            raise ConfigError(f"{where}: settings.{name} must be greater than 0")
    for name in ("delay", "retries", "max_retry_after", "max_redirects", "recheck_days",
                 "breaker_cooldown"):
        if getattr(s, name) < 0:
            raise ConfigError(f"{where}: settings.{name} must not be negative")
    if not 0 <= s.recheck_share <= 1:
        raise ConfigError(f"{where}: settings.recheck_share must be between 0 and 1 "
                          "(the fraction of a source's records re-checked per run; 0 = none)")
    if not is_schedule(s.schedule):
        raise ConfigError(f"{where}: settings.schedule {s.schedule!r}: expected an interval "
                          "like '6h', '30m', '45s' or a cron expression like '0 */6 * * *'")
    if s.base_url is not None and not s.base_url.startswith(("http://", "https://", "/")):
        raise ConfigError(f"{where}: settings.base_url must start with http://, https:// or /")


def _source(where: str, index: int, raw: Any) -> Source:
    """Validate one [[sources]] table."""
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: sources[{index}] must be a table")
    name = raw.get("name")
    at = f"sources[{index}]" if not isinstance(name, str) else f"sources.{name}"
    check_keys(where, f"{at}.", raw, {f.name for f in fields(Source)})
    if not isinstance(name, str) or not _SOURCE_NAME.match(name):
        raise ConfigError(f"{where}: {at}.name: expected a lowercase name of letters, digits, "
                          "'-' or '_' (at most 64 characters)")
    urls = string_list(where, f"{at}.start_urls", raw.get("start_urls"))
    if not urls:
        raise ConfigError(f"{where}: {at}.start_urls: expected at least one http(s) URL")
    for url in (*urls, *string_list(where, f"{at}.sitemaps", raw.get("sitemaps", []))):
        if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).hostname:
            raise ConfigError(f"{where}: {at}: {url!r} is not an http(s) URL")
    values: dict[str, Any] = {"name": name, "start_urls": tuple(urls)}
    for f in fields(Source):
        if f.name in raw and f.name not in values:
            values[f.name] = source_value(where, f"{at}.{f.name}", f.name, raw[f.name])
    if not values.get("allowed_domains"):
        values["allowed_domains"] = default_domains(urls)
    return Source(**values)


def url_sources(urls: list[str], configured: tuple[Source, ...] = ()) -> tuple[Source, ...]:
    """Return one source per site for start URLs given on the command line.

    A URL on a configured source's domains is that source with these start URLs (its
    name, rules and pattern kept); another is a new source named after its host
    ("https://www.example.org/research" -> "example-org") with every default.
    """
    sites: dict[str, tuple[Source | None, list[str]]] = {}
    for url in urls:
        source = next((s for s in configured if is_same_site(url, s.allowed_domains)), None)
        host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
        name = source.name if source else re.sub(r"[^a-z0-9]+", "-", host).strip("-")[:64]
        sites.setdefault(name or "site", (source, []))[1].append(url)
    found = []
    for i, (name, (source, starts)) in enumerate(sites.items()):
        checked = _source("command line", i, {"name": name, "start_urls": starts})
        found.append(replace(source, start_urls=checked.start_urls, enabled=True)
                     if source else checked)
    return tuple(found)


def _vocabulary(where: str, raw: Mapping[str, Any], base: Path, file: Path) -> Vocabulary:
    """Load the type and topic vocabularies named in settings (default: the shipped ones)."""
    tables = []
    for key, table in (("types", "type"), ("topics", "topic")):
        name = raw.get(key, f"{key}.toml")
        candidate = base / name
        if not candidate.is_file() and key not in raw:
            candidate = shipped_config_dir() / f"{key}.toml"
        data = read_toml(candidate)
        entries = data.get(table, [])
        if not isinstance(entries, list) or not all(
            isinstance(e, dict) and isinstance(e.get("label"), str) for e in entries
        ):
            raise ConfigError(f"{candidate}: expected [[{table}]] tables with a 'label' string")
        tables.append(entries)
    return Vocabulary.from_tables(*tables)


def _check_unique(where: str, sources: tuple[Source, ...]) -> None:
    """Reject two sources with the same name."""
    seen: set[str] = set()
    for source in sources:
        if source.name in seen:
            raise ConfigError(f"{where}: two sources are named {source.name!r}")
        seen.add(source.name)


def default_domains(urls: list[str]) -> tuple[str, ...]:
    """Return the hosts of the start URLs, each with and without `www.`, and the domain
    each was registered under: a listing on "research.x.org" links its pages on
    "www.x.org", and "x.org/research" may redirect to "research.x.org"."""
    hosts: list[str] = []
    for url in urls:
        host = (urlsplit(url).hostname or "").lower()
        bare = host.removeprefix("www.")
        for variant in (host, bare, "www." + bare, registered_domain(host)):
            if variant and variant not in hosts:
                hosts.append(variant)
    return tuple(hosts)
