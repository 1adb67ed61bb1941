"""Duplicates for bench/sites.py: one publication reachable under several URLs, or shown
several times on its listing.

Each shape serves its share of corpus pages where a real site's platform puts them, and
more than once:

- `amp-mobile`: a news listing ("/news/" on www.example.test) linking every other item's
  AMP version ("/amp/" after a folder-like path, `?amp=1` after a file's or a query) and
  two items' copies on the mobile host m.example.test; the sitemap lists the normal URLs.
  AMP pages (an `amp` attribute on `<html>`) and mobile ones name the normal URL as their
  canonical;
- `featured-dup`: a WordPress blog whose page 1 opens with a "Featured" hero of three posts
  (teaser titles of their own, other images) that its list repeats below, and whose two
  sticky posts head each of its three pages;
- `category-permalinks`: WordPress with "/%category%/%postname%/" permalinks: every post is
  served (200, its own breadcrumb and sidebar: other bytes) under "/policy/" and under
  "/security/"; half the posts' copies name their primary category's URL as canonical,
  the others name none. The blog ("/blog/") links each post under either category, the
  category archives under their own, Yoast's sitemap under the primary one;
- `pagination-loop`: a listing whose `?page=0` and `?page=1` are its first page, whose last
  page's "Next" links itself, and whose pages beyond the last show the last page again;
- `index-html`: a static site (Hugo, Jekyll) linking some posts as "/posts/x/index.html",
  the others as "/posts/x/" (the same file); its sitemap lists "/posts/x/".

bench/sites.py registers them after the traps (`DUPE_SHAPES`). A publication's `Served`
keeps its page's address (`path`) and the one its listing links (`link`); a record made of
another copy is one of "Other records" (a duplicate).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import replace

from site_shapes import Case, Served, Site, e, frame, norm, place, query_pages, rel_next
from site_shapes_more import XML, chunks, listing_pages, stamp, teaser, us_day, yoast
from site_shapes_repo import at, newest_first, word_slug, wp_post
from site_shapes_traps import CANONICAL, OG_URL, shared, urlset

WWW, MOBILE = "www.example.test", "m.example.test"
HTML_TAG = re.compile(rb"<html\b", re.IGNORECASE)
BODY = re.compile(rb"<body\b[^>]*>", re.IGNORECASE)
BODY_END = re.compile(rb"</body\s*>", re.IGNORECASE)


# -- amp-mobile: AMP versions and a mobile host ---------------------------------------------

def amp_path(path: str) -> str:
    """Return the address of a page's AMP version: "/amp/" after a folder-like path (as
    WordPress's AMP plugin writes it), else `amp=1` added to its query."""
    base, mark, query = path.partition("?")
    if not re.search(r"\.\w+$", base):
        return base.rstrip("/") + "/amp/" + mark + query
    return f"{path}&amp=1" if mark else f"{path}?amp=1"


def shape_amp_mobile(site: Site, cases: list[Case]) -> None:
    """A news listing ("/news/", cards, rel=next) on www.example.test linking every other
    item's AMP version and two items' copies on m.example.test (a sibling host); pages at
    their truth paths, the sitemap (robots.txt's) listing those."""
    site.base = f"http://{WWW}:{site.base.rpartition(':')[2]}"
    site.names = {WWW: "", MOBILE: f"/{MOBILE}"}
    place(site, cases)
    site.start = "/news/"
    served = []
    for k, s in enumerate(site.served):
        # The normal page's URL here: its own canonical is on its original host, which a
        # harvest rightly ignores.
        url = site.url(s.path)
        if k % 2:
            link = amp_path(s.path)
            site.add(link, HTML_TAG.sub(b"<html amp", shared(s.case.body, url), count=1))
            s = Served(s.case, s.path, link)
        elif k % 6 == 2:
            link = f"/{MOBILE}{s.path}"
            site.add(link, shared(s.case.body, url))
            s = Served(s.case, s.path, link)
        served.append(s)
    site.served[:] = served
    cards = [teaser(site, replace(s, link=site.url(s.link))) for s in site.served]
    listing_pages(site, "News", cards, query_pages(site.start), rel_next, per=8)
    site.add("/sitemap.xml", urlset(site, [(s.path, s.case.day) for s in site.served]), XML)


