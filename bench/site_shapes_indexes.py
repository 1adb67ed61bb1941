"""Indexes for bench/sites.py: the ways real sites expose their publications beyond the
listing's own links, that a harvester given only a start URL must find and use. Each shape
serves its share of corpus pages byte for byte (at their truth paths), and no sitemap or
robots.txt Sitemap line:

- `json-feed`: a listing ("/notes/") drawn by JavaScript (an empty container and a
  script, no item link) announcing only a JSON Feed 1.1 ("/feed.json", served as
  application/feed+json) that lists every item: url, title, date_published, authors, tags;
- `wp-rest`: a WordPress blog ("/blog/") whose post list a script draws from the REST API
  the page announces (`<link rel="https://api.w.org/">`): "/wp-json/wp/v2/posts" answers
  `?per_page=N&page=K` (or `?page=K`, ten a page) as WordPress does (X-WP-Total,
  X-WP-TotalPages, a Link header; 400 past the last page); no feed link;
- `select-pager`: a listing ("/publications") whose only pager is a `<select>` of its pages
  (`<option value="/publications?page=2">`) with an onchange handler; no rel=next;
- `author-hub`: the start URL is an expert's profile ("/experts/jane-doe": a bio, then
  "Publications by Jane Doe" cards with title, day and type), its pager "?page=2";
- `print-feed`: a listing ("/analysis/") showing its newest cards, no pager at all, that
  announces an RSS feed of every item and WordPress's comments feed ("/comments/feed/",
  reported as noise through bench/site_shapes_noise.py's `NOISE`: it must not be used).

bench/sites.py registers them after the crawl traps and link forms (`INDEX_SHAPES`). An
undated page (the truth gives no day) has no date in a feed item, and a null one in the
REST API (the benchmark's cards never invent a day).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import timedelta
from typing import Any
from urllib.parse import parse_qsl, urlencode

from site_shapes import Case, Served, Site, e, frame, loose, norm, place, query_pages
from site_shapes_links import noise
from site_shapes_listings import PER, summary
from site_shapes_more import chunks, kind, listing_pages, stamp, teaser
from site_shapes_noise import EXPERTS, start_noise
from site_shapes_repo import names, newest_first, word_slug

RSS = {"Content-Type": "application/rss+xml; charset=UTF-8"}
WP_JSON = "application/json; charset=UTF-8"


def rfc822(s: Served, days: int = 0) -> str:
    """Return an RSS pubDate of a served page's day (plus days), at 09:00 UTC."""
    day = s.case.day + timedelta(days=days) if s.case.day else None
    return f"<pubDate>{day:%a, %d %b %Y} 09:00:00 +0000</pubDate>" if day else ""


# -- json-feed: a JavaScript listing and its JSON Feed --------------------------------------

def shape_json_feed(site: Site, cases: list[Case]) -> None:
    """A listing ("/notes/") a script draws from the JSON Feed it announces ("/feed.json"),
    the only index of its items."""
    place(site, cases, lambda k: "/notes")
    site.start, site.via = "/notes/", "JSON Feed"
    head = ('<link rel="alternate" type="application/feed+json" title="Example Institute: '
            'Notes" href="/feed.json"><script src="/static/js/notes.js" defer></script>')
    site.add(site.start, frame("Notes", '<h1>Notes</h1><div id="notes" class="notes-list" '
                               'data-feed="/feed.json" aria-live="polite"></div>', head))
    items = []
    for s in newest_first(site.served):
        item: dict[str, Any] = {"id": site.url(s.link), "url": site.url(s.link),
                                "title": s.case.title,
                                "content_text": summary(site, s) or s.case.title}
        if s.case.day:
            item["date_published"] = stamp(s.case.day)
        if names(s):
            item["authors"] = [{"name": n} for n in names(s)]
        if s.case.truth.get("tags"):
            item["tags"] = list(s.case.truth["tags"])
        items.append(item)
    feed = {"version": "https://jsonfeed.org/version/1.1", "title": "Example Institute: Notes",
            "home_page_url": site.url(site.start), "feed_url": site.url("/feed.json"),
            "language": "en", "items": items}
    site.add("/feed.json", json.dumps(feed, ensure_ascii=False, indent=2),
             {"Content-Type": "application/feed+json"})


