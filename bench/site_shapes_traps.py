"""Traps for bench/sites.py: real-site patterns that commonly break harvesters.

Each shape serves its share of corpus pages (byte for byte, unless the trap is in the
bytes) where a real site's bug or habit puts them:

- `refresh-home`: the start URL "/" is a 200 stub whose `<meta http-equiv="refresh">` sends
  the browser to "/en/", a home page of blocks (latest publications, "All publications")
  leading to the paginated card listing "/en/publications/";
- `shared-canonical`: a CMS template that writes one canonical (and og:url) for every
  article: the listing's "/publications/" for half the pages, an unrelated article
  ("/publications/welcome-to-our-new-website", served and listed too) for the other half;
- `soft404`: a WordPress site whose sitemap (the start URL) lists the pages and old URLs
  that answer 200 with the theme's "Page not found" template (noise pages, kind "soft404");
- `aliases`: a Drupal listing linking half its items by node path ("/node/<n>", the same
  bytes with 200, no redirect) and half by alias (the truth path below "/publications");
  the sitemap lists every alias;
- `unicode-paths`: a German site serving the pages at IRIs made from their titles
  ("/de/veröffentlichungen/größere-städte-im-wandel"), linked with lowercase escapes, raw
  UTF-8, uppercase escapes and a tracking parameter; the sitemap lists the IRIs.

bench/sites.py registers them after the noise shapes (`TRAP_SHAPES`); soft404's noise pages
are reported through bench/site_shapes_noise.py's `NOISE`, as that module's are. A page
served away from its truth path (node paths, IRIs) keeps its case in `Served`, so the
accuracy tables still compare it with its truth.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from urllib.parse import quote

from site_shapes import Case, Served, Site, e, frame, long_day, norm, place, query_pages, \
    rel_next
from site_shapes_more import XML, listing_pages, teaser
from site_shapes_noise import NOISE, Noise, start_noise


def urlset(site: Site, rows: list[tuple[str, date | None]]) -> str:
    """Return a sitemap of (route or IRI path, lastmod) rows."""
    urls = "".join(f"<url><loc>{e(site.url(p))}</loc>"
                   + (f"<lastmod>{d}</lastmod>" if d else "") + "</url>" for p, d in rows)
    return ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/'
            f'schemas/sitemap/0.9">{urls}</urlset>')


def block(heading: str, body: str, css: str) -> str:
    """Return a home page block: a heading and its content."""
    return f'<section class="block block--{css}"><h2>{heading}</h2>{body}</section>'


# -- refresh-home: a stub start URL whose meta refresh leads to the home page ---------------

EN_MENU = (("/en/", "Home"), ("/en/about", "About us"), ("/en/contact", "Contact"))


def shape_refresh_home(site: Site, cases: list[Case]) -> None:
    """A start URL ("/") answering 200 with a stub whose meta refresh sends the browser to
    "/en/": a home page of blocks (the latest publications' teasers, "All publications",
    an about and a newsletter block; the menu has no publications entry) leading to the
    paginated card listing "/en/publications/", below which the pages live."""
    place(site, cases, lambda k: "/en/publications")
    site.start = "/"
    site.add("/", '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Example Institute'
             '</title><meta http-equiv="refresh" content="0; url=/en/"></head><body></body>'
             "</html>")
    listing_pages(site, "Publications", [teaser(site, s) for s in site.served],
                  query_pages("/en/publications/"), rel_next, menu=EN_MENU)
    latest = "".join(teaser(site, s) for s in site.served[:4])
    blocks = (
        block("Latest publications", f'<div class="card-grid">{latest}</div><a class="more-'
              'link" href="/en/publications/">All publications</a>', "latest"),
        block("About the institute", "<p>Independent research on peace and security since "
              '1984.</p><a class="more-link" href="/en/about">Read more</a>', "about"),
        block("Newsletter", '<form action="/en/newsletter" method="post"><input type="email" '
              'name="email" placeholder="Your email"><button>Subscribe</button></form>',
              "newsletter"))
    site.add("/en/", frame("Home", '<h1 class="visually-hidden">Example Institute</h1>'
                           + "".join(blocks), menu=EN_MENU))
    for path, label in EN_MENU[1:]:
        site.add(path, frame(label, f"<h1>{label}</h1><p>The institute's {label.lower()} "
                                    "page.</p>", menu=EN_MENU))


# -- shared-canonical: one canonical for every article --------------------------------------

CANONICAL = re.compile(rb"<link\b[^>]*\brel\s*=\s*[\"']?canonical\b[^>]*>", re.IGNORECASE)
OG_URL = re.compile(rb"<meta\b[^>]*\b(?:property|name)\s*=\s*[\"']?og:url\b[^>]*>",
                    re.IGNORECASE)
HEAD = re.compile(rb"<head\b[^>]*>", re.IGNORECASE)
WELCOME = "/publications/welcome-to-our-new-website"


def shared(body: bytes, url: str) -> bytes:
    """Return a page whose canonical link (written into its head when it has none) and
    og:url name one URL, as a broken template writes them for every article."""
    link = f'<link rel="canonical" href="{e(url)}">'.encode()
    if CANONICAL.search(body):
        body = CANONICAL.sub(lambda m: link, body)
    else:
        body = HEAD.sub(lambda m: m.group(0) + link, body, count=1)
    return OG_URL.sub(lambda m: f'<meta property="og:url" content="{e(url)}">'.encode(), body)


def welcome_page(site: Site) -> str:
    """Return the site's short "welcome" article: its own canonical, og tags and byline."""
    url = site.url(WELCOME)
    head = (f'<link rel="canonical" href="{url}"><meta property="og:type" content="article">'
            f'<meta property="og:title" content="Welcome to our new website"><meta property="'
            f'og:url" content="{url}"><meta property="article:published_time" content="2023-'
            '09-04T09:00:00+00:00"><meta name="description" content="Our website has a new '
            'look, a faster search and all our publications since 1984.">')
    body = ('<article class="node node--article"><h1>Welcome to our new website</h1><p class="'
            'byline">By Communications Team | <time datetime="2023-09-04">4 September 2023'
            '</time></p><p>We are delighted to welcome you to the new website of the Example '
            "Institute. After a year of work with our members and readers, the site has a new "
            "look, a faster search and a single library of all our publications since 1984."
            "</p><p>Every report, brief and commentary now has its own page with its authors, "
            "its topics and a download of the full text. Our experts' profiles list their "
            "work, and the events calendar links the recordings of past discussions.</p><p>"
            "We would be glad to hear what you think: write to us through the contact page."
            "</p></article>")
    return frame("Welcome to our new website", body, head)


