"""Listings for bench/sites.py: listing markups real sites use that a harvester must read.

Each shape serves its share of corpus pages (byte for byte, at their truth paths or the
platform's own addresses) behind one listing markup, and no sitemap, feed or robots.txt
Sitemap line: the harvest has the listing alone to read.

- `dl-list`: a definition list ("/publications/"): `<dt>` the linked title, a `<dd>` with
  the type and day ("Report · 3 March 2024"), a `<dd>` with a summary; rel=next pages;
- `utility-cards`: a Tailwind grid ("/research/") whose cards have only utility classes
  (no card, teaser, item or post): a type label, the title as a link in no heading, the
  day, a summary; numbered `?page=N` links in a `<nav aria-label="Pagination">`;
- `month-archives`: a WordPress blog ("/blog/") showing its five newest posts and no
  pager; its sidebar's archive widget links the monthly archives ("/2024/03/"), the only
  way to every other post;
- `details-years`: a report library ("/library/") grouping items by year in `<details>`
  blocks (the newest open), each item a linked title, a file note and the day;
- `more-links`: "teaser" cards whose `<h3>` title is unlinked, with a day, a summary and
  a "Read more →" link (some link their image too); numbered "/page/N/" links.

bench/sites.py registers them after the duplicates (`LISTING_SHAPES`). Listings here show
fewer items a page than real ones (five or six): a site holds about a dozen corpus pages,
and a pager must have a second page to be read.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from site_shapes import Case, Served, Site, e, frame, long_day, place, query_pages, rel_next
from site_shapes_more import alone, chunks, kind, listing_pages, us_day
from site_shapes_repo import at, newest_first, word_slug

PER = 5  # items a listing page shows (see the module's docstring)


def summary(site: Site, s: Served, words: int = 30) -> str:
    """Return the summary a listing shows of a page: the page's own (read alone), cut to
    its first sentence or `words` words; empty when it has none."""
    text = " ".join((alone(s.case.body, site.url(s.path)).summary or "").split())
    first = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]
    cut = first.split()
    return " ".join(cut[:words]) + ("…" if len(cut) > words else "")


def pages_of(start: str, path: Callable[[int], str]) -> Callable[[int], str]:
    """Return the address of listing page n: the start URL, then `path(n)`."""
    return lambda n: start if n == 1 else path(n)


# -- dl-list: a definition list -------------------------------------------------------------

def dl_item(site: Site, s: Served) -> str:
    """Return a definition list's entry: the linked title, its type and day, a summary."""
    meta = " · ".join(x for x in (kind(site, s), long_day(s.case.day)) if x)
    text = summary(site, s)
    return (f'<dt><a href="{e(s.link)}">{e(s.case.title)}</a></dt>'
            + (f"<dd>{e(meta)}</dd>" if meta else "") + (f"<dd>{e(text)}</dd>" if text else ""))


def shape_dl_list(site: Site, cases: list[Case]) -> None:
    """A definition list of publications ("/publications/", `?page=N`, rel=next): `<dt>`
    the linked title, a `<dd>` "Report · 3 March 2024", a `<dd>` summary."""
    place(site, cases, lambda k: "/publications")
    site.start = "/publications/"
    listing_pages(site, "Publications", [dl_item(site, s) for s in site.served],
                  query_pages(site.start), rel_next, per=PER, wrap="dl")


# -- utility-cards: Tailwind classes only ---------------------------------------------------

def utility_card(site: Site, s: Served) -> str:
    """Return a Tailwind card: a type label, the title as a link in no heading, the day, a
    summary; no class says what it is."""
    label = kind(site, s)
    text = summary(site, s)
    return ('<div class="flex flex-col gap-2 rounded-lg p-4 shadow">'
            + (f'<span class="text-xs uppercase tracking-wide text-sky-700">{e(label)}</span>'
               if label else "")
            + f'<a class="text-lg font-semibold hover:underline" href="{e(s.link)}">'
            f"{e(s.case.title)}</a>"
            + (f'<p class="text-sm text-gray-500">{us_day(s.case.day)}</p>' if s.case.day
               else "")
            + (f'<p class="text-sm leading-6 text-gray-700">{e(text)}</p>' if text else "")
            + "</div>")