# -- wp-rest: a blog drawn from WordPress's REST API ----------------------------------------

POSTS = "/wp-json/wp/v2/posts"


def wp_json(site: Site, s: Served, k: int) -> dict[str, Any]:
    """Return a post as WordPress's REST API gives it (`context=view`)."""
    pid, text = 100 + k, e(summary(site, s))
    local = stamp(s.case.day, 10)[:19] if s.case.day else None  # the site's time: UTC+1
    gmt = stamp(s.case.day)[:19] if s.case.day else None
    api = site.url("/wp-json/wp/v2")
    return {"id": pid, "date": local, "date_gmt": gmt,
            "guid": {"rendered": site.url(f"/?p={pid}")}, "modified": local,
            "modified_gmt": gmt, "slug": word_slug(s.case.title), "status": "publish",
            "type": "post", "link": site.url(s.link), "title": {"rendered": e(s.case.title)},
            "content": {"rendered": f"<p>{text}</p>\n", "protected": False},
            "excerpt": {"rendered": f"<p>{text} [&hellip;]</p>\n", "protected": False},
            "author": 2, "featured_media": 0, "comment_status": "closed",
            "ping_status": "closed", "sticky": False, "template": "", "format": "standard",
            "meta": {"footnotes": ""}, "categories": [3], "tags": [],
            "_links": {"self": [{"href": f"{api}/posts/{pid}"}],
                       "collection": [{"href": f"{api}/posts"}],
                       "author": [{"embeddable": True, "href": f"{api}/users/2"}]}}


def wp_error(code: str, message: str, **data: Any) -> bytes:
    """Return a REST API error body."""
    return json.dumps({"code": code, "message": message, "data": {"status": 400, **data}}
                      ).encode()


