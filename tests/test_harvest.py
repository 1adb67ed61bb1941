"""`pubharvest harvest` end to end against a generated site on a real local HTTP server.

One site with every fault switched on is harvested twice (cold, then warm) through
`harvester.cli.main`; the tests read the server's request log, the store, the output
folder and the printed summary. Tests that change the site harvest their own copy.
"""

from __future__ import annotations

import itertools
import json
import re
from collections import Counter
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import jsonschema
import pytest

from harvest_site import (COLLECTION, MARKUPS, Hit, Site, SiteServer, publication, run_cli, serve,
                          table_row, write_config)
from harvester import config as config_module
from harvester.fetch import Fetcher
from harvester.pipeline import run_source
from harvester.record import schema
from harvester.store import Store

LEGACY, UTM, SLASH, HTTPS = 5, 6, 8, 9
RETRY_503, RETRY_429, DISALLOWED, GONE = 2, 3, 4, 7


@dataclass
class Harvest:
    """One `pubharvest harvest` run: exit code, printed output and the requests it made."""

    code: int
    out: str
    err: str
    hits: list[Hit]


@dataclass
class Runs:
    """A site harvested cold, then warm, and where its data and output went."""

    site: Site
    server: SiteServer
    config: Path
    cold: Harvest
    warm: Harvest

    @property
    def data_dir(self) -> Path:
        """Return the store's folder."""
        return self.config.parent / "data"

    @property
    def out_dir(self) -> Path:
        """Return the output folder."""
        return self.config.parent / "out"


def harvest(server: SiteServer, config: Path, *args: str) -> Harvest:
    """Run `pubharvest --config CONFIG harvest ARGS` and collect the requests it made."""
    server.take()
    code, out, err = run_cli("--config", str(config), "harvest", *args)
    return Harvest(code, out, err, server.take())


def faulty_site() -> Site:
    """Return a site with every fault the issue names switched on."""
    site = Site(size=26, disallowed={DISALLOWED}, gone={GONE}, legacy={LEGACY},
                variants={UTM: "?utm_source=newsletter&utm_medium=email#comments",
                          SLASH: "/", HTTPS: "https"})
    site.fail_once(publication(RETRY_503).path, 503)
    site.fail_once(publication(RETRY_429).path, 429, {"Retry-After": "1"})
    return site


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Runs:
    """Harvest the faulty site cold, then warm, with the site left unchanged between."""
    site = faulty_site()
    with serve(site) as server:
        config = write_config(tmp_path_factory.mktemp("harvest"), site)
        cold = harvest(server, config)
        warm = harvest(server, config)
        yield Runs(site, server, config, cold, warm)


def stored(data_dir: Path) -> dict[str, dict]:
    """Return the stored records as JSON objects by URL."""
    with Store.open(data_dir, create=False) as store:
        return {r.url: r.to_dict() for r in store.records()}


def paths(hits: list[Hit]) -> list[str]:
    """Return the requested paths (with queries)."""
    return [h.path for h in hits]


# -- the cold run ----------------------------------------------------------------------------


def test_every_publication_is_stored_and_nothing_else(runs: Runs) -> None:
    records = stored(runs.data_dir)
    expected = {runs.site.url(p.path) for p in runs.site.expected()}
    assert len(expected) >= 20
    assert set(records) == expected
    listing = [p for p in paths(runs.cold.hits) if p.startswith("/publications?page=")]
    assert len(listing) >= 2, "pagination was followed (3 listing pages in all)"
    sitemap_only = [p for p in runs.site.expected() if p.index not in runs.site.listed()]
    assert sitemap_only and all(runs.site.url(p.path) in records for p in sitemap_only)


def test_records_carry_what_each_kind_of_markup_says(runs: Runs) -> None:
    records = stored(runs.data_dir)
    seen = Counter()
    for p in runs.site.expected():
        record = records[runs.site.url(p.path)]
        assert record["title"] == p.title, p.markup
        assert [a["name"] for a in record["authors"]] == list(p.authors), (p.markup, p.title)
        assert record["published"][:10] == p.published.isoformat(), p.markup
        assert record["type"] == p.type, (p.markup, p.title)
        assert set(p.topics) <= set(record["topics"]), (p.markup, p.title)
        seen[p.markup] += 1
    assert set(seen) == set(MARKUPS)