def tailwind_pager(n: int, last: int) -> str:
    """Return numbered `?page=N` links (and "Next") in a `<nav aria-label="Pagination">`."""
    def link(k: int, label: str) -> str:
        """Return one pager link."""
        current = ' aria-current="page"' if k == n and label == str(k) else ""
        return (f'<a href="?page={k}"{current} class="rounded px-3 py-1 text-sm '
                f'{"bg-sky-700 text-white" if current else "hover:bg-gray-100"}">{label}</a>')

    numbers = "".join(link(k, str(k)) for k in range(1, last + 1))
    nxt = link(n + 1, "Next") if n < last else ""
    return (f'<nav aria-label="Pagination" class="mt-8 flex justify-center gap-1">{numbers}'
            f"{nxt}</nav>")


def shape_utility_cards(site: Site, cases: list[Case]) -> None:
    """A Tailwind grid of cards ("/research/", `?page=N` in a Pagination nav) whose only
    classes are utilities: no card, teaser, item or post class, the title in no heading."""
    place(site, cases, lambda k: "/research")
    site.start = "/research/"
    pages = chunks([utility_card(site, s) for s in site.served], PER + 1)
    for n, chunk in enumerate(pages, 1):
        main = ('<div class="mx-auto max-w-7xl px-6 py-12"><h1 class="text-3xl font-bold '
                'tracking-tight">Research</h1><div class="mt-8 grid grid-cols-1 gap-6 md:grid-'
                f'cols-3">{"".join(chunk)}</div>{tailwind_pager(n, len(pages))}</div>')
        for key in [f"{site.start}?page={n}", *([site.start] if n == 1 else [])]:
            site.add(key, frame("Research", main))


# -- month-archives: WordPress's archive widget ---------------------------------------------

def wp_entry(s: Served) -> str:
    """Return a theme's post in a list: the linked entry title, the day, no excerpt."""
    day = (f'<div class="entry-meta"><time class="entry-date published" datetime="'
           f'{s.case.day}T09:00:00+00:00">{us_day(s.case.day)}</time></div>' if s.case.day
           else "")
    return (f'<article class="post type-post status-publish hentry"><h2 class="entry-title">'
            f'<a href="{e(s.link)}" rel="bookmark">{e(s.case.title)}</a></h2>{day}</article>')


def month_of(s: Served, oldest: tuple[int, int]) -> tuple[int, int]:
    """Return the (year, month) of a post's archive: its day's, or the oldest month for a
    post whose day the truth does not annotate (WordPress dates every post)."""
    return (s.case.day.year, s.case.day.month) if s.case.day else oldest


def month_name(year: int, month: int) -> str:
    """Return 'March 2024'."""
    return f"{date(year, month, 1):%B} {year}"


def shape_month_archives(site: Site, cases: list[Case]) -> None:
    """A WordPress blog ("/blog/") showing its five newest posts and no pager; its sidebar
    (`widget_archive`) links one archive a month ("/2024/03/"), each listing that month's
    posts, the only way to the others."""
    at(site, cases, lambda k, c: f"/{word_slug(c.title)}/")
    site.start = "/blog/"
    held = newest_first(site.served)
    oldest = min(((s.case.day.year, s.case.day.month) for s in held if s.case.day),
                 default=(2019, 1))
    months: dict[tuple[int, int], list[Served]] = {}
    for s in held:
        months.setdefault(month_of(s, oldest), []).append(s)
    widget = ('<aside id="secondary" class="widget-area"><section id="archives-2" class="widget '
              'widget_archive"><h2 class="widget-title">Archives</h2><ul>' + "".join(
                  f'<li><a href="/{y}/{m:02d}/">{month_name(y, m)}</a>&nbsp;({len(posts)})</li>'
                  for (y, m), posts in sorted(months.items(), reverse=True))
              + "</ul></section></aside>")

    def page(title: str, posts: list[Served]) -> str:
        """Return a blog page: its title, the posts, the sidebar."""
        return frame(title, f'<div id="primary" class="content-area"><header class="page-'
                            f'header"><h1 class="page-title">{e(title)}</h1></header>'
                            f'{"".join(wp_entry(s) for s in posts)}</div>{widget}')

    site.add(site.start, page("Blog", held[:5]))
    for (year, month), posts in months.items():
        site.add(f"/{year}/{month:02d}/", page(f"Month: {month_name(year, month)}", posts))