def shape_shared_canonical(site: Site, cases: list[Case]) -> None:
    """A card listing ("/publications/", the start URL) whose pages all declare one shared
    canonical and og:url: the listing's for half of them, the site's "welcome" article's
    (listed last, as the oldest) for the others."""
    site.start = "/publications/"
    site.add(WELCOME, welcome_page(site))
    place(site, cases, lambda k: "/publications")
    served = []
    for k, s in enumerate(site.served):
        # The served bytes are the page's now: single-page extraction reads them too.
        case = replace(s.case, body=shared(s.case.body, site.url(site.start if k % 2 == 0
                                                                   else WELCOME)))
        site.add(s.path, case.body)
        served.append(Served(case, s.path, s.link))
    site.served[:] = served
    welcome = ('<article class="card card--publication"><div class="card__kicker">News</div>'
               f'<h3 class="card__title"><a href="{WELCOME}">Welcome to our new website</a>'
               '</h3><div class="card__meta"><time datetime="2023-09-04">September 4, 2023'
               "</time></div></article>")
    listing_pages(site, "Publications", [teaser(site, s) for s in site.served] + [welcome],
                  query_pages(site.start), rel_next)


# -- soft404: old URLs answering 200 with the "not found" template --------------------------

OLD_POSTS = (
    "2017/02/annual-report-2016", "2017/06/call-for-papers-summer-school",
    "2017/11/ceasefire-monitoring-workshop-report", "2018/03/new-board-members-announced",
    "2018/05/podcast-episode-12", "2018/09/statement-on-the-peace-talks",
    "2018/12/season-greetings", "2019/01/internship-spring-2019",
    "2019/04/conference-programme-2019", "2019/07/mediation-handbook-second-edition",
    "2019/10/op-ed-the-road-to-dialogue", "2020/02/webinar-recording-sahel",
    "2020/05/covid-19-and-conflict-a-reading-list", "2020/08/annual-report-2019",
    "2021/01/we-are-moving-offices")


