"""Validate every feed of an output folder with a local copy of the W3C feed validator.

Run: python bench/w3c_validate.py VALIDATOR_SRC OUT [--base-url URL] [--direct] [--http]
     [--all]

VALIDATOR_SRC is the folder holding the `feedvalidator` package of a local checkout of
https://github.com/rubys/feedvalidator (its `src/`), ported to Python 3; it is imported
from there, never copied into pubharvest. A port needs little: relative imports where
2to3 missed them (mediaTypes), `email.utils` for `rfc822`, bytes where Python 2 had byte
strings (xmlEncoding's signatures, `.encode('idna')` results decoded back to str, uri's
octets), the builtin UnicodeError in `_validate`, and classic (depth-first) method
resolution for the validator's classes, whose base orders C3 rejects.

What the W3C service would say, three ways:
  default   each file as if fetched from base-url + its path (validate by URI; without
            --base-url, its file: URL), so self links are checked against the location;
  --direct  as pasted into "validate by direct input": there is no location, so every
            self link draws "Self reference doesn't match document location";
  --http    serves OUT with `pubharvest serve` at --base-url and validates by URL over
            HTTP (content types, gzip and charset are checked too).

Prints one line per message (file, level, class, text) and a count per level, feed kind
and message class; `--all` also lists "info" (the service shows errors and warnings).
Exits 1 if any error or warning was found. Not a test: the validator is no dependency.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path
from typing import Any

# Run as `python bench/w3c_validate.py`, this folder comes first on sys.path; the
# checkout's root takes its place (for `pubharvest serve`).
_HERE = Path(__file__).resolve().parent
sys.path[:] = [str(_HERE.parent) if Path(p or ".").resolve() == _HERE else p for p in sys.path]

KINDS = {"rss.xml": "rss", "atom.xml": "atom", "feeds.opml": "opml"}


def feed_files(out: Path) -> list[Path]:
    """Return every RSS, Atom and OPML file under the output folder."""
    return sorted(p for p in out.rglob("*") if p.name in KINDS and p.is_file())


def location(path: Path, out: Path, base_url: str | None) -> str:
    """Return the URL a file is published at (its file: URL without a base URL)."""
    if not base_url:
        return path.resolve().as_uri()
    return base_url.rstrip("/") + "/" + path.resolve().relative_to(out.resolve()).as_posix()


def validate(fv: Any, path: Path, url: str, mode: str) -> list[Any]:
    """Return the validator's events for one file."""
    if mode == "http":
        return fv.validateURL(url, firstOccurrenceOnly=1)["loggedEvents"]
    base = "" if mode == "direct" else url
    return fv.validateString(path.read_bytes(), firstOccurrenceOnly=1, base=base)["loggedEvents"]


def level(fv: Any, event: Any) -> str | None:
    """Return "error", "warning", "info" or None (a success the validator logs too)."""
    for name, cls in (("error", fv.logging.Error), ("warning", fv.logging.Warning),
                      ("info", fv.logging.Info)):
        if isinstance(event, cls):
            return name
    return None


def main() -> int:
    """Validate, print the messages and the counts; return 1 if any error or warning."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("validator_src", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--base-url")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--direct", action="store_true")
    mode.add_argument("--http", action="store_true")
    parser.add_argument("--all", action="store_true", help="list info messages too")
    args = parser.parse_args()
    if args.http and not args.base_url:
        parser.error("--http needs --base-url (the address to serve OUT at)")
    # The validator's message catalogue is chosen by $LANGUAGE; only English ships.
    os.environ["LANGUAGE"] = "en"
    sys.path.insert(0, str(args.validator_src.resolve()))
    import feedvalidator as fv
    from feedvalidator.formatter.text_plain import Formatter

    server = None
    if args.http:
        from urllib.parse import urlsplit

        from harvester.serve import start_server
        parts = urlsplit(args.base_url)
        server = start_server(args.out, parts.hostname or "127.0.0.1", parts.port or 80)
    counts: Counter[tuple[str, str, str]] = Counter()
    how = "http" if args.http else "direct" if args.direct else "uri"
    try:
        for path in feed_files(args.out):
            events = validate(fv, path, location(path, args.out, args.base_url), how)
            for event, text in zip(events, Formatter(events), strict=True):
                name = level(fv, event)
                if name is None or (name == "info" and not args.all):
                    continue
                counts[(name, KINDS[path.name], type(event).__name__)] += 1
                print(f"{path.relative_to(args.out)}\t{name}\t{type(event).__name__}\t{text}")
    finally:
        if server:
            server.shutdown()
    print(f"\n{len(feed_files(args.out))} files validated ({how})")
    for (name, kind, cls), n in sorted(counts.items()):
        print(f"{n:6d}  {name:7s} {kind:4s} {cls}")
    return 1 if any(k[0] != "info" for k in counts) else 0


if __name__ == "__main__":
    sys.exit(main())
