"""Hostile servers: drips, hangs, resets, redirect traps, endless errors, robots.txt that
fails, and pagination that never ends. Every wait must be bounded and reported.

Timeouts are short in CI (0.5 s, so a whole exchange gets 1.5 s) and longer in the bench
(5 s, with the drip at one byte per second, as issue 7 describes it).
"""

from __future__ import annotations

import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from harvester.politeness import HostGate

from .bed import GOOD, LISTING, Case, Site, article, check_page_run, harvest, listing, path_of
from .conftest import FULL
from .server import (Conn, drip, gzip_bomb, hang, head, ok, redirect, reset_mid_body,
                     status)

TIMEOUT = 5.0 if FULL else 0.5
DRIP = 1.0 if FULL else 0.1  # seconds between two bytes
DEADLINE = 3 * TIMEOUT  # the fetcher's bound on one whole exchange
FAST = {"timeout": TIMEOUT}


def page_body(title: str = "A Slow Page") -> bytes:
    """Return a publication page."""
    return article(title).encode("utf-8")


@pytest.mark.parametrize("where", ["body", "headers"])
def test_slow_drip_ends_at_the_deadline(site: Site, tmp_path: Path, case: Case,
                                        where: str) -> None:
    body = page_body()
    response = head(Content_Type="text/html", Content_Length=str(len(body))) + body
    if where == "body":
        start = response.index(b"\r\n\r\n") + 4
        url = site.add("drip", lambda conn: (conn.send(response[:start]),
                                             drip(response[start:], DRIP)(conn)))
    else:
        url = site.add("drip", drip(response, DRIP))
    case.describe(f"slow drip ({where})", f"sends the {where} one byte every {DRIP:g} s "
                                          f"(the read timeout is {TIMEOUT:g} s)")
    run = harvest(site, tmp_path, settings=FAST)
    reason = check_page_run(case, run, site)[url]
    assert reason == f"response not complete after {DEADLINE:g} s"
    assert run.seconds < DEADLINE + 5
    case.did = f"cut at the deadline: {reason}"


def test_accept_then_hang_times_out(site: Site, tmp_path: Path, case: Case) -> None:
    case.describe("accept, then hang", "accepts the connection, reads the request, never "
                                       "answers")
    url = site.add("hang", hang)
    run = harvest(site, tmp_path, settings=FAST)
    reason = check_page_run(case, run, site)[url]
    assert reason == f"timed out after {TIMEOUT:g} s"
    case.did = f"gave up: {reason}"


def test_connection_reset_mid_body(site: Site, tmp_path: Path, case: Case) -> None:
    case.describe("connection reset mid-body", "sends a third of the promised body, then "
                                               "resets the connection (RST)")
    url = site.add("reset", reset_mid_body(page_body()))
    run = harvest(site, tmp_path, settings=FAST)
    reason = check_page_run(case, run, site)[url]
    assert reason == "connection reset mid-body"
    case.did = f"failed: {reason}"


@pytest.mark.parametrize("shape", ["many", "long"])
def test_header_bombs_are_refused(site: Site, tmp_path: Path, case: Case, shape: str) -> None:
    many = shape == "many"
    case.describe(f"header bomb ({'100,000 fields' if many else 'a 1 MB field'})",
                  "the response head carries " + ("100,000 header fields" if many else
                                                  "one header field of 1 MB"))
    fields = b"".join(b"X-Pad-%d: x\r\n" % i for i in range(100_000)) if many else \
        b"X-Pad: " + b"x" * 1_000_000 + b"\r\n"
    body = page_body()
    url = site.add("header-bomb", lambda conn: conn.send(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n" + fields
        + b"Content-Length: %d\r\n\r\n" % len(body) + body))
    run = harvest(site, tmp_path, settings=FAST)
    reason = check_page_run(case, run, site)[url]
    assert reason == "malformed HTTP response"
    case.did = f"refused by the HTTP parser's limits: {reason}"


def test_redirect_loop_is_detected(site: Site, tmp_path: Path, case: Case) -> None:
    case.describe("redirect loop", "A redirects to B, B redirects back to A")
    url = site.add("loop-a", redirect(path_of("loop-b")))
    site.route(path_of("loop-b"), redirect(path_of("loop-a"), 302))
    run = harvest(site, tmp_path, settings=FAST)
    reason = check_page_run(case, run, site)[url]
    assert reason == f"redirect loop at {url}"
    assert site.server.count(path_of("loop-a")) == 1
    case.did = f"stopped at once: {reason}"


