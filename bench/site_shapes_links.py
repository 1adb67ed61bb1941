"""Links for bench/sites.py: crawl traps and link forms of real sites that a harvester given
only a start URL must survive, storing every publication with few wasted requests. Each
shape serves its share of corpus pages byte for byte, and no sitemap or feed:

- `facets`: a listing ("/publications", `?page=N`) whose filter column (topic, type, year)
  and "Sort by" links add to the page's own filters (`?topic=a&type=b&year=2024&sort=date`),
  every combination with results served: a hundred URLs and more showing the same items;
- `calendar`: a home page ("/") linking "/publications/" (rel=next) and an events calendar
  ("/events/calendar/2026-11") whose months, none with a publication, link the month
  before and after (ten years either way served);
- `session-ids`: a listing ("/publications", `?page=N`, a "Featured" block on every page)
  whose every link carries a session id fresh in each response, in turn `;jsessionid=`
  and `?sid=`; the server ignores both, as a servlet container does;
- `link-forms`: a nested listing folder on www.example.test linking its items relative
  (`../../`, with a `#fragment`, with `&amp;`-escaped parameters), protocol-relative, with
  a mixed-case host, or with whitespace inside href; later pages have a `<base href>`;
- `item-actions`: cards whose share (X, LinkedIn, Facebook), print, email, cite (BibTeX,
  RIS), "Download PDF" (a PDF, or a 404) and "Add to reading list" (a login page) links
  sit beside the title: noise, reported through bench/site_shapes_noise.py's `NOISE`.

bench/sites.py registers them after the listing markups (`LINK_SHAPES`).
"""

from __future__ import annotations

import calendar
import hashlib
import html
import itertools
import posixpath
import re
from collections.abc import Callable
from datetime import date
from typing import Any
from urllib.parse import quote

from site_shapes import Case, Route, Served, Site, e, frame, norm, place, query_pages, rel_next
from site_shapes_dupes import BEYOND, wp_pager
from site_shapes_listings import PER
from site_shapes_more import PDF, chunks, kind, listing_pages, slug, teaser
from site_shapes_noise import NOISE, Noise, into_head, print_path, start_noise
from site_shapes_repo import PDF_TYPE, names, newest_first, word_slug

# -- facets: filters whose links add filters ------------------------------------------------

TOPICS = ("Security", "Governance", "Climate", "Economy")  # the site's own, by card order
FILTERS = ("topic", "type", "year")
ORDER = (*FILTERS, "sort", "page")  # the order a filter link writes its parameters in
SORTS = (("date", "Newest"), ("title", "Title A–Z"))


def shape_facets(site: Site, cases: list[Case]) -> None:
    """A listing ("/publications", numbered `?page=N`) beside a filter column (topic, type,
    year: the values with results, counted; an active one links its removal) and a "Sort
    by", each link keeping the page's other filters; every combination with results served."""
    place(site, cases, lambda k: "/publications")
    site.start = "/publications"
    held, labels, of = newest_first(site.served), {}, {}
    for k, s in enumerate(site.served):
        shown = {"topic": TOPICS[k % len(TOPICS)], "type": kind(site, s) or "",
                 "year": str(s.case.day.year) if s.case.day else ""}
        of[s.path] = {f: slug(label) for f, label in shown.items()}
        labels |= {(f, slug(label)): label for f, label in shown.items()}
    options = {f: sorted({v[f] for v in of.values() if v[f]}, reverse=f == "year")
               for f in FILTERS}

    def href(params: dict[str, str]) -> str:
        """Return a listing address: its parameters, non-empty, in the site's order."""
        query = "&".join(f"{p}={params[p]}" for p in ORDER if params.get(p))
        return e(site.start + ("?" + query if query else ""))

    def column(params: dict[str, str], found: list[Served]) -> str:
        """Return the filter column: each filter's values with results, and the active."""
        return '<div class="col-md-3 filters"><h2>Filter by</h2>' + "".join(
            f'<div class="facet facet--{f}"><h3 class="facet__title">{f.title()}</h3><ul>'
            + "".join(f'<li class="facet-item{" is-active" * (params[f] == v)}"><a href="'
                      f'{href({**params, f: "" if params[f] == v else v})}">'
                      f'{"✕ " * (params[f] == v)}{e(labels[f, v])} <span class="facet-item__'
                      f'count">({n})</span></a></li>' for v in options[f]
                      if (n := sum(of[s.path][f] == v for s in found)) or params[f] == v)
            + "</ul></div>" for f in FILTERS) + "</div>"

    # `Site.find` gives parameters in another order the first route holding them: fewest first.
    for combo in sorted(itertools.product(*([""] + options[f] for f in FILTERS), (
            "", "date", "title")), key=lambda c: sum(map(bool, c))):
        params = dict(zip((*FILTERS, "sort"), combo, strict=True))
        found = [s for s in held if all(of[s.path][f] == params[f] for f in FILTERS
                                        if params[f])]
        if params["sort"] == "title":
            found.sort(key=lambda s: s.case.title.lower())
        pages = chunks([teaser(site, s) for s in found], PER) if found else []
        sorter = '<div class="sort-by">Sort by: ' + " | ".join(
            f'<a href="{href({**params, "sort": key})}">{label}</a>' for key, label in SORTS)
        chosen = ", ".join(labels[f, params[f]] for f in FILTERS if params[f])
        title = "Publications" + (f": {chosen}" if chosen else "")
        for n, chunk in enumerate(pages, 1):
            def url(m: int, params: dict[str, str] = params) -> str:
                """Return the address of this filter's results page m."""
                return href({**params, "page": str(m) if m > 1 else ""})

            pager = wp_pager(n, len(pages), url) if len(pages) > 1 else ""
            site.add(html.unescape(url(n)), frame(title, (
                f'<div class="row">{column(params, found)}<div class="col-md-9"><h1>{e(title)}'
                f'</h1><p class="results-count">{len(found)} results</p>{sorter}</div><div '
                f'class="view-content">{"".join(chunk)}</div>{pager}</div></div>')))


