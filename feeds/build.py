"""Build every output file from a RecordSource: feeds, index page, OPML and the XSL."""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path

from harvester import __version__
from harvester.config import Settings
from harvester.groups import KINDS, FeedGroup, RecordSource
from harvester.record import Record

from .index import IndexPage, group_anchor, render_index
from .jsonfeed import render_json
from .layout import FEEDS_DIR, FORMATS, INDEX, OPML, XSL, Links, feed_dir, feed_path
from .model import NO_DATE, Entry, Feed, feed_description, make_entry, make_feed, name_list
from .opml import Outline, read_created, render_opml
from .sanitize import clean_line, clean_text
from .syndication import render_xml
from .write import Writer, remove_dir_if_empty, remove_file


@dataclass
class BuildReport:
    """What a build did: files written, files already up to date, files removed."""

    written: list[Path] = field(default_factory=list)
    unchanged: int = 0
    removed: list[Path] = field(default_factory=list)


@dataclass
class _Build:
    """The state one build shares between its steps."""

    records: RecordSource
    settings: Settings
    titles: Mapping[str, str]
    links: Links
    groups: list[FeedGroup]
    source_names: list[str]
    writer: Writer
    now: datetime
    entries: dict[str, Entry] = field(default_factory=dict)

    @property
    def site_title(self) -> str:
        """Return the configured site title, safe for XML."""
        return " ".join(clean_text(self.settings.site_title).split()) or "pubharvest"

    @property
    def out(self) -> Path:
        """Return the output folder."""
        return self.settings.out_dir

    def write(self, path: str, data: bytes) -> None:
        """Queue one output file; it is written only if its bytes changed."""
        self.writer.submit(path, data)

    def latest(self, kind: str, slug: str) -> list[Entry]:
        """Return a group's newest entries, making each record's entry once per build."""
        records = self.records.latest(kind, slug, self.settings.feed_size)
        return [self._entry(r) for r in records]

    def _entry(self, record: Record) -> Entry:
        """Return the cached entry of a record."""
        entry = self.entries.get(record.id)
        if entry is None:
            entry = self.entries[record.id] = make_entry(record, self.titles, self.now)
        return entry


def build(records: RecordSource, settings: Settings, *,
          source_titles: Mapping[str, str] | None = None,
          only: set[tuple[str, str]] | None = None) -> BuildReport:
    """Write feeds, index page, OPML and stylesheet under `settings.out_dir`.

    Files whose bytes did not change are left alone (same mtime); feeds of groups that no
    longer exist are removed (only under `out/feeds/`).

    Args:
        records: where records come from (the store, or MemoryRecords).
        settings: `out_dir`, `feed_size`, `base_url` and `site_title` are used.
        source_titles: source name -> display title (e.g. "usip" -> "United States
            Institute of Peace"); names are shown when absent.
        only: the (kind, slug) groups whose feeds to rebuild, e.g. from the store's
            `touched_groups()`; None rebuilds every feed. The index page and OPML are
            always checked and rewritten when groups or counts changed.

    Returns:
        The files written, the number already up to date, and the files removed.

    Raises:
        OutputError: a file cannot be written; files written before stay valid, and the
            files not yet replaced keep their previous version.
    """
    titles = dict(source_titles or {})
    groups = [_display(g, titles) for g in records.feed_groups()]
    sources = sorted((g.label for g in groups if g.kind == "sources"), key=str.casefold)
    links = Links(settings.out_dir, settings.base_url)
    with Writer(settings.out_dir) as writer:
        # The clock only bounds the dates of records that do not say when they were seen.
        run = _Build(records, settings, titles, links, groups,
                     sources or sorted(titles.values(), key=str.casefold), writer,
                     datetime.now(timezone.utc))
        for group in groups:
            if only is None or group.key in only:
                _write_feed(run, group)
        run.write(XSL, resources.files("feeds").joinpath("feed.xsl").read_bytes())
        newest = run.latest("all", "all") if any(g.kind == "all" for g in groups) else []
        writer.wait()  # the index and OPML never link to a feed that is not on disk yet
        _write_index(run, newest)
        _write_opml(run, max((e.updated for e in newest), default=NO_DATE))
    report = BuildReport(written=writer.written, unchanged=writer.unchanged)
    _remove_stale(run, report)
    return report