def shape_wp_rest(site: Site, cases: list[Case]) -> None:
    """A WordPress blog ("/blog/") whose posts a script draws from "/wp-json/wp/v2/posts";
    the server answers any `per_page` (1-100) and `page` as WordPress does."""
    place(site, cases)
    site.start, site.via = "/blog/", "REST API"
    posts = [wp_json(site, s, k) for k, s in enumerate(newest_first(site.served))]
    head = ('<meta name="generator" content="WordPress 6.5.2"><link rel="https://api.w.org/" '
            f'href="{site.url("/wp-json/")}"><link rel="alternate" type="application/json" '
            f'href="{site.url("/wp-json/wp/v2/pages/12")}"><link rel="EditURI" type="application'
            f'/rsd+xml" title="RSD" href="{site.url("/xmlrpc.php?rsd")}">')
    settings = json.dumps({"root": site.url("/wp-json/"), "perPage": 10}).replace("/", "\\/")
    site.add(site.start, frame("Blog", (
        '<div id="primary" class="content-area"><header class="page-header"><h1 class="page-'
        'title">Blog</h1></header><div id="posts" class="posts-grid" data-endpoint="wp/v2/posts">'
        '<p class="loading">Loading posts…</p></div><div class="posts-more"></div></div><script '
        f'id="blog-js-extra">var blogSettings = {settings};</script><script src="/wp-content/'
        'themes/institute/js/blog.js?ver=1.4" id="blog-js"></script>'), head))
    site.add("/wp-json/", json.dumps({
        "name": "Example Institute", "description": "Independent research for peace",
        "url": site.base, "home": site.base, "gmt_offset": "1", "timezone_string": "",
        "namespaces": ["oembed/1.0", "wp/v2", "wp-site-health/v1"], "authentication": [],
        "routes": {POSTS: {"namespace": "wp/v2", "methods": ["GET", "POST"],
                           "_links": {"self": [{"href": site.url(POSTS)}]}}}}),
        {"Content-Type": WP_JSON})
    site.add("/wp-json/wp/v2/pages/12", json.dumps({
        "id": 12, "type": "page", "slug": "blog", "link": site.url(site.start),
        "title": {"rendered": "Blog"}, "content": {"rendered": "", "protected": False}}),
        {"Content-Type": WP_JSON})
    find = site.find

    def answer(target: str) -> str | None:
        """Serve the posts collection for any query, as WordPress computes it."""
        path, _, query = norm(target).partition("?")
        if loose(path) != POSTS:
            return find(target)
        params = dict(parse_qsl(query, keep_blank_values=True))
        per, page = params.get("per_page", "10"), params.get("page", "1")
        total, key = len(posts), norm(target)
        if not (per.isdigit() and 1 <= int(per) <= 100):
            site.routes[key] = (400, {"Content-Type": WP_JSON}, wp_error(
                "rest_invalid_param", "Invalid parameter(s): per_page", params={"per_page":
                    "per_page must be between 1 (inclusive) and 100 (inclusive)"}))
            return key
        last = max(1, -(-total // int(per)))
        if not (page.isdigit() and 1 <= int(page) <= last):
            site.routes[key] = (400, {"Content-Type": WP_JSON}, wp_error(
                "rest_post_invalid_page_number", "The page number requested is larger than "
                "the number of pages available."))
            return key
        n, size = int(page), int(per)
        links = [f'<{site.url(POSTS)}?{urlencode({**params, "page": m})}>; rel="{rel}"'
                 for m, rel in ((n - 1, "prev"), (n + 1, "next")) if 1 <= m <= last]
        headers = {"Content-Type": WP_JSON, "X-WP-Total": str(total),
                   "X-WP-TotalPages": str(last), "Allow": "GET, POST"}
        site.routes[key] = (200, {**headers, **({"Link": ", ".join(links)} if links else {})},
                            json.dumps(posts[(n - 1) * size:n * size]).encode())
        return key

    site.find = answer  # type: ignore[method-assign]


# -- select-pager: a `<select>` of pages ----------------------------------------------------

def shape_select_pager(site: Site, cases: list[Case]) -> None:
    """A listing ("/publications", `?page=N`) whose only pager is a `<select>` whose options
    are the pages' addresses, changed by script; no rel=next, no page link."""
    place(site, cases, lambda k: "/publications")
    site.start = "/publications"
    url = query_pages(site.start)
    pages = chunks([teaser(site, s) for s in newest_first(site.served)], PER)
    for n, chunk in enumerate(pages, 1):
        options = "".join(f'<option value="{e(url(m))}"{" selected" * (m == n)}>{m}</option>'
                          for m in range(1, len(pages) + 1))
        pager = ('<form class="pager" action="/publications" method="get"><label for="pager-'
                 f'select">Page</label> <select id="pager-select" name="page" onchange="window.'
                 f'location.href = this.value;">{options}</select> <span class="pager__total">'
                 f"of {len(pages)}</span></form>")
        site.add(url(n), frame("Publications", f'<h1>Publications</h1><div class="listing">'
                                               f'{"".join(chunk)}</div>{pager}'))


# -- author-hub: an expert's profile as the start URL ---------------------------------------

def shape_author_hub(site: Site, cases: list[Case]) -> None:
    """An expert's profile ("/experts/jane-doe": photo, title, bio, expertise, contact)
    listing the expert's publications as cards, its numbered pager "?page=2" (relative)."""
    place(site, cases, lambda k: "/publications")
    expert = EXPERTS[0]
    site.start = f"/experts/{expert.slug}"
    pages = chunks([teaser(site, s) for s in newest_first(site.served)], PER)
    bio = "".join(f"<p>{e(p)}</p>" for p in expert.bio)
    areas = "".join(f'<li><a href="/topics/{word_slug(a)}">{e(a)}</a></li>'
                    for a in expert.expertise)
    head = '<meta property="og:type" content="profile">'
    for n, chunk in enumerate(pages, 1):
        numbers = "".join(f'<li class="pager__item is-active">{m}</li>' if m == n else
                          f'<li class="pager__item"><a href="?page={m}">{m}</a></li>'
                          for m in range(1, len(pages) + 1))
        more = (f'<li class="pager__item pager__item--next"><a href="?page={n + 1}" title="Go to '
                'next page">Next ›</a></li>' if n < len(pages) else "")
        site.add(query_pages(site.start)(n), frame(expert.name, (
            f'<article class="profile"><div class="profile__header"><img class="profile__photo" '
            f'src="/sites/default/files/styles/square/public/experts/{expert.slug}.jpg" alt="'
            f'{e(expert.name)}"><h1 class="profile__name">{e(expert.name)}</h1><p class="profile'
            f'__title">{e(expert.title)}</p><ul class="profile__contact"><li><a href="mailto:'
            f'{expert.slug}@example.org">Email</a></li><li><a href="https://twitter.com/'
            f'{expert.slug.replace("-", "")}">X</a></li></ul></div><div class="profile__bio">'
            f'{bio}</div><div class="profile__expertise"><h2>Expertise</h2><ul>{areas}</ul></div>'
            f'</article><section class="profile__publications"><h2>Publications by '
            f'{e(expert.name)}</h2><div class="listing">{"".join(chunk)}</div><nav class="pager" '
            f'aria-label="Pagination"><ul class="pager__items">{numbers}{more}</ul></nav>'
            "</section>"), head))


# -- print-feed: the first page only, and a feed of every item ------------------------------

COMMENTERS = ("Maria K.", "David Levin", "A reader in Nairobi")


def rss(site: Site, path: str, title: str, items: str) -> str:
    """Return a WordPress RSS 2.0 feed of its items."""
    return ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://'
            'purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:atom="http://www.w3.org/2005/Atom"><channel>'
            f'<title>{e(title)}</title><atom:link href="{site.url(path)}" rel="self" type="'
            f'application/rss+xml"/><link>{site.url("/")}</link><description>Independent '
            "research for peace</description><language>en-US</language><generator>https://"
            f"wordpress.org/?v=6.5.2</generator>{items}</channel></rss>")


def shape_print_feed(site: Site, cases: list[Case]) -> None:
    """A listing ("/analysis/") of its newest cards, no pager, announcing its RSS feed of
    every item ("/analysis/feed/": authors, day, type) and the site's comments feed."""
    start_noise(site)
    place(site, cases, lambda k: "/analysis")
    site.start, site.via = "/analysis/", "feed"
    held = newest_first(site.served)
    head = ('<link rel="alternate" type="application/rss+xml" title="Example Institute &raquo; '
            'Analysis Feed" href="/analysis/feed/"><link rel="alternate" type="application/'
            'rss+xml" title="Example Institute &raquo; Comments Feed" href="/comments/feed/">')
    listing_pages(site, "Analysis", [teaser(site, s) for s in held[:PER]],
                  query_pages(site.start), lambda h: "", per=PER, head=head)
    items = "".join(
        f"<item><title>{e(s.case.title)}</title><link>{e(site.url(s.link))}</link>"
        + "".join(f"<dc:creator><![CDATA[{n}]]></dc:creator>" for n in names(s)) + rfc822(s)
        + (f"<category><![CDATA[{label}]]></category>" if (label := kind(site, s)) else "")
        + f'<guid isPermaLink="false">{site.url(f"/?p={100 + k}")}</guid><description><![CDATA['
        f"{summary(site, s)}]]></description></item>" for k, s in enumerate(held))
    site.add("/analysis/feed/", rss(site, "/analysis/feed/", "Analysis – Example Institute",
                                    items), RSS)
    comments = "".join(
        f"<item><title>Comment on {e(s.case.title)} by {COMMENTERS[k % 3]}</title><link>"
        f"{e(site.url(s.link))}#comment-{200 + k}</link><dc:creator><![CDATA["
        f"{COMMENTERS[k % 3]}]]></dc:creator>{rfc822(s, 2)}<guid isPermaLink=\"false\">"
        f"{site.url(f'/?p={100 + k}')}#comment-{200 + k}</guid><description><![CDATA[Thank "
        "you for this clear analysis; the section on monitoring was especially useful.]]>"
        "</description></item>" for k, s in enumerate(held[:6]))
    noise(site, "/comments/feed/", rss(site, "/comments/feed/", "Comments for Example "
                                       "Institute", comments), "comments feed", RSS)


INDEX_SHAPES: dict[str, Callable[[Site, list[Case]], None]] = {
    "json-feed": shape_json_feed, "wp-rest": shape_wp_rest, "select-pager": shape_select_pager,
    "author-hub": shape_author_hub, "print-feed": shape_print_feed,
}