# -- featured-dup: a hero block and sticky posts --------------------------------------------

def retitled(title: str, k: int) -> str:
    """Return a hero teaser's title of a post: shortened, or rephrased, as editors write
    them (never the post's own title)."""
    words = title.split()
    short = " ".join(words[:5]) + ("…" if len(words) > 5 else "")
    teaser_title = (short, f"In focus: {' '.join(words[:6])}",
                    re.split(r"\s[:\-–—|]\s?|:\s", title)[0])[k % 3]
    return teaser_title if teaser_title != title else f"Featured: {title}"


def hero(posts: list[Served]) -> str:
    """Return a theme's "Featured" hero block: each post's own image and teaser title."""
    items = "".join(
        f'<article class="featured-post featured-post--{k}"><a class="featured-post__image" '
        f'href="{e(s.link)}"><img src="/wp-content/uploads/2024/05/featured-{k + 1}-1200x675.'
        f'jpg" width="1200" height="675" alt="{e(retitled(s.case.title, k))}"></a><div class="'
        f'featured-post__body"><span class="featured-post__label">Featured</span><h2 class="'
        f'featured-post__title"><a href="{e(s.link)}">{e(retitled(s.case.title, k))}</a></h2>'
        + (f'<time datetime="{stamp(s.case.day)}">{us_day(s.case.day)}</time>' if s.case.day
           else "") + "</div></article>" for k, s in enumerate(posts))
    return (f'<section class="featured-posts" aria-label="Featured"><h2 class="screen-reader-'
            f'text">Featured</h2>{items}</section>')


def wp_pager(n: int, last: int, url: Callable[[int], str]) -> str:
    """Return WordPress's numbered pagination of page n of 1..last."""
    links = [f'<a class="prev page-numbers" href="{url(n - 1)}">« Newer posts</a>'] \
        if n > 1 else []
    links += [f'<span aria-current="page" class="page-numbers current">{k}</span>' if k == n
              else f'<a class="page-numbers" href="{url(k)}">{k}</a>' for k in range(1, last + 1)]
    if n < last:
        links.append(f'<a class="next page-numbers" href="{url(n + 1)}">Older posts »</a>')
    return (f'<nav class="navigation pagination" aria-label="Posts"><div class="nav-links">'
            f'{"".join(links)}</div></nav>')