def test_redirect_off_the_allowed_domains_is_not_followed(site: Site, tmp_path: Path,
                                                          case: Case) -> None:
    case.describe("redirect to another host", "redirects to localhost, a host outside "
                                              "allowed_domains")
    port = site.server.server_address[1]
    elsewhere = f"http://localhost:{port}{path_of('elsewhere')}"
    url = site.add("offsite", redirect(elsewhere))
    site.route(path_of("elsewhere"), ok(page_body("Somewhere Else")))
    run = harvest(site, tmp_path, settings=FAST)
    reason = check_page_run(case, run, site)[url]
    assert reason == "redirect to localhost is outside the allowed domains"
    assert site.server.count(path_of("elsewhere")) == 0
    case.did = f"not followed: {reason}"


def test_301_chains_are_followed_up_to_the_limit(site: Site, tmp_path: Path,
                                                 case: Case) -> None:
    case.describe("301 chains", "one chain of 3 redirects to a good page, one of 12 "
                                "(max_redirects is 5)")
    short = site.add("short-0", redirect(path_of("short-1")))
    for hop in (1, 2):
        site.route(path_of(f"short-{hop}"), redirect(path_of(f"short-{hop + 1}")))
    site.route(path_of("short-3"), ok(page_body("At the End of a Short Chain")))
    long = site.add("long-0", redirect(path_of("long-1")))
    for hop in range(1, 12):
        site.route(path_of(f"long-{hop}"), redirect(path_of(f"long-{hop + 1}")))
    run = harvest(site, tmp_path, settings=FAST)
    failures = check_page_run(case, run, site)
    records = run.records()
    assert site.url("short-3") in records and short not in failures
    assert failures[long] == "too many redirects (more than 5)"
    assert site.server.count(path_of("long-6")) == 0
    case.did = f"3 hops followed and stored; 12 hops: {failures[long]}"


def test_500_forever_is_retried_then_reported(site: Site, tmp_path: Path, case: Case) -> None:
    case.describe("500 forever", "answers every request with 500 Internal Server Error "
                                 "(retries = 1)")
    url = site.add("broken", status(500, "Internal Server Error", b"oops"))
    run = harvest(site, tmp_path, settings={**FAST, "retries": 1})
    reason = check_page_run(case, run, site)[url]
    assert reason == "HTTP 500 after 1 retry"
    assert site.server.count(path_of("broken")) == 2
    case.did = f"2 requests with backoff, then: {reason}"


@pytest.mark.parametrize("value", ["99999999999", "Fri, 31 Dec 9999 23:59:59 GMT"],
                         ids=["seconds", "http-date"])
def test_absurd_retry_after_is_capped(site: Site, tmp_path: Path, case: Case,
                                      value: str) -> None:
    case.describe(f"429, absurd Retry-After ({'seconds' if value.isdigit() else 'date'})",
                  f"429 Too Many Requests with Retry-After: {value}; max_retry_after is 1 s")
    url = site.add("busy", status(429, "Too Many Requests", Retry_After=value))
    run = harvest(site, tmp_path, settings={**FAST, "retries": 1, "max_retry_after": 1.0})
    reason = check_page_run(case, run, site)[url]
    assert reason == "HTTP 429 after 1 retry"
    assert site.server.count(path_of("busy")) == 2
    assert run.seconds < 10
    case.did = f"waited the 1 s cap once, then: {reason}"


@pytest.mark.parametrize("trouble", ["timeout", "500"])
def test_failing_robots_txt_disallows_the_site(site: Site, tmp_path: Path, case: Case,
                                               trouble: str) -> None:
    case.describe(f"robots.txt {'times out' if trouble == 'timeout' else 'answers 500'}",
                  "robots.txt " + ("never answers" if trouble == "timeout" else
                                   "answers 500 Internal Server Error"))
    site.route("/robots.txt", hang if trouble == "timeout" else status(500, "Server Error"))
    run = harvest(site, tmp_path, settings=FAST)
    case.observe(run)
    case.assert_kept()
    cause = f"timed out after {TIMEOUT:g} s" if trouble == "timeout" else "HTTP 500"
    reason = f"robots.txt unreachable ({cause}): treating the site as disallowed"
    assert f"could not be harvested: nothing could be harvested: {reason}" in run.out
    assert run.code == 1 and run.records() == {}
    assert site.server.count("/publications") == 0, "nothing is fetched (RFC 9309 2.3.1.4)"
    assert site.server.count("/robots.txt") == 1, "asked once per run"
    case.did = f"whole site disallowed (RFC 9309), robots.txt asked once: {reason}"