def test_summary_table_lists_counts_and_failures(runs: Runs) -> None:
    cold = runs.cold
    assert cold.code == 0, cold.err
    header = next(line.split() for line in cold.out.splitlines() if line.startswith("source"))
    assert header[:7] == ["source", "new", "changed", "unchanged", "robots", "skipped", "failed"]
    row = dict(zip(header, table_row(cold.out), strict=True))
    expected = len(runs.site.expected())
    assert (row["new"], row["changed"], row["unchanged"]) == (str(expected), "0", "0")
    assert (row["robots"], row["skipped"], row["failed"]) == ("1", "0", "1")
    gone = runs.site.url(publication(GONE).path)
    assert re.search(re.escape(gone) + r"\s+HTTP 404 Not Found", cold.out)
    assert "Traceback" not in cold.err


def test_output_folder_holds_records_schema_and_feeds(runs: Runs) -> None:
    out = runs.out_dir
    records = stored(runs.data_dir)
    lines = (out / "records.jsonl").read_text(encoding="utf-8").splitlines()
    assert sorted(json.loads(line)["url"] for line in lines) == sorted(records)
    published_schema = json.loads((out / "record.schema.json").read_text(encoding="utf-8"))
    assert published_schema == schema()
    for record in records.values():
        on_disk = json.loads((out / "records" / f"{record['id']}.json").read_text("utf-8"))
        assert on_disk == record
        jsonschema.validate(on_disk, published_schema)
    assert (out / "index.html").is_file() and (out / "feeds" / "all" / "rss.xml").is_file()
    assert not list(out.rglob("*.tmp")) and not list(out.rglob(".*"))


def test_robots_disallowed_page_is_never_requested(runs: Runs) -> None:
    path = publication(DISALLOWED).path
    assert path not in paths(runs.cold.hits)
    assert "/search" not in paths(runs.cold.hits)
    with Store.open(runs.data_dir, create=False) as store:
        state = store.fetch_state(runs.site.url(path))
    assert state is not None and state.error == "disallowed by robots.txt"


def test_503_and_429_are_retried_and_recovered(runs: Runs) -> None:
    records = stored(runs.data_dir)
    for index, status in ((RETRY_503, 503), (RETRY_429, 429)):
        path = publication(index).path
        answers = [h for h in runs.cold.hits if h.path == path]
        assert [h.status for h in answers] == [status, 200]
        assert runs.site.url(path) in records
    first, second = (h for h in runs.cold.hits if h.path == publication(RETRY_429).path)
    assert second.at - first.at >= 1.0, "Retry-After: 1 was honoured"


def test_404_is_recorded_and_the_run_goes_on(runs: Runs) -> None:
    gone = runs.site.url(publication(GONE).path)
    with Store.open(runs.data_dir, create=False) as store:
        failures = {f.url: f for f in store.failures("institute")}
        last = store.last_run("institute")
    assert failures[gone].error == "HTTP 404 Not Found" and failures[gone].status == 404
    assert last is not None and last.complete
    position = paths(runs.cold.hits).index(publication(GONE).path)
    assert len(runs.cold.hits) > position + 10, "pages after the 404 were still fetched"


def test_url_variants_and_redirects_collapse_to_one_record(runs: Runs) -> None:
    records = stored(runs.data_dir)
    for index in (LEGACY, UTM, SLASH, HTTPS):
        url = runs.site.url(publication(index).path)
        same = [u for u in records if u.rstrip("/").split("//")[1] == url.split("//")[1]]
        assert same == [url], index
    assert not [u for u in records if "utm_" in u or "#" in u or u.startswith("https")]
    real = publication(LEGACY).path
    assert paths(runs.cold.hits).count(real) == 1, "the redirect target was fetched once"
    assert "/p/5" in paths(runs.cold.hits)


def test_per_host_delay_is_kept_between_requests(tmp_path: Path) -> None:
    site = Site(size=6, per_page=3, listed_pages=2)
    with serve(site) as server:
        config = write_config(tmp_path, site, delay=0.05)
        with config.open("a", encoding="utf-8") as handle:
            handle.write("delay = 0.15\n")  # the source's own delay wins over the setting
        run = harvest(server, config)
    assert run.code == 0
    arrivals = [h.at for h in run.hits]
    gaps = [later - earlier for earlier, later in itertools.pairwise(arrivals)]
    assert len(gaps) >= 8
    assert min(gaps) >= 0.15 - 0.001, gaps