def _display(group: FeedGroup, titles: Mapping[str, str]) -> FeedGroup:
    """Return the group with a clean label: a source's display title, else its own label."""
    title = titles.get(group.label) or titles.get(group.slug) if group.kind == "sources" else None
    return replace(group, label=clean_line(title or group.label) or group.slug)


def _feed(run: _Build, group: FeedGroup, entries: list[Entry]) -> Feed:
    """Return the Feed of a group, with its links."""
    folder = feed_dir(group.kind, group.slug)
    return make_feed(
        group, entries, source_names=run.source_names,
        home_url=run.links.absolute(INDEX),
        self_urls={fmt: run.links.absolute(feed_path(group.kind, group.slug, fmt))
                   for fmt in FORMATS},
        xsl_href=posixpath.relpath(XSL, folder),
    )


def _write_feed(run: _Build, group: FeedGroup) -> None:
    """Render and write a group's RSS, Atom and JSON feeds."""
    feed = _feed(run, group, run.latest(group.kind, group.slug))
    publisher = run.site_title
    rendered = render_xml(feed, publisher=publisher, version=__version__)
    rendered["json"] = render_json(feed)
    for fmt, data in rendered.items():
        run.write(feed_path(group.kind, group.slug, fmt), data)


def _write_index(run: _Build, newest: list[Entry]) -> None:
    """Render and write index.html."""
    page = IndexPage(site_title=run.site_title, sources_line=name_list(run.source_names),
                     groups=run.groups, latest=newest, version=__version__)
    run.write(INDEX, render_index(page, run.links))


def _write_opml(run: _Build, modified: datetime) -> None:
    """Render and write feeds.opml; dateCreated survives from the previous file."""
    sections: list[tuple[str, list[Outline]]] = []
    for kind in KINDS:
        outlines = [
            Outline(text=g.label, xml_url=run.links.absolute(feed_path(g.kind, g.slug, "rss")),
                    html_url=run.links.absolute(INDEX) + "#" + group_anchor(g),
                    description=feed_description(g.kind, g.label, run.source_names))
            for g in sorted((g for g in run.groups if g.kind == kind),
                            key=lambda g: (g.label.casefold(), g.slug))
        ]
        sections.append(({"all": "All"}.get(kind, kind.capitalize()), outlines))
    # Never after dateModified: a date an older build took from a bad record must not stay.
    created = min(read_created(run.out / OPML) or modified, modified)
    title = f"{run.site_title} — publication feeds"
    run.write(OPML, render_opml(title, sections, created=created, modified=modified))


def _remove_stale(run: _Build, report: BuildReport) -> None:
    """Remove the feed files of groups that no longer exist, then their empty folders."""
    keys = {g.key for g in run.groups}
    folders = [("all", "all", f"{FEEDS_DIR}/all")]
    for kind in KINDS[1:]:
        parent = run.out / FEEDS_DIR / kind
        if parent.is_dir() and not parent.is_symlink():
            folders += [(kind, child.name, f"{FEEDS_DIR}/{kind}/{child.name}")
                        for child in sorted(parent.iterdir())
                        if child.is_dir() and not child.is_symlink()]
    for kind, slug, folder in folders:
        if (kind, slug) in keys or not (run.out / folder).is_dir():
            continue
        for name, _mime in FORMATS.values():
            if remove_file(run.out, f"{folder}/{name}"):
                report.removed.append(run.out / folder / name)
        remove_dir_if_empty(run.out, folder)