def not_found_page(site: Site, latest: list[Served]) -> str:
    """Return the theme's "Page not found" template, served with 200 (WordPress-like, the
    site-wide og:type "article"), with a search form and a "Latest research" list."""
    items = "".join(f'<li><a href="{e(s.link)}">{e(s.case.title)}</a>'
                    + (f' <span class="post-date">{long_day(s.case.day)}</span>'
                       if s.case.day else "") + "</li>" for s in latest)
    menu = "".join(f'<li class="menu-item"><a href="{h}">{t}</a></li>' for h, t in (
        ("/", "Home"), ("/research/", "Research"), ("/about", "About"), ("/contact",
                                                                         "Contact")))
    return (
        '<!DOCTYPE html><html lang="en-US"><head><meta charset="UTF-8"><meta name="viewport" '
        'content="width=device-width, initial-scale=1"><title>Page not found &#8211; Example '
        'Institute</title><meta property="og:locale" content="en_US"><meta property="og:type" '
        'content="article"><meta property="og:site_name" content="Example Institute"><link '
        f'rel="stylesheet" href="/wp-content/themes/institute/style.css?ver=2.4"></head><body '
        'class="error404 hfeed wp-embed-responsive"><div id="page" class="site"><header id="'
        'masthead" class="site-header"><p class="site-title"><a href="/" rel="home">Example '
        'Institute</a></p><nav id="site-navigation" class="main-navigation"><ul id="primary-'
        f'menu" class="menu">{menu}</ul></nav></header><div id="content" class="site-content">'
        '<main id="main" class="site-main"><section class="error-404 not-found"><header class='
        '"page-header"><h1 class="page-title">Oops! That page can&rsquo;t be found.</h1>'
        '</header><div class="page-content"><p>It looks like nothing was found at this '
        'location. Maybe try one of the links below or a search?</p><form role="search" '
        'method="get" class="search-form" action="/"><label><span class="screen-reader-text">'
        'Search for:</span><input type="search" class="search-field" placeholder="Search '
        '&hellip;" value="" name="s"></label><input type="submit" class="search-submit" value'
        '="Search"></form><section class="widget widget_recent_entries"><h2 class="widget-'
        f'title">Latest research</h2><ul>{items}</ul></section></div></section></main></div>'
        '<footer id="colophon" class="site-footer"><div class="site-info">&copy; 2024 Example '
        "Institute</div></footer></div></body></html>")


def shape_soft404(site: Site, cases: list[Case]) -> None:
    """A WordPress site whose sitemap (the start URL) lists its pages and fifteen old posts'
    URLs that answer 200 with the "Page not found" template (noise: kind "soft404")."""
    start_noise(site)
    place(site, cases)
    site.start, site.via = "/sitemap.xml", "sitemap"
    page = not_found_page(site, site.served[:5])
    old: list[tuple[str, date | None]] = []
    for k, post in enumerate(OLD_POSTS):
        path = f"/{post}/"
        assert path not in site.routes, f"an old post over a served page: {path}"
        site.add(path, page)
        NOISE[id(site)].append(Noise(path, "soft404"))
        old.append((path, date(int(post[:4]), int(post[5:7]), 1 + k)))
    rows = [(s.link, s.case.day) for s in site.served]
    mixed = [row for pair in zip(rows, old, strict=False) for row in pair]
    mixed += rows[len(old):] + old[len(rows):]
    site.add(site.start, urlset(site, mixed), XML)