# -- the warm run ----------------------------------------------------------------------------


def test_warm_run_makes_only_conditional_requests(runs: Runs) -> None:
    warm = runs.warm
    assert warm.code == 0, warm.err
    others = [h for h in warm.hits if h.path != "/robots.txt"]
    assert others and all(h.conditional and h.status == 304 for h in others), warm.hits
    assert not [h for h in warm.hits if h.path.startswith("/publications/2")]
    assert sum(h.sent for h in warm.hits) < 0.01 * sum(h.sent for h in runs.cold.hits)


def test_warm_run_extracts_and_changes_nothing(runs: Runs) -> None:
    row = table_row(runs.warm.out)
    assert row[1:3] == ["0", "0"], runs.warm.out
    assert "Feeds: nothing changed" in runs.warm.out
    with Store.open(runs.data_dir, create=False) as store:
        cold, warm = store.runs("institute", limit=2)[::-1]
    assert cold.counts["extracted"] == len(runs.site.expected())
    assert warm.counts["extracted"] == 0 and warm.counts["rechecked"] == 0
    assert warm.complete


# -- a site that changes -----------------------------------------------------------------------


@pytest.fixture()
def live(tmp_path: Path) -> tuple[Site, SiteServer, Path]:
    """Serve a clean site (the newest publication not out yet) and harvest it once."""
    site = Site(size=24, hidden={0}, collection=True)
    with serve(site) as server:
        config = write_config(tmp_path, site)
        first = harvest(server, config)
        assert first.code == 0 and table_row(first.out)[5] == "1", "the collection is skipped"
        yield site, server, config


def test_changed_page_with_newer_lastmod_is_refetched(live: tuple[Site, SiteServer, Path]
                                                      ) -> None:
    site, server, config = live
    site.revise(10, sitemap=True)
    run = harvest(server, config)
    assert table_row(run.out)[1:4] == ["0", "1", "0"], run.out
    fetched = [h for h in run.hits if h.path.startswith("/publications/2")]
    assert [(h.path, h.status, h.conditional) for h in fetched] == [
        (publication(10).path, 200, True)]
    record = stored(config.parent / "data")[site.url(publication(10).path)]
    assert record["summary"].endswith("(Revised, 1.)")
    feed = (config.parent / "out" / "feeds" / "all" / "feed.json").read_text("utf-8")
    assert "(Revised, 1.)" in feed


def test_new_publication_on_the_first_listing_page_is_found(
        live: tuple[Site, SiteServer, Path]) -> None:
    site, server, config = live
    site.hidden.clear()
    run = harvest(server, config)
    assert table_row(run.out)[1:3] == ["1", "0"], run.out
    assert site.url(publication(0).path) in stored(config.parent / "data")
    known = [h for h in run.hits if h.path.startswith("/publications/2")
             and h.path != publication(0).path]
    assert all(h.conditional and h.status == 304 for h in known)
    assert "/publications?page=3" not in paths(run.hits), "pagination stopped at known links"
    collection = [h for h in run.hits if h.path == COLLECTION]
    assert [(h.status, h.conditional) for h in collection] == [(304, True)]
    with Store.open(config.parent / "data", create=False) as store:
        assert store.last_run("institute").counts["extracted"] == 1


def test_silent_change_is_caught_by_the_rolling_recheck(live: tuple[Site, SiteServer, Path]
                                                        ) -> None:
    site, server, config = live
    site.revise(20, sitemap=False)  # neither the listing nor the sitemap shows the change
    assert harvest(server, config).out.count("institute") >= 1
    cfg = config_module.load(config)
    known = len(site.expected())
    with Store.open(cfg.settings.data_dir) as store, Fetcher(cfg.settings) as fetcher:
        attempts = 0
        while attempts < known:
            attempts += 1
            report = run_source(cfg.sources[0], cfg, store=store, fetcher=fetcher,
                                recheck_age=timedelta(0))
            assert report.rechecked == 1 and report.counts["failed"] == 0
            if report.counts["changed"]:
                break
    assert report.counts["changed"] == 1, "every page is revalidated within N runs"
    record = stored(cfg.settings.data_dir)[site.url(publication(20).path)]
    assert record["summary"].endswith("(Revised, 1.)")
    rechecks = [h for h in server.take() if h.path.startswith("/publications/2")]
    assert len(rechecks) == attempts and all(h.conditional for h in rechecks)