# -- details-years: a library folded by year ------------------------------------------------

def details_item(s: Served, k: int) -> str:
    """Return a library entry: the linked title, a file note, the day."""
    day = f" – {long_day(s.case.day)}" if s.case.day else ""
    return (f'<li><a href="{e(s.link)}">{e(s.case.title)}</a> <span class="file-info">(PDF, '
            f"{12 + 7 * k % 40} pages)</span>{day}</li>")


def shape_details_years(site: Site, cases: list[Case]) -> None:
    """A report library ("/library/", one page) grouping its items by year in `<details>`
    blocks, the newest year's open, the undated in a last "Undated" block."""
    place(site, cases, lambda k: "/library")
    site.start = "/library/"
    years: dict[str, list[Served]] = {}
    for s in newest_first(site.served):
        years.setdefault(str(s.case.day.year) if s.case.day else "Undated", []).append(s)
    blocks = "".join(
        f'<details class="year"{" open" if k == 0 else ""}><summary>{year}</summary><ul>'
        + "".join(details_item(s, j) for j, s in enumerate(items)) + "</ul></details>"
        for k, (year, items) in enumerate(years.items()))
    site.add(site.start, frame("Library", '<h1>Report library</h1><p>All our reports and '
                               f"papers since 1984, by year.</p>{blocks}"))


# -- more-links: an unlinked title and "Read more" ------------------------------------------

def more_card(site: Site, s: Served, k: int) -> str:
    """Return a "teaser" card: an image (linked for every third), the unlinked `<h3>`
    title, the day, a summary and a "Read more →" link."""
    img = (f'<img src="/media/teaser-{k + 1}.jpg" width="640" height="360" alt="" '
           'loading="lazy">')
    image = f'<a href="{e(s.link)}" tabindex="-1">{img}</a>' if k % 3 == 0 else img
    day = f'<span class="teaser__date">{long_day(s.case.day)}</span>' if s.case.day else ""
    text = summary(site, s)
    return (f'<div class="teaser"><div class="teaser__image">{image}</div><div class="teaser__'
            f'body"><h3 class="teaser__title">{e(s.case.title)}</h3>{day}'
            + (f'<p class="teaser__text">{e(text)}</p>' if text else "")
            + f'<a class="teaser__more" href="{e(s.link)}">Read more →</a></div></div>')


def shape_more_links(site: Site, cases: list[Case]) -> None:
    """A card listing ("/insights/", numbered "/insights/page/N/" links) whose cards link
    only "Read more →" (every third also its image), the `<h3>` title unlinked."""
    place(site, cases, lambda k: "/insights")
    site.start = "/insights/"
    pages = chunks([more_card(site, s, k) for k, s in enumerate(site.served)], PER)
    url = pages_of(site.start, lambda n: f"{site.start}page/{n}/")
    for n, chunk in enumerate(pages, 1):
        pager = "".join(f'<li><span aria-current="page">{k}</span></li>' if k == n else
                        f'<li><a href="{url(k)}">{k}</a></li>' for k in range(1, len(pages) + 1))
        main = (f'<h1>Insights</h1><div class="teasers">{"".join(chunk)}</div><nav class="'
                f'pager" aria-label="Pages"><ul>{pager}</ul></nav>')
        site.add(url(n), frame("Insights", main))


LISTING_SHAPES: dict[str, Callable[[Site, list[Case]], None]] = {
    "dl-list": shape_dl_list, "utility-cards": shape_utility_cards,
    "month-archives": shape_month_archives, "details-years": shape_details_years,
    "more-links": shape_more_links,
}
