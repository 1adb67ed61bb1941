"""pubharvest feeds: RSS 2.0, Atom 1.0, JSON Feed 1.1, OPML, index page and record files.

Feeds are built from records only (never the network), through a
`harvester.groups.RecordSource` (the SQLite store, or `MemoryRecords`). Output layout::

    out/index.html   out/feeds.opml   out/feed.xsl
    out/feeds/all/{rss.xml,atom.xml,feed.json}
    out/feeds/topics/<slug>/…   out/feeds/types/<slug>/…   out/feeds/sources/<name>/…
    out/records/<id>.json   out/records.jsonl   out/record.schema.json

Set `base_url` (the URL the output folder is published at) before publishing: feeds
need absolute self links, and without a base URL they point at the local folder
(`file:` URLs). The index page links relatively either way.
"""

from __future__ import annotations

from .build import BuildReport, build
from .records import write_records

__all__ = ["BuildReport", "build", "write_records"]
