"""The `pubharvest` command: argument parsing in one place, each subcommand a library call."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from collections.abc import Callable, Sequence

from . import __version__, commands, service
from .errors import HarvestError

log = logging.getLogger("harvester")

Handler = Callable[[argparse.Namespace], int]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (0 ok, 1 partial failure, 2 usage, 3 bug)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    commands.setup_logging(args.verbose, args.log_format)
    handler: Handler = args.handler
    try:
        return handler(args)
    except HarvestError as exc:
        print(f"pubharvest: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("pubharvest: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug: one line for people, the traceback with -v
        if args.verbose:
            log.error("internal error", exc_info=True)
        print(f"pubharvest: internal error: {type(exc).__name__}: {exc} "
              "(run with -v to see where; please report it)", file=sys.stderr)
        return 3


def build_parser() -> argparse.ArgumentParser:
    """Return the parser for every subcommand and the global options."""
    parser = argparse.ArgumentParser(
        prog="pubharvest",
        description="Harvest publication metadata and write topic feeds (RSS, Atom, JSON).",
    )
    parser.set_defaults(config=None, data_dir=None, out=None, verbose=0, log_format="text")
    parser.add_argument("--version", action="version", version=f"pubharvest {__version__}")
    _add_globals(parser)
    # The global options are accepted after the subcommand too (`harvest --config FILE`).
    shared = argparse.ArgumentParser(add_help=False, argument_default=argparse.SUPPRESS)
    _add_globals(shared)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND",
                                parser_class=lambda **kw: argparse.ArgumentParser(
                                    parents=[shared], **kw))
    for add in (_add_extract, _add_harvest, _add_export, _add_feeds, _add_sources, _add_run,
                _add_serve, _add_demo):
        add(sub)
    return parser


def _add_globals(parser: argparse.ArgumentParser) -> None:
    """Declare the options every subcommand shares (config, folders, logging)."""
    parser.add_argument("--config", type=Path, metavar="FILE",
                        help="configuration file (default: ./config/sources.toml, "
                             "else the shipped one)")
    parser.add_argument("--data-dir", type=Path, metavar="DIR", help="where the store lives")
    parser.add_argument("--out", type=Path, metavar="DIR",
                        help="where feeds and records are written")
    parser.add_argument("-v", "--verbose", action="count", help="more log output")
    parser.add_argument("--log-format", choices=("text", "json"),
                        help="log line format (default: text)")


def _add_extract(sub: argparse._SubParsersAction) -> None:
    """Declare `extract`."""
    p = sub.add_parser("extract", help="extract one record per page from files or URLs",
                       description="Print one JSON record per line for each TARGET "
                                   "(a local HTML file or an http(s) URL).")
    p.add_argument("targets", nargs="+", metavar="TARGET")
    p.add_argument("--url", help="the page's URL, for a local file (resolves links, URL dates)")
    p.add_argument("--source", help="apply this configured source's rules and defaults")
    p.add_argument("--pretty", action="store_true", help="indent the JSON")
    p.set_defaults(handler=commands.extract)


def _add_harvest(sub: argparse._SubParsersAction) -> None:
    """Declare `harvest`."""
    p = sub.add_parser("harvest", help="harvest every (or the named) source once",
                       description="Discover, fetch, extract and store publications, then "
                                   "rebuild the feeds.")
    p.add_argument("urls", nargs="*", metavar="URL",
                   help="start URLs to harvest instead of the configured sources (one source "
                        "per site, named after its host, every setting from the config)")
    p.add_argument("--source", action="append", metavar="NAME", help="only this source "
                   "(repeatable)")
    p.add_argument("--limit", type=_positive, metavar="N",
                   help="fetch at most N publication pages per source")
    p.add_argument("--no-feeds", action="store_true", help="do not rebuild feeds afterwards")
    p.add_argument("--no-progress", action="store_true", help="plain log lines, no progress bars")
    p.set_defaults(handler=commands.harvest)


def _add_export(sub: argparse._SubParsersAction) -> None:
    """Declare `export`."""
    p = sub.add_parser("export", help="write stored records to stdout")
    p.add_argument("--format", choices=("jsonl", "json", "csv"), default="jsonl")
    p.add_argument("--source", metavar="NAME")
    p.add_argument("--topic", metavar="SLUG")
    p.add_argument("--type", metavar="SLUG")
    p.add_argument("--since", type=commands.parse_since, metavar="DATE",
                   help="only records published on or after this day (YYYY-MM-DD)")
    p.set_defaults(handler=commands.export)


def _add_feeds(sub: argparse._SubParsersAction) -> None:
    """Declare `feeds`."""
    p = sub.add_parser("feeds", help="rebuild every feed, the index page and record files")
    p.set_defaults(handler=commands.rebuild_feeds)


def _add_sources(sub: argparse._SubParsersAction) -> None:
    """Declare `sources`."""
    p = sub.add_parser("sources", help="show configured sources, their runs and health")
    p.set_defaults(handler=service.sources)


def _add_run(sub: argparse._SubParsersAction) -> None:
    """Declare `run`."""
    p = sub.add_parser("run", help="harvest each source on its schedule until stopped")
    p.add_argument("--once", action="store_true", help="run every due source once and exit")
    p.add_argument("--serve", action="store_true", help="also serve the output folder")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8080)
    p.set_defaults(handler=service.run)


def _add_serve(sub: argparse._SubParsersAction) -> None:
    """Declare `serve`."""
    p = sub.add_parser("serve", help="serve the output folder over HTTP")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8080)
    p.set_defaults(handler=service.serve)


def _add_demo(sub: argparse._SubParsersAction) -> None:
    """Declare `demo`."""
    p = sub.add_parser("demo", help="harvest the bundled sample site (offline) and show results",
                       description="Serve the bundled sample site on a loopback port, harvest "
                                   "it with the real pipeline and write feeds.")
    p.add_argument("--serve", action="store_true", help="keep serving the output afterwards")
    p.add_argument("--port", type=int, default=8080, help="port for --serve (default 8080)")
    p.set_defaults(handler=commands.demo)


def _positive(text: str) -> int:
    """Parse a whole number greater than zero."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value <= 0:
        raise argparse.ArgumentTypeError("must be greater than 0")
    return value