# -- calendar: months without end -----------------------------------------------------------

NOW = 2026 * 12 + 10  # November 2026, the calendar's current month, counted from year 0


def month(k: int) -> date:
    """Return the first day of the k-th month from the calendar's current one."""
    return date((NOW + k) // 12, (NOW + k) % 12 + 1, 1)


def cal_path(k: int) -> str:
    """Return the k-th month's calendar address ("/events/calendar/2026-11")."""
    return f"/events/calendar/{month(k):%Y-%m}"


CAL_MENU = (("/", "Home"), ("/publications/", "Publications"), (cal_path(0), "Events"),
            ("/about", "About"), ("/contact", "Contact"))


def month_page(k: int) -> str:
    """Return a month of The Events Calendar: the month before and after (rel prev and
    next) and this month, no event, the grid of days."""
    day = month(k)
    rows = "".join("<tr>" + "".join(f'<td class="day">{n or ""}</td>' for n in week) + "</tr>"
                   for week in calendar.monthcalendar(day.year, day.month))
    nav = (f'<nav class="tribe-events-c-nav"><ul><li><a rel="prev" href="{cal_path(k - 1)}">‹ '
           f'{month(k - 1):%B %Y}</a></li><li><a href="{cal_path(0)}">This month</a></li><li><a '
           f'rel="next" href="{cal_path(k + 1)}">{month(k + 1):%B %Y} ›</a></li></ul></nav>')
    return frame(f"Events for {day:%B %Y}", (
        f'<h1>Events for {day:%B %Y}</h1>{nav}<p class="tribe-events-c-messages">There were no '
        f'events found for {day:%B %Y}.</p><table class="tribe-events-calendar-month"><tr>'
        + "".join(f"<th>{d}</th>" for d in calendar.day_abbr) + f"</tr>{rows}</table>{nav}"),
        menu=CAL_MENU)


def shape_calendar(site: Site, cases: list[Case]) -> None:
    """A home page ("/": the latest publications, "All publications", an events block) whose
    menu links "/publications/" (rel=next) and the events calendar ("/events/calendar/
    2026-11"), whose every month links the month before and after."""
    place(site, cases)
    site.start = "/"
    cards = [teaser(site, s) for s in site.served]
    listing_pages(site, "Publications", cards, query_pages("/publications/"), rel_next,
                  per=PER, menu=CAL_MENU)
    site.add("/", frame("Home", (
        f'<h1>Welcome</h1><section class="block"><h2>Latest publications</h2>{"".join(cards[:3])}'
        '<a class="more-link" href="/publications/">All publications</a></section><section '
        'class="block"><h2>Events</h2><p>Discussions, book launches and workshops.</p><a '
        f'class="more-link" href="{cal_path(0)}">Events calendar</a></section>'), menu=CAL_MENU))
    for k in range(-BEYOND, BEYOND + 1):
        site.add(cal_path(k), month_page(k))


# -- session-ids: a fresh session id in every link of every response ------------------------

SID = b"@SID@"


class Fresh(dict[str, Route]):
    """Routes whose pages write a session id fresh in each response, as a servlet container
    or PHP rewrites the links for a client that keeps no cookie."""

    count = itertools.count(1)

    def get(self, key: str, default: Any = None) -> Any:
        """Return a route, a fresh session id in place of its placeholder."""
        route = super().get(key, default)
        if route is None or SID not in route[2]:
            return route
        sid = hashlib.md5(str(next(self.count)).encode()).hexdigest().upper()
        return route[0], route[1], route[2].replace(SID, sid.encode())


def sessioned(page: str) -> str:
    """Return a page whose every site link carries the session id placeholder, in turn as a
    `;jsessionid=` path parameter and a `sid` query parameter."""
    turn = itertools.count()
    return re.sub(r'href="(/[^"?]*)\??([^"]*)"', lambda m: (
        f'href="{m[1]};jsessionid=@SID@' + (f"?{m[2]}" if m[2] else "") if next(turn) % 2
        else f'href="{m[1]}?' + (f"{m[2]}&amp;" if m[2] else "") + "sid=@SID@") + '"', page)


def shape_session_ids(site: Site, cases: list[Case]) -> None:
    """A listing ("/publications", WordPress-like numbered `?page=N`, a "Featured" block of
    its two first items on every page) whose every link carries a session id that changes
    in each response; the server ignores `;jsessionid=` and `sid`."""
    place(site, cases)
    site.start = "/publications"
    url = query_pages(site.start)
    pages = chunks([teaser(site, s) for s in site.served], PER)
    featured = "".join(teaser(site, s) for s in site.served[:2])
    for n, chunk in enumerate(pages, 1):
        site.add(url(n), sessioned(frame("Publications", (
            f'<h1>Publications</h1><section class="featured"><h2>Featured</h2>{featured}'
            f'</section><div class="listing">{"".join(chunk)}</div>'
            f"{wp_pager(n, len(pages), url)}"))))
    # The server drops the `sid` parameter (`;jsessionid=` it ignores as nginx does).
    site.routes, find = Fresh(site.routes), site.find
    site.find = lambda target: find(  # type: ignore[method-assign]
        re.sub(r"([?&])sid=[^&]*&?", r"\1", target).rstrip("?&"))


# -- link-forms: the spellings of an href ---------------------------------------------------

HOST, LIST, BASE = "www.example.test", "/publications/list/all/", "/publications/list/"


def written(site: Site, k: int, link: str, folder: str) -> str:
    """Return how the listing writes the k-th item's link, resolved against `folder`: in
    turn relative (`../`), protocol-relative, relative with a fragment, with a mixed-case
    host, relative with `&amp;`-escaped parameters, an absolute path broken by whitespace."""
    path, mark, query = link.partition("?")
    rel = posixpath.relpath(path, folder) + "/" * path.endswith("/") + mark + query
    host, cut = site.base.partition("//")[2], path.rstrip("/").rfind("/") + 1
    return (rel, f"//{host}{link}", f"{rel}#main-content",
            f"http://WWW.Example.Test{host[len(HOST):]}{link}", rel,
            f"\n\t\t\t{link[:cut]}\n\t\t\t{link[cut:]} \n\t\t")[k % 6]


def shape_link_forms(site: Site, cases: list[Case]) -> None:
    """A listing in a nested folder ("/publications/list/all/", then "page-N.html") on
    www.example.test whose card links take six forms (see `written`); pages after the first
    have `<base href="/publications/list/">` and links relative to it, the pager's too."""
    site.base, site.names = f"http://{HOST}:{site.base.rpartition(':')[2]}", {HOST: ""}
    place(site, cases, lambda k: "/publications")
    site.start = LIST
    for k, s in list(enumerate(site.served))[4::6]:  # with parameters the server ignores
        link = norm(s.path + ("&" if "?" in s.path else "?") + "lang=en&view=full")
        site.add(link, s.case.body)
        site.served[k] = Served(s.case, s.path, link)
    last = max(1, -(-len(site.served) // PER))
    for n in range(1, last + 1):
        folder = LIST if n == 1 else BASE

        def page(m: int, folder: str = folder) -> str:
            """Return page m's link, relative to the folder links resolve against."""
            return posixpath.relpath(LIST, folder) + "/" + (f"page-{m}.html" if m > 1 else "")

        cards = "".join(teaser(site, Served(s.case, s.path, written(site, k, s.link, folder)))
                        for k, s in enumerate(site.served) if k // PER + 1 == n)
        pager = "".join(f"<li>{m}</li>" if m == n else f'<li><a href="{page(m)}">{m}</a></li>'
                        for m in range(1, last + 1))
        pager += f'<li><a rel="next" href="{page(n + 1)}">Next</a></li>' if n < last else ""
        site.add(LIST if n == 1 else f"{LIST}page-{n}.html", frame("Publications", (
            f'<h1>All publications</h1><div class="listing">{cards}</div><nav class="pager">'
            f"<ul>{pager}</ul></nav>"), f'<base href="{BASE}">' if n > 1 else ""))


# -- item-actions: the links of a card beside its title -------------------------------------

SHARES = (("https://twitter.com/intent/tweet?url={u}&text={t}", "Share on X"),
          ("https://www.linkedin.com/sharing/share-offsite/?url={u}", "Share on LinkedIn"),
          ("https://www.facebook.com/sharer/sharer.php?u={u}", "Share on Facebook"))
BIBTEX = {"Content-Type": "application/x-bibtex; charset=utf-8"}
RIS = {"Content-Type": "application/x-research-info-systems; charset=utf-8"}
PRINT = ('<meta name="robots" content="noindex"><link rel="stylesheet" media="all" href="/themes/'
         'custom/print.css">')
LOGIN = frame("Log in", '<h1>Log in</h1><p>Log in to add publications to your reading list.</p>'
              '<form action="/user/login" method="post"><label>Username <input name="name">'
              '</label><label>Password <input type="password" name="pass"></label><button>Log in'
              "</button></form>")


def noise(site: Site, key: str, body: str | bytes | None, label: str,
          headers: dict[str, str] | None = None) -> str:
    """Serve a page that is no publication (none for a 404) and note it; return its key."""
    key = norm(key)
    if body is not None:
        site.add(key, body, headers)
    NOISE.setdefault(id(site), []).append(Noise(key, label))
    return key


def action_card(site: Site, s: Served, k: int) -> str:
    """Return a card with its type, title link and day, then its actions (PDF, BibTeX, RIS,
    print view, email, reading list) and share links; serve what they link."""
    name, url = word_slug(s.case.title, 6), site.url(s.path)
    year, people = s.case.day.year if s.case.day else 2024, names(s) or ["Example Institute"]
    bibtex = f"@techreport{{{name.split('-')[0]}{year},\n" + "".join(
        f"  {tag} = {{{value}}},\n" for tag, value in (("title", s.case.title), (
            "author", " and ".join(people)), ("year", year), ("url", url))) + "}\n"
    ris = "".join(f"{tag}  - {value}\r\n" for tag, value in (
        ("TY", "RPRT"), ("TI", s.case.title), *(("AU", p) for p in people), ("PY", year),
        ("UR", url), ("ER", "")))
    actions = (
        ("pdf", noise(site, f"/sites/default/files/{year}/{name}.pdf", None if k % 2 else PDF,
                      "pdf (404)" if k % 2 else "pdf", PDF_TYPE), "Download PDF"),
        ("cite", noise(site, s.path + ("&" if "?" in s.path else "?") + "format=bibtex", bibtex,
                       "citation", BIBTEX), "Cite (BibTeX)"),
        ("ris", noise(site, f"/export/ris/{name}.ris", ris, "citation", RIS), "RIS"),
        ("print", noise(site, f"/print/{name}" if k % 2 else print_path(s),
                        into_head(s.case.body, PRINT), "print view"), "Print"),
        ("email", f"mailto:?subject={quote(s.case.title)}&body={quote(url, safe='')}", "Email"),
        ("list", noise(site, f"/user/login?destination={quote(s.path, safe='/')}", LOGIN,
                       "login"), "Add to reading list"))
    shares = "".join(f'<a class="share share--{label.split()[-1].lower()}" href="'
                     f'{e(pattern.format(u=quote(url, safe=""), t=quote(s.case.title)))}" '
                     f'target="_blank" rel="noopener">{label}</a>' for pattern, label in SHARES)
    return teaser(site, s).replace("</article>", '<ul class="card__actions">' + "".join(
        f'<li><a class="action action--{css}" href="{e(href)}">{label}</a></li>'
        for css, href, label in actions) + f'</ul><div class="card__share">{shares}</div>'
        "</article>")


def shape_item_actions(site: Site, cases: list[Case]) -> None:
    """A listing of cards ("/publications/", rel=next) whose every card links its actions
    (see `action_card`) beside its title; only the item pages are publications."""
    start_noise(site)
    place(site, cases, lambda k: "/publications")
    site.start = "/publications/"
    listing_pages(site, "Publications", [action_card(site, s, k) for k, s in
                                         enumerate(site.served)], query_pages(site.start),
                  rel_next, per=PER)


LINK_SHAPES: dict[str, Callable[[Site, list[Case]], None]] = {
    "facets": shape_facets, "calendar": shape_calendar, "session-ids": shape_session_ids,
    "link-forms": shape_link_forms, "item-actions": shape_item_actions,
}
