"""Pure parts of the fetcher: Retry-After, backoff, host keys, sniffing, Page, stats."""

from __future__ import annotations

import threading
from email.utils import formatdate

import pytest
from hypothesis import given
from hypothesis import strategies as st
from requests.structures import CaseInsensitiveDict

from harvester.fetch_results import FetchStats, Page
from harvester.politeness import BACKOFF_CAP, backoff, host_key, parse_retry_after
from harvester.responses import binary_kind, is_html_like

NOW = 1_800_000_000.0


@pytest.mark.parametrize(("value", "seconds"), [
    ("120", 120.0),
    (" 0 ", 0.0),
    (formatdate(NOW + 30, usegmt=True), 30.0),
    (formatdate(NOW - 30, usegmt=True), 0.0),  # a date in the past: retry now
    ("soon", None), ("-5", None), ("1.5", None), ("", None), (None, None),
])
def test_retry_after_reads_seconds_and_http_dates(value: str | None, seconds: float | None):
    assert parse_retry_after(value, now=NOW) == seconds


def test_backoff_doubles_with_a_little_jitter_and_a_cap():
    waits = [backoff(n, base=0.5) for n in range(4)]
    for n, wait in enumerate(waits):
        assert 0.5 * 2**n <= wait <= 0.5 * 2**n * 1.1
    assert backoff(30) <= BACKOFF_CAP * 1.1


@pytest.mark.parametrize(("url", "key"), [
    ("http://Example.org/a", "http://example.org:80"),
    ("https://example.org:443/a?b", "https://example.org:443"),
    ("https://example.org:8443/", "https://example.org:8443"),
    ("http://example.org", "http://example.org:80"),
])
def test_host_key_is_scheme_host_and_port(url: str, key: str):
    assert host_key(url) == key


def test_utf16_html_is_not_mistaken_for_binary():
    body = "\ufeff<html><head><title>Ü</title></head></html>".encode("utf-16")
    assert binary_kind(body) is None
    assert is_html_like(body)


@given(st.binary(max_size=2048))
def test_sniffing_never_raises(body: bytes):
    kind = binary_kind(body)
    assert kind is None or kind.startswith(("a ", "gzip", "binary"))
    assert isinstance(is_html_like(body), bool)


def test_page_properties_read_the_headers_case_insensitively():
    headers = CaseInsensitiveDict({"content-type": "Text/HTML; charset=ISO-8859-1",
                                   "etag": 'W/"1"', "last-modified": "Tue, 24 Nov 2026"})
    page = Page(url="https://a.example/x", requested_url="https://a.example/x", status=304,
                headers=headers, body=b"", elapsed=0.1)
    assert page.content_type == "Text/HTML; charset=ISO-8859-1"
    assert page.media_type == "text/html"
    assert (page.etag, page.last_modified, page.not_modified) == ('W/"1"', "Tue, 24 Nov 2026",
                                                                  True)
    assert Page(url="u", requested_url="u", status=200, headers={}, body=b"x",
                elapsed=0).content_type is None


def test_stats_are_safe_to_update_from_threads():
    stats = FetchStats()

    def bump() -> None:
        for _ in range(10_000):
            stats.add("requests")
            stats.add("bytes", 3)

    threads = [threading.Thread(target=bump) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    snap = stats.snapshot()
    assert (snap.requests, snap.bytes) == (40_000, 120_000)
    stats.add("errors")
    assert snap.errors == 0 and stats.errors == 1