@pytest.mark.parametrize(("share", "expected"), [(0.25, 6), (0.0, 0)])
def test_the_recheck_age_and_share_are_settings(tmp_path: Path, share: float,
                                                expected: int) -> None:
    site = Site(size=24)
    with serve(site) as server:
        config = write_config(tmp_path, site,
                              extra=f"recheck_days = 0\nrecheck_share = {share}\n")
        assert harvest(server, config).code == 0
        cfg = config_module.load(config)
        with Store.open(cfg.settings.data_dir) as store, Fetcher(cfg.settings) as fetcher:
            report = run_source(cfg.sources[0], cfg, store=store, fetcher=fetcher)
    assert report.rechecked == expected, "a quarter of 24 records, or none"
    assert report.counts["failed"] == 0


def test_change_with_a_day_only_lastmod_is_refetched(tmp_path: Path) -> None:
    site = Site(size=12, per_page=6, listed_pages=2, lastmod_days=True)
    with serve(site) as server:
        config = write_config(tmp_path, site)
        assert harvest(server, config).code == 0
        site.revise(3, sitemap=True)
        run = harvest(server, config)
    assert table_row(run.out)[1:3] == ["0", "1"], run.out


def test_a_variant_link_found_later_updates_the_same_record(tmp_path: Path) -> None:
    site = Site(size=12, per_page=6, listed_pages=2)
    bare = next(i for i in range(6) if publication(i).markup == "bare")  # no canonical link
    with serve(site) as server:
        config = write_config(tmp_path, site)
        assert harvest(server, config).code == 0
        site.variants[bare] = "/"  # the listing now links the trailing-slash form
        run = harvest(server, config)
    assert f"{publication(bare).path}/" in paths(run.hits), "the new form was fetched"
    records = stored(tmp_path / "data")
    assert len(records) == len(site.expected())
    assert site.url(publication(bare).path) in records
    lines = (tmp_path / "out" / "records.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(records)


def test_start_urls_on_the_command_line_are_harvested_as_a_source_of_their_own(
        tmp_path: Path) -> None:
    """`pubharvest harvest URL` harvests that site alone: as the configured source whose
    domains hold it, else as a new source named after its host."""
    site = Site(size=12, per_page=6, listed_pages=2)
    with serve(site) as server:
        config = write_config(tmp_path, site, name="configured")
        listing = site.url("/publications")
        other_host = listing.replace("127.0.0.1", "localhost")
        first = harvest(server, config, other_host)
        again = harvest(server, config, listing)
        refused = run_cli("--config", str(config), "harvest", "ftp://example.org/x")
    assert first.code == 0 and again.code == 0, first.err + again.err
    assert table_row(first.out, "localhost")[1] == str(len(site.expected())), first.out
    assert "configured " not in first.out
    assert table_row(again.out, "configured")[1] == str(len(site.expected())), again.out
    by_source = Counter(r["source"] for r in stored(tmp_path / "data").values())
    assert by_source == {"localhost": len(site.expected()), "configured": len(site.expected())}
    assert refused[0] == 2 and "'ftp://example.org/x' is not an http(s) URL" in refused[2]


def test_a_start_url_that_is_a_publication_is_stored_itself(tmp_path: Path) -> None:
    """`pubharvest harvest URL-OF-A-REPORT` stores that report (read once, as fetched), and
    a second run finds it unchanged; the links it holds are still followed."""
    site = Site(size=6, per_page=6, listed_pages=1)
    with serve(site) as server:
        config = write_config(tmp_path, site, name="configured")
        report = site.url(site.expected()[2].path)
        first = harvest(server, config, report)
        again = harvest(server, config, report)
    assert first.code == 0 and again.code == 0, first.err + again.err
    records = stored(tmp_path / "data")
    assert report in records and records[report]["title"] == site.expected()[2].title
    assert paths(first.hits).count(site.expected()[2].path) == 1
    row = table_row(again.out, "configured")
    assert row[1] == "0" and row[3] != "0" and row[6] == "0", again.out