# -- aliases: Drupal node paths beside their aliases ----------------------------------------

def shape_aliases(site: Site, cases: list[Case]) -> None:
    """A Drupal listing ("/publications", 0-based `?page=N`) linking every other item by
    its node path ("/node/<n>", served 200 with the alias's bytes, no redirect), the others
    by alias (its truth path below "/publications", as pathauto files them); the sitemap
    (robots.txt's) lists every alias."""
    place(site, cases, lambda k: "/publications")
    site.start = "/publications"
    served = []
    for k, s in enumerate(site.served):
        if k % 2 == 0:
            node = f"/node/{4100 + 7 * k}"
            site.add(node, s.case.body)
            s = Served(s.case, s.path, node)
        served.append(s)
    site.served[:] = served
    listing_pages(site, "Publications", [teaser(site, s) for s in site.served],
                  query_pages(site.start, first=0), rel_next)
    site.add("/sitemap.xml", urlset(site, [(s.path, s.case.day) for s in site.served]), XML)


# -- unicode-paths: IRIs made from titles, linked in four spellings -------------------------

FOLDER = "/de/veröffentlichungen/"


def iri_slug(title: str, words: int = 6) -> str:
    """Return a permalink slug of a title's first words that keeps non-ASCII letters, as a
    CMS configured for readable URLs does ("größere-städte-im-wandel")."""
    kept = "".join(c if c.isalnum() else " " for c in title.lower())
    return "-".join(kept.split()[:words]) or "beitrag"


def spelled(path: str, k: int) -> str:
    """Return how the listing links the k-th item's IRI: lowercase escapes (as WordPress
    stores slugs), raw UTF-8, uppercase escapes (the 3rd and 7th), a tracking parameter
    (the 4th)."""
    upper = quote(path, safe="/")
    if k in (2, 6):
        return upper
    if k == 3:
        return path + "?utm_source=x"
    return re.sub(r"%[0-9A-F]{2}", lambda m: m.group(0).lower(), upper) if k % 2 == 0 else path


def shape_unicode_paths(site: Site, cases: list[Case]) -> None:
    """A German site serving its pages at IRIs from their titles below "/de/veröffentlichungen/"
    (the start URL, percent-encoded as a browser's address bar copies it): a card listing
    linking them in four spellings (see `spelled`); the sitemap lists the IRIs."""
    site.start = quote(FOLDER, safe="/")
    taken: set[str] = set()
    iris: list[tuple[str, date | None]] = []
    for k, case in enumerate(cases):
        path = FOLDER + iri_slug(case.title)
        path = path if norm(path) not in taken else f"{path}-{k}"
        taken.add(norm(path))
        iris.append((path, case.day))
        link = spelled(path, k)
        site.add(norm(path), case.body)
        if "?" in link:  # the server ignores the parameter, as any does
            site.add(norm(link), case.body)
        site.served.append(Served(case, norm(path), link))
    listing_pages(site, "Veröffentlichungen", [teaser(site, s) for s in site.served],
                  query_pages(site.start), rel_next)
    site.add("/sitemap.xml", urlset(site, iris), XML)


TRAP_SHAPES: dict[str, Callable[[Site, list[Case]], None]] = {
    "refresh-home": shape_refresh_home, "shared-canonical": shape_shared_canonical,
    "soft404": shape_soft404, "aliases": shape_aliases, "unicode-paths": shape_unicode_paths,
}
