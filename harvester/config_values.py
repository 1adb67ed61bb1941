"""Value checks for `config.py`: raw TOML values in, typed values out, with clear errors.

Reading the file, unknown keys, strings, lists, numbers, a source's optional
keys (patterns, selectors, rules) and schedule intervals; each check raises
ConfigError naming the file, the key and what was expected.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .errors import ConfigError

RULE_FIELDS = ("title", "authors", "published", "updated", "type", "topics", "summary", "image")
_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd])\s*$")


def parse_interval(text: str) -> float | None:
    """Return seconds for an interval like `6h`, `30m`, `45s`, `1d`; None if not one."""
    match = _INTERVAL.match(text)
    if not match:
        return None
    unit = {"s": 1, "m": 60, "h": 3600, "d": 86400}[match.group(2)]
    return float(match.group(1)) * unit


def is_schedule(text: str) -> bool:
    """Tell whether text is an interval (`6h`) or a crontab expression the scheduler can run."""
    if parse_interval(text):
        return True
    if len(text.split()) != 5:
        return False
    from .schedule import make_trigger  # the scheduler's own reading of cron fields

    try:
        make_trigger(text)
    except (ConfigError, ValueError):
        return False
    return True


def read_toml(file: Path) -> dict[str, Any]:
    """Read and parse a TOML file, turning every failure into a ConfigError."""
    try:
        with file.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise ConfigError(f"{file}: configuration file not found") from None
    except OSError as exc:
        raise ConfigError(f"{file}: cannot read configuration ({exc.strerror})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{file}: not valid TOML ({exc})") from None


def source_value(where: str, key: str, name: str, value: Any) -> Any:
    """Validate one optional key of a source."""
    if name in ("sitemaps", "allowed_domains", "topics"):
        return tuple(string_list(where, key, value))
    if name == "rules":
        return _rules(where, key, value)
    if name == "link_pattern":
        try:
            re.compile(typed(where, key, value, ""))
        except re.error as exc:
            raise ConfigError(f"{where}: {key}: not a valid regular expression ({exc})") from None
        return value
    if name == "next_page":
        _compile_selector(where, key, typed(where, key, value, ""))
        return value
    if name == "schedule" and not is_schedule(typed(where, key, value, "")):
        raise ConfigError(f"{where}: {key} {value!r}: expected an interval like '6h' or cron")
    defaults = {"max_pages": 1, "max_items": 1, "delay": 1.0, "use_sitemaps": True,
                "use_feeds": True, "enabled": True}
    result = typed(where, key, value, defaults.get(name, ""))
    if name in ("max_pages", "max_items") and result <= 0:
        raise ConfigError(f"{where}: {key} must be greater than 0")
    if name == "delay" and not (math.isfinite(result) and result >= 0):
        raise ConfigError(f"{where}: {key} must be a finite number, not negative")
    return result


def _rules(where: str, key: str, value: Any) -> dict[str, tuple[str, ...]]:
    """Validate `rules`: field -> CSS selector, `xpath:...`, or a list of them."""
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: {key}: expected a table of field = selector")
    rules: dict[str, tuple[str, ...]] = {}
    for field_name, selectors in value.items():
        if field_name not in RULE_FIELDS:
            raise ConfigError(f"{where}: {key}.{field_name}: unknown field "
                              f"(expected one of {', '.join(RULE_FIELDS)})")
        items = [selectors] if isinstance(selectors, str) else selectors
        exprs = string_list(where, f"{key}.{field_name}", items)
        for expr in exprs:
            _compile_selector(where, f"{key}.{field_name}", expr)
        rules[field_name] = tuple(exprs)
    return rules


def _compile_selector(where: str, key: str, expr: str) -> None:
    """Raise ConfigError when a CSS selector or `xpath:` expression does not compile."""
    from cssselect import GenericTranslator, SelectorError
    from lxml import etree

    try:
        if expr.startswith("xpath:"):
            etree.XPath(expr[len("xpath:"):])
        else:
            GenericTranslator().css_to_xpath(expr)
    except (SelectorError, etree.XPathSyntaxError) as exc:
        raise ConfigError(f"{where}: {key}: invalid selector {expr!r} ({exc})") from None


def check_keys(where: str, prefix: str, raw: Mapping[str, Any], allowed: set[str]) -> None:
    """Reject unknown keys, naming the first one and the keys that are allowed."""
    for key in raw:
        if key not in allowed:
            raise ConfigError(f"{where}: unknown key {prefix}{key} "
                              f"(expected one of: {', '.join(sorted(allowed))})")


def typed(where: str, key: str, value: Any, default: Any) -> Any:
    """Return value if it has the type of default (ints accepted for floats), else raise."""
    if default is None or isinstance(default, str):
        if isinstance(value, str):
            return value
        raise ConfigError(f"{where}: {key}: expected a string, got {value!r}")
    if isinstance(default, bool):
        if isinstance(value, bool):
            return value
        raise ConfigError(f"{where}: {key}: expected true or false, got {value!r}")
    is_number = isinstance(value, (int, float)) and not isinstance(value, bool)
    if isinstance(default, float) and is_number:
        return float(value)
    if isinstance(default, int) and isinstance(value, int) and not isinstance(value, bool):
        return value
    kind = "a number" if isinstance(default, float) else "a whole number"
    raise ConfigError(f"{where}: {key}: expected {kind}, got {value!r}")


def string_list(where: str, key: str, value: Any) -> list[str]:
    """Return value if it is a list of non-empty strings, else raise."""
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f"{where}: {key}: expected a list of non-empty strings")
    return [v.strip() for v in value]