class EndlessListing:
    """A listing whose every page links five new publications and a next page."""

    def __init__(self, fresh: bool) -> None:
        """With `fresh`, each page shows new links; otherwise the same five every time."""
        self.fresh = fresh

    def __call__(self, conn: Conn) -> None:
        """Answer listing page N with its cards and a link to page N + 1."""
        query = parse_qs(urlsplit(conn.path).query)
        number = int(query.get("page", ["1"])[0])
        first = number * 5 if self.fresh else 0
        slugs = [f"item-{i}" for i in range(first, first + 5)]
        if number == 1:
            slugs = [GOOD[0], *slugs, GOOD[1]]
        more = f'<a rel="next" href="/publications?page={number + 1}&amp;s={number}">Next</a>'
        conn.send(_page(listing(slugs).replace(b"</main>", more.encode() + b"</main>")))


def _page(body: bytes) -> bytes:
    """Return a 200 response carrying an HTML body."""
    return head(Content_Type="text/html", Content_Length=str(len(body))) + body


def serve_items(conn: Conn) -> None:
    """Answer any listed item with a publication page."""
    conn.send(_page(page_body(f"Item {conn.path.rsplit('-', 1)[-1]}")))


@pytest.mark.parametrize(("fresh", "max_pages", "max_items", "listings", "pages"), [
    (True, 6, 100, 6, 7 + 5 * 5), (True, 50, 14, 3, 14), (False, 50, 100, 3, 7)],
    ids=["max_pages", "max_items", "no-new-links"])
def test_endless_pagination_is_bounded(site: Site, tmp_path: Path, case: Case, fresh: bool,
                                       max_pages: int, max_items: int, listings: int,
                                       pages: int) -> None:
    kind = "five new links per page" if fresh else "the same five links on every page"
    case.describe(f"endless pagination ({'new' if fresh else 'same'} links, "
                  f"max_pages {max_pages}, max_items {max_items})",
                  f"every listing page links a next page (a new query each time), {kind}")
    endless = EndlessListing(fresh)
    for number in range(1, 60):
        site.route(f"/publications?page={number}&s={number - 1}", endless)
    site.route("/publications", endless)
    for i in range(0, 300):
        site.route(path_of(f"item-{i}"), serve_items)
    settings = {**FAST, "max_pages": max_pages, "max_items": max_items}
    run = harvest(site, tmp_path, settings=settings)
    case.observe(run)
    case.assert_kept()
    read = sum(1 for p in site.server.hits if p.startswith("/publications?")) + 1
    fetched = sum(1 for p in site.server.hits if p.startswith("/publications/2024/"))
    assert site.url(GOOD[0]) in run.records() and run.code == 0
    assert (read, fetched) == (listings, pages)
    case.did = f"{read} listing pages and {fetched} publication pages fetched, then stopped"


def test_links_no_url_parser_accepts_are_passed_over(site: Site, tmp_path: Path,
                                                     case: Case) -> None:
    case.describe("unparsable links", "the listing's cards, its rel=next link, a \"Load more\" "
                  "form, its feed link and the sitemap point at http://[::1/x (an IPv6 host "
                  "never closed), beside the good publications")
    bad = "http://[::1/x"
    hostile = (f'<article class="card"><h3><a href="{bad}">Publication lost</a></h3></article>'
               f'<a rel="next" href="{bad}">Next</a><form action="{bad}"><input type="hidden" '
               f'name="page" value="2"><button>Load more</button></form>')
    page = listing(GOOD).replace(b"</main>", hostile.encode() + b"</main>").replace(
        b"</head>", f'<link rel="alternate" type="application/rss+xml" href="{bad}"></head>'
        .encode())
    site.route(LISTING, ok(page))
    sitemap = ('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
               f"<url><loc>{bad}</loc></url><url><loc>{site.url(GOOD[1])}</loc></url></urlset>")
    site.route("/sitemap.xml", ok(sitemap.encode(), "application/xml"))
    run = harvest(site, tmp_path)
    case.observe(run)
    case.assert_kept()
    assert run.code == 0 and all(site.url(slug) in run.records() for slug in GOOD)
    case.did = (f"both good publications stored, exit 0; the unparsable links were passed "
                f"over ({len(run.failures())} failures reported)")