def shape_featured_dup(site: Site, cases: list[Case]) -> None:
    """A WordPress blog ("/blog/", "/blog/page/N/", three pages) whose two sticky posts
    head each page, and whose page 1 opens with a hero of its three newest other posts,
    retitled and with their own images, that its list shows again below."""
    at(site, cases, lambda k, c: f"/{word_slug(c.title)}/")
    site.start = "/blog/"
    held = newest_first(site.served)
    sticky, rest = held[-2:], held[:-2]
    pages = chunks(rest, max(1, -(-len(rest) // 3)))

    def url(n: int) -> str:
        """Return the address of page n (1-based)."""
        return site.start if n == 1 else f"{site.start}page/{n}/"

    for n, chunk in enumerate(pages, 1):
        pinned = "".join(wp_post(s, held.index(s)).replace(" post type-post", " post type-"
                                                           "post sticky", 1) for s in sticky)
        posts = "".join(wp_post(s, held.index(s)) for s in chunk)
        top = hero(rest[:3]) if n == 1 else ""
        main = (f'{top}<div id="primary" class="content-area"><header class="page-header"><h1 '
                f'class="page-title">Blog</h1></header><div class="posts">{pinned}{posts}</div>'
                f"{wp_pager(n, len(pages), url)}</div>")
        site.add(url(n), frame("Blog", main))


# -- category-permalinks: one post under two categories -------------------------------------

CATEGORIES = (("policy", "Policy"), ("security", "Security"))


def filed(body: bytes, name: str, label: str, others: list[tuple[str, str]]) -> bytes:
    """Return a post's page as its category's copy shows it: a breadcrumb "Home › <label>"
    at the top of the body, a sidebar of the category's other posts at its end."""
    crumb = (f'<nav class="breadcrumbs" aria-label="Breadcrumb"><a href="/">Home</a> › <a href'
             f'="/{name}/">{label}</a></nav>').encode()
    items = "".join(f'<li><a href="{e(href)}">{e(title)}</a></li>' for href, title in others)
    side = (f'<aside id="secondary" class="widget-area"><section class="widget widget_'
            f'category_posts"><h2 class="widget-title">More in {label}</h2><ul>{items}</ul>'
            "</section></aside>").encode()
    top = BODY.search(body)
    body = body[:top.end()] + crumb + body[top.end():] if top else crumb + body
    end = BODY_END.search(body)
    return body[:end.start()] + side + body[end.start():] if end else body + side


def shape_category_permalinks(site: Site, cases: list[Case]) -> None:
    """WordPress, "/%category%/%postname%/": each post answers under both categories with
    that category's breadcrumb and sidebar; half the posts' copies declare the primary
    category's URL canonical (Yoast), the others no canonical nor og:url. "/blog/" links
    each post under one of its categories at random; the category archives ("/policy/",
    "/security/", in the blog's sidebar) under their own; Yoast's sitemap under the
    primary one."""
    site.start = "/blog/"
    slugs = {}
    for k, case in enumerate(cases):
        name = norm(word_slug(case.title))
        slugs[case.id] = name if name not in slugs.values() else f"{name}-{k}"
    titles = {c.id: c.title for c in cases}
    for k, case in enumerate(cases):
        primary, other = CATEGORIES[k % 2], CATEGORIES[1 - k % 2]
        home, copies = f"/{primary[0]}/{slugs[case.id]}/", {}
        for name, label in (primary, other):
            others = [(f"/{name}/{slugs[c.id]}/", titles[c.id]) for c in cases if c != case][:5]
            body = filed(case.body, name, label, others)
            copies[name] = shared(body, site.url(home)) if k // 2 % 2 == 0 else \
                OG_URL.sub(b"", CANONICAL.sub(b"", body))
        site.add(home, copies[primary[0]])
        site.add(f"/{other[0]}/{slugs[case.id]}/", copies[other[0]])
        link = f"/{random.Random(case.id).choice(CATEGORIES)[0]}/{slugs[case.id]}/"
        site.served.append(Served(replace(case, body=copies[primary[0]]), home, link))
    wp_listing(site, "Blog", site.start, site.served)
    for name, label in CATEGORIES:
        wp_listing(site, label, f"/{name}/", [
            replace(s, link=f"/{name}/{slugs[s.case.id]}/") for s in site.served])
    yoast_index(site)


def yoast_index(site: Site) -> None:
    """Serve Yoast's sitemap index: the posts (at their primary permalinks), the categories."""
    posts = "".join(f"<url><loc>{e(site.url(s.path))}</loc>" + (
        f"<lastmod>{stamp(s.case.day)}</lastmod>" if s.case.day else "") + "</url>"
        for s in site.served)
    site.add("/post-sitemap.xml", yoast(site, posts), XML)
    site.add("/category-sitemap.xml", yoast(site, "".join(
        f"<url><loc>{site.base}/{name}/</loc></url>" for name, _ in CATEGORIES)), XML)
    site.add("/sitemap_index.xml", '<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns='
             '"http://www.sitemaps.org/schemas/sitemap/0.9">' + "".join(
                 f"<sitemap><loc>{site.base}/{name}-sitemap.xml</loc></sitemap>"
                 for name in ("post", "category")) + "</sitemapindex>", XML)


def wp_listing(site: Site, title: str, start: str, posts: list[Served]) -> None:
    """Serve a WordPress archive of posts (ten a page, "/page/N/"), its sidebar linking the
    category archives."""
    ids = {s.case.id: k for k, s in enumerate(posts)}  # the same in every archive
    pages = chunks(newest_first(posts), 10)
    side = ('<aside id="secondary" class="widget-area"><section class="widget widget_'
            'categories"><h2 class="widget-title">Categories</h2><ul>' + "".join(
                f'<li class="cat-item"><a href="/{name}/">{label}</a></li>'
                for name, label in CATEGORIES) + "</ul></section></aside>")

    def url(n: int) -> str:
        """Return the address of page n (1-based)."""
        return start if n == 1 else f"{start}page/{n}/"

    for n, chunk in enumerate(pages, 1):
        cards = "".join(wp_post(s, ids[s.case.id]) for s in chunk)
        main = (f'<div id="primary" class="content-area"><header class="page-header"><h1 class'
                f'="page-title">{title}</h1></header>{cards}{wp_pager(n, len(pages), url)}'
                f"</div>{side}")
        site.add(url(n), frame(title, main))


# -- pagination-loop: a pager that never ends -----------------------------------------------

BEYOND = 120  # the pages beyond the last served (a harvest reads 50 listing pages at most)


def loop_pager(n: int, last: int) -> str:
    """Return a pager whose "Previous" of page 1 is `?page=0` and whose "Next" of the last
    page is itself (a template that clamps, not hides, its links)."""
    numbers = "".join(f'<li><a href="?page={k}"' + (' aria-current="page"' if k == n else "")
                      + f">{k}</a></li>" for k in range(1, last + 1))
    return (f'<nav class="pagination"><ul><li class="prev"><a href="?page={n - 1}" rel="prev">'
            f'‹ Previous</a></li>{numbers}<li class="next"><a href="?page={min(n + 1, last)}" '
            f'rel="next">Next ›</a></li><li class="last"><a href="?page={last}">Last »</a>'
            "</li></ul></nav>")


def shape_pagination_loop(site: Site, cases: list[Case]) -> None:
    """A card listing ("/news/", four a page) whose `?page=0` and `?page=1` are page 1,
    whose last page's "Next" links itself, and whose `?page=N` beyond the last answers
    200 with the last page (the server clamps N)."""
    place(site, cases)
    site.start = "/news/"
    pages = chunks([teaser(site, s) for s in site.served], 4)
    last = len(pages)
    for n, chunk in enumerate(pages, 1):
        body = frame("News", f'<h1>News</h1><div class="listing">{"".join(chunk)}</div>'
                             f"{loop_pager(n, last)}")
        for key in ([site.start, f"{site.start}?page=0"] if n == 1 else []) + [
                f"{site.start}?page={m}" for m in range(n, n + 1 if n < last else BEYOND)]:
            site.add(key, body)


# -- index-html: a static site's two spellings of one page ----------------------------------

def shape_index_html(site: Site, cases: list[Case]) -> None:
    """A static site generator's post list ("/posts/", "/posts/page/N/") linking every
    other post as "/posts/<slug>/index.html" (the file the folder URL serves), the others
    as "/posts/<slug>/"; its sitemap lists the folder URLs."""
    at(site, cases, lambda k, c: f"/posts/{word_slug(c.title)}/")
    site.start = "/posts/"
    site.served[:] = [Served(s.case, s.path, s.path + "index.html" if k % 2 == 0 else s.path)
                      for k, s in enumerate(site.served)]
    items = [f'<li><span class="post-meta">{us_day(s.case.day)}</span><h3><a class="post-link"'
             f' href="{e(s.link)}">{e(s.case.title)}</a></h3></li>' for s in site.served]
    listing_pages(site, "Posts", items, lambda n: site.start if n == 1 else
                  f"{site.start}page/{n}/", lambda h: f'<div class="pager"><a class="next" '
                  f'href="{h}">Older posts</a></div>', per=10, wrap="ul")
    site.add("/sitemap.xml", urlset(site, [("/", None), (site.start, None), *(
        (s.path, s.case.day) for s in site.served)]), XML)


DUPE_SHAPES: dict[str, Callable[[Site, list[Case]], None]] = {
    "amp-mobile": shape_amp_mobile, "featured-dup": shape_featured_dup,
    "category-permalinks": shape_category_permalinks, "pagination-loop": shape_pagination_loop,
    "index-html": shape_index_html,
}