def test_a_host_that_keeps_failing_is_left_alone(site: Site, tmp_path: Path,
                                                 case: Case) -> None:
    case.describe("every page hangs", "30 publication pages that all accept and hang, then "
                                      "a good page on the same host")
    hanging = [site.add(f"dark-{i}", hang) for i in range(30)]
    run = harvest(site, tmp_path, settings=FAST)
    case.observe(run)
    case.assert_kept()
    failures = run.failures()
    timed_out = [url for url in hanging if failures[url].startswith("timed out")]
    assert len(timed_out) == 5, "five fetches in a row failed: the breaker opened"
    skipped = failures[site.url(GOOD[1])]
    assert skipped.startswith("not requested: the host failed 5 times in a row (last: timed out")
    assert sum(site.server.count(path_of(f"dark-{i}")) for i in range(30)) == 5
    assert run.seconds < 5 * (TIMEOUT + 0.6) + 5
    case.did = f"5 pages timed out, then the host was left alone for 10 minutes: {skipped}"


def test_the_breaker_tries_again_after_its_cooldown() -> None:
    gate = HostGate(failures=2, cooldown=0.2)
    key = "http://127.0.0.1:1"
    gate.record(key, "timed out after 1 s")
    assert gate.refusal(key) is None, "one failure is not a pattern"
    gate.record(key, "connection reset mid-body")
    assert gate.refusal(key) == ("not requested: the host failed 2 times in a row "
                                 "(last: connection reset mid-body)")
    time.sleep(0.25)
    assert gate.refusal(key) is None, "after the cooldown one request may try"
    gate.record(key, "timed out after 1 s")
    assert gate.refusal(key) is not None, "a failed trial opens the breaker again"
    gate.record(key, None)
    assert gate.refusal(key) is None, "an answer closes it"


def test_a_stored_page_that_turns_hostile_keeps_its_record(site: Site, tmp_path: Path,
                                                           case: Case) -> None:
    turns = {"empty": ok(b""), "pdf": ok(b"%PDF-1.7\n" + bytes(range(256)) * 8),
             "gzip bomb": gzip_bomb(0.5, declared=False), "500": status(500, "Server Error"),
             "reset": reset_mid_body(page_body()), "hang": hang,
             "garbage": lambda conn: conn.send(b"SSH-2.0-OpenSSH_9.6\r\n\r\n"),
             "too many links": ok(b"<html><body>" + b'<a href="/x">x</a>' * 10_001 + b"</body>"),
             "not a publication": ok(b"<html><head><title>Gone</title></head><body>"
                                     b"<p>Moved.</p></body></html>")}
    case.describe("a stored page turns hostile", "a publication stored by a first harvest "
                                                 f"answers, run after run: {', '.join(turns)}")
    url = site.add("turncoat", ok(page_body("A Page That Was Fine")))
    first = harvest(site, tmp_path, settings=FAST)
    before = first.records()
    assert url in before
    seen = []
    for number, (name, route) in enumerate(turns.items()):
        site.server.routes[path_of("turncoat")] = route
        site.add(f"extra-{number}", ok(page_body(f"Extra {number}")))  # the listing changes
        run = harvest(site, tmp_path, settings={**FAST, "max_bytes": 500_000})
        case.observe(run, before=before)
        feed = (run.out_dir / "feeds" / "all" / "feed.json").read_text("utf-8")
        assert url in feed, f"after '{name}' the record left the feed"
        seen.append(run.failures().get(url, "stored as before"))
    case.assert_kept()
    assert seen[-1] == "stored as before", "a page that stops being a publication is skipped"
    assert "stored as before" not in seen[:-1], seen
    assert seen[7] == "unreadable page: too many links (10001; at most 10000 are read)"
    case.did = f"the record and its feed entries stayed as they were after each of the " \
               f"{len(turns)} failures (e.g. {seen[2]!r})"
