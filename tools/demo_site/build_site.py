"""Render the sample institute site into harvester/demo/site (static files)."""
from __future__ import annotations

import hashlib
import html
import io
import json
import shutil
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from content_own import OWN  # noqa: E402
from content_seed import SEED  # noqa: E402
from people import PEOPLE  # noqa: E402

from harvester.vocab import slugify  # noqa: E402

DEFAULT_OUT = Path(__file__).resolve().parents[2] / "harvester" / "demo" / "site"
OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUT
SITE = "Institute for Peace Studies (sample)"
SHORT = "Institute for Peace Studies"
BASE = "{{BASE_URL}}"
PER_PAGE = 10
REPORTISH = {"Special Report", "Report", "Peaceworks", "Policy Brief"}
e = html.escape

PUBS = sorted(SEED + OWN, key=lambda p: p["date"], reverse=True)
BY_SLUG = {p["slug"]: p for p in PUBS}
for i, p in enumerate(PUBS):
    p.setdefault("updated", None)
    p.setdefault("institutional", False)
    p.setdefault("event", None)
    p.setdefault("bullets", [])
    p.setdefault("bullets_heading", "Summary")
    p.setdefault("about_report", None)
    p["path"] = f"/publications/{p['date'][:4]}/{p['date'][5:7]}/{p['slug']}"
    p["idx"] = i


def long_date(iso: str) -> str:
    d = date.fromisoformat(iso)
    return f"{d:%A}, {d:%B} {d.day}, {d.year}"


def stamp(p: dict, iso: str) -> str:
    """A realistic publishing time with the Eastern offset of that season."""
    d = date.fromisoformat(iso)
    dst = 4 <= d.month <= 10 or (d.month == 3 and d.day >= 10)
    h = 8 + int(hashlib.sha256((p["slug"] + iso).encode()).hexdigest(), 16) % 9
    return f"{iso}T{h:02d}:{(h * 7) % 60:02d}:00{'-04:00' if dst else '-05:00'}"


def image_path(p: dict) -> str | None:
    return f"/images/{p['slug']}.jpg" if p.get("image") else None


def pdf_path(p: dict) -> str | None:
    return f"/files/{p['slug']}.pdf" if p["type"] in REPORTISH else None


def topic_link(t: str, rel: bool = False) -> str:
    r = ' rel="tag"' if rel else ""
    return f'<li><a href="/issue-areas/{slugify(t)}"{r}>{e(t)}</a></li>'


def byline(p: dict, rel: bool = False) -> str:
    if not p["authors"]:
        return ""
    r = ' rel="author"' if rel else ""
    links = [f'<a href="/people/{s}"{r}>{e(PEOPLE[s][0])}</a>' for s in p["authors"]]
    return "By: " + ";  ".join(links)


def card(p: dict, level: int = 3) -> str:
    img = image_path(p)
    pic = (f'<a class="card__image" href="{p["path"]}" tabindex="-1" aria-hidden="true">'
           f'<img src="{img}" alt="" width="240" height="135" loading="lazy"></a>\n' if img else "")
    by = f'    <p class="card__byline">{byline(p)}</p>\n' if p["authors"] else ""
    shown = p.get("card_topics", p["topics"])
    tags = ("    <ul class=\"card__topics\">" + "".join(topic_link(t) for t in shown)
            + "</ul>\n") if shown else ""
    return (
        f'<div class="card card--publication card--{slugify(p["type"])}">\n{pic}'
        f'  <div class="card__body">\n'
        f'    <span class="visually-hidden">{e(p["title"])}</span>\n'
        f'    <h{level} class="card__title"><a href="{p["path"]}">{e(p["title"])}</a></h{level}>\n'
        f'    <p class="card__date">{long_date(p["date"])}</p>\n{by}'
        f'    <div class="card__summary"><p>{e(p["summary"])}</p></div>\n'
        f'    <p class="card__type">Type: {e(p["type"])}</p>\n{tags}'
        f'  </div>\n</div>\n')


NAV = """<header class="site-header" role="banner">
  <div class="site-header__inner">
    <a class="site-logo" href="/" rel="home"><img src="/images/logo.jpg" alt="" width="32" height="32"> <span class="site-logo__name">Institute for Peace Studies</span> <span class="site-logo__tag">(sample)</span></a>
    <nav class="main-nav" aria-label="Main navigation">
      <ul class="menu">
        <li class="menu__item"><a href="/about">About</a></li>
        <li class="menu__item"><a href="/publications">Publications</a></li>
        <li class="menu__item"><a href="/issue-areas">Topics</a></li>
        <li class="menu__item"><a href="/people">Experts</a></li>
        <li class="menu__item"><a href="/events">Events</a></li>
        <li class="menu__item menu__item--donate"><a href="/donate">Donate</a></li>
      </ul>
    </nav>
    <form class="site-search" action="/search" method="get" role="search">
      <label class="visually-hidden" for="edit-keys">Search</label>
      <input type="search" id="edit-keys" name="keys" placeholder="Search" size="20">
      <button type="submit">Search</button>
    </form>
  </div>
</header>
"""

FOOTER = """<footer class="site-footer" role="contentinfo">
  <div class="site-footer__inner">
    <div class="site-footer__about">
      <p class="site-footer__name">Institute for Peace Studies (sample)</p>
      <p>A fictional policy institute bundled with pubharvest to demonstrate harvesting. Its staff, fellows and most of its publications are invented; see About.</p>
      <address>100 Example Avenue NW, Washington, DC 20000</address>
    </div>
    <nav class="site-footer__links" aria-label="Footer">
      <ul>
        <li><a href="/about">About the Institute</a></li>
        <li><a href="/publications">Publications</a></li>
        <li><a href="/issue-areas">Issue Areas</a></li>
        <li><a href="/events">Events</a></li>
        <li><a href="/donate">Support Our Work</a></li>
      </ul>
    </nav>
    <ul class="social">
      <li><a href="https://twitter.com/example_ips" rel="noopener">Twitter</a></li>
      <li><a href="https://www.facebook.com/example.ips" rel="noopener">Facebook</a></li>
      <li><a href="https://www.linkedin.com/company/example-ips" rel="noopener">LinkedIn</a></li>
      <li><a href="https://www.youtube.com/@example-ips" rel="noopener">YouTube</a></li>
    </ul>
    <p class="site-footer__copyright">© 2024 Institute for Peace Studies (sample). All rights reserved.</p>
  </div>
</footer>
"""


def breadcrumb(items: list[tuple[str, str | None]]) -> str:
    lis = []
    for label, href in items:
        lis.append(f'<li><a href="{href}">{e(label)}</a></li>' if href
                   else f'<li aria-current="page">{e(label)}</li>')
    return ('<nav class="breadcrumb" aria-label="Breadcrumb"><ol>' + "".join(lis)
            + "</ol></nav>\n")


def page(title: str, head: str, body_class: str, main: str, canonical: str | None) -> str:
    canon = f'<link rel="canonical" href="{BASE}{canonical}">\n' if canonical else ""
    return (
        '<!DOCTYPE html>\n<html lang="en" dir="ltr">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1.0">\n'
        f"<title>{e(title)}</title>\n{canon}{head}"
        '<link rel="stylesheet" href="/css/site.css">\n'
        '<link rel="icon" href="/images/favicon.jpg" type="image/jpeg">\n</head>\n'
        f'<body class="{body_class}">\n'
        '<a href="#main-content" class="visually-hidden focusable skip-link">Skip to main content</a>\n'
        f"{NAV}<main id=\"main-content\" class=\"site-main\" role=\"main\">\n{main}</main>\n"
        f"{FOOTER}</body>\n</html>\n")


def meta(name: str, content: str, attr: str = "name") -> str:
    return f'<meta {attr}="{name}" content="{e(content)}">\n'


def body_html(text: str) -> str:
    out = []
    for block in [b.strip() for b in text.strip().split("\n\n") if b.strip()]:
        if block.startswith("## "):
            out.append(f"<h2>{e(block[3:])}</h2>")
        elif block.startswith("• "):
            items = [ln[2:] for ln in block.split("\n")]
            out.append("<ul>" + "".join(f"<li>{e(i)}</li>" for i in items) + "</ul>")
        else:
            out.append(f"<p>{e(block)}</p>")
    # consecutive single-item lists (written one per paragraph) read as one list
    return "\n".join(out).replace("</ul>\n<ul>", "") + "\n"


def person_ld(s: str) -> dict:
    return {"@type": "Person", "name": PEOPLE[s][1], "url": f"{BASE}/people/{s}"}


def org_ld() -> dict:
    return {"@type": "Organization", "name": SITE, "url": f"{BASE}/",
            "logo": {"@type": "ImageObject", "url": f"{BASE}/images/logo.jpg"}}


def article_ld(p: dict) -> dict:
    if p["event"]:
        ev = p["event"]
        return {"@context": "https://schema.org", "@type": "Event", "name": p["title"],
                "startDate": ev["start"], "endDate": ev["end"],
                "eventAttendanceMode": "https://schema.org/MixedEventAttendanceMode",
                "location": {"@type": "Place", "name": ev["place"]},
                "organizer": org_ld(), "description": p["summary"], "url": f"{BASE}{p['path']}",
                "performer": [person_ld(s) for s in ev["speakers"]]}
    kind = {"Special Report": "Report", "Report": "Report", "Peaceworks": "Report",
            "Policy Brief": "Report", "Commentary": "OpinionNewsArticle"}.get(p["type"], "Article")
    data = {"@type": kind, "headline": p["title"], "description": p["summary"],
            "datePublished": stamp(p, p["date"]),
            "author": [person_ld(s) for s in p["authors"]] or [org_ld()],
            "publisher": org_ld(), "mainEntityOfPage": f"{BASE}{p['path']}",
            "articleSection": p["type"], "keywords": p["topics"],
            "inLanguage": "en-US"}
    if p["updated"]:
        data["dateModified"] = stamp(p, p["updated"])
    if image_path(p):
        data["image"] = {"@type": "ImageObject", "url": f"{BASE}{image_path(p)}",
                         "caption": p["caption"]}
    if p["meta"] == "full":
        crumbs = {"@type": "BreadcrumbList", "itemListElement": [
            {"@type": "ListItem", "position": 1, "name": "Home", "item": f"{BASE}/"},
            {"@type": "ListItem", "position": 2, "name": "Publications",
             "item": f"{BASE}/publications"}]}
        page_ld = {"@type": "WebPage", "@id": f"{BASE}{p['path']}", "name": p["title"],
                   "isPartOf": {"@type": "WebSite", "name": SITE, "url": f"{BASE}/"}}
        return {"@context": "https://schema.org", "@graph": [page_ld, data, crumbs]}
    return {"@context": "https://schema.org", **data}


def pub_head(p: dict) -> str:
    prof = p["meta"]
    if prof == "none":
        return ""
    h = meta("description", p["summary"])
    if prof in ("full", "og", "og+ld"):
        img = image_path(p) or "/images/ips-share.jpg"
        og_title = p["title"] if p["idx"] % 3 else f"{p['title']} | {SHORT}"
        h += (meta("og:site_name", SITE, "property") + meta("og:type", "article", "property")
              + meta("og:url", f"{BASE}{p['path']}", "property")
              + meta("og:title", og_title, "property")
              + meta("og:description", p["summary"], "property")
              + meta("og:image", f"{BASE}{img}", "property")
              + meta("twitter:card", "summary_large_image"))
        if not p["event"]:
            h += meta("article:published_time", stamp(p, p["date"]), "property")
            if p["updated"]:
                h += meta("article:modified_time", stamp(p, p["updated"]), "property")
            h += meta("article:section", p["type"], "property")
            h += "".join(meta("article:tag", t, "property") for t in p["topics"])
        if p["authors"] and p["idx"] % 2 == 0:
            h += meta("author", ", ".join(PEOPLE[s][1] for s in p["authors"]))
    if prof == "full" and p["type"] in REPORTISH:
        d = p["date"].replace("-", "/")
        names = [PEOPLE[s][1] for s in p["authors"]]
        if p["slug"] in ("understanding-pakistans-deradicalization-programming",
                         "2021-india-pakistan-ceasefire-origins-prospects-and-lessons-learned"):
            names = [f"{n.split()[-1]}, {' '.join(n.split()[:-1])}" for n in names]
        h += (meta("citation_title", p["title"]) + "".join(meta("citation_author", n) for n in names)
              + meta("citation_publication_date", d) + meta("citation_publisher", SITE)
              + meta("citation_pdf_url", f"{BASE}{pdf_path(p)}"))
    if prof == "full":
        h += meta("keywords", ", ".join(p["topics"]))
    if prof in ("full", "og+ld", "ld"):
        ld = json.dumps(article_ld(p), ensure_ascii=False)
        h += f'<script type="application/ld+json">\n{ld}\n</script>\n'
    return h


def related_for(p: dict) -> list[dict]:
    if p.get("related"):
        return [BY_SLUG[s] for s in p["related"]]
    mine, d0 = set(p["topics"]), date.fromisoformat(p["date"])

    def score(q: dict) -> tuple:
        return (-len(mine & set(q["topics"])), abs((date.fromisoformat(q["date"]) - d0).days))
    others = sorted((q for q in PUBS if q is not p), key=score)
    return others[: 3 + p["idx"] % 2]


def header_dates(p: dict, timed: bool) -> str:
    pub = long_date(p["date"])
    out = (f'<p class="publication__date"><time datetime="{p["date"]}">{pub}</time></p>\n'
           if timed else f'<p class="publication__date">{pub}</p>\n')
    if p["updated"]:
        up = long_date(p["updated"])
        out += (f'<p class="publication__updated">Updated: '
                f'<time datetime="{p["updated"]}">{up}</time></p>\n')
    return out


def event_block(p: dict) -> str:
    ev = p["event"]
    speakers = "".join(
        f'<li><a href="/people/{s}">{e(PEOPLE[s][0])}</a><br><span class="role">{e(PEOPLE[s][2])}, {SHORT}</span></li>'
        for s in ev["speakers"])
    return (f'<div class="event__details"><p class="event__time">{e(ev["time"])} ET</p>'
            f'<p class="event__place">{e(ev["place"])}</p></div>\n'
            f'<section class="event__speakers"><h2>Speakers</h2><ul>{speakers}</ul></section>\n')


def pub_page(p: dict) -> str:
    timed = p["meta"] in ("full", "og+ld")
    rel = p["idx"] % 2 == 1
    parts = [breadcrumb([("Home", "/"), ("Publications", "/publications"), (p["title"], None)])]
    parts.append(f'<article class="publication publication--{slugify(p["type"])}">\n'
                 '<header class="publication__header">\n')
    parts.append(header_dates(p, timed))
    parts.append(f'<h1 class="publication__title">{e(p["title"])}</h1>\n')
    if p["authors"]:
        parts.append(f'<p class="publication__byline">{byline(p, rel)}</p>\n')
    tags = "".join(topic_link(t, rel) for t in p["topics"])
    parts.append(f'<div class="publication__meta"><p class="publication__type">'
                 f'<span class="label">Type:</span> {e(p["type"])}</p>\n'
                 + (f'<ul class="publication__topics">{tags}</ul>' if tags else "")
                 + "</div>\n</header>\n")
    parts.append(f'<div class="publication__summary"><p>{e(p["summary"])}</p></div>\n')
    if image_path(p):
        parts.append(f'<figure class="publication__image"><img src="{image_path(p)}" '
                     f'alt="{e(p["caption"])}" width="960" height="540">'
                     f'<figcaption>{e(p["caption"])}</figcaption></figure>\n')
    if p["event"]:
        parts.append(event_block(p))
    parts.append('<div class="publication__body">\n')
    if p["bullets"]:
        hd = f'<h2>{e(p["bullets_heading"])}</h2>\n' if p["bullets_heading"] else ""
        parts.append(hd + "<ul>" + "".join(f"<li>{e(b)}</li>" for b in p["bullets"]) + "</ul>\n")
    if p["body"]:
        parts.append(body_html(p["body"]))
    if pdf_path(p):
        parts.append(f'<p class="download"><a href="{pdf_path(p)}" type="application/pdf">'
                     f'Download the PDF</a></p>\n')
    if p["about_report"]:
        label = {"Policy Brief": "About the Brief", "Peaceworks": "About the Study"}.get(
            p["type"], "About the Report")
        parts.append(f'<h2>{label}</h2>\n<p>{e(p["about_report"])}</p>\n')
        if p["authors"]:
            h = "About the Author" if len(p["authors"]) == 1 else "About the Authors"
            bios = "".join(f"<p>{e(PEOPLE[s][3])}</p>" for s in p["authors"])
            parts.append(f"<h2>{h}</h2>\n{bios}\n")
    parts.append("</div>\n")
    share = f"{BASE}{p['path']}"
    parts.append(f'<div class="share"><span>Share:</span> '
                 f'<a href="https://twitter.com/intent/tweet?url={share}">Twitter</a> '
                 f'<a href="https://www.facebook.com/sharer/sharer.php?u={share}">Facebook</a> '
                 f'<a href="mailto:?subject={e(p["title"])}&amp;body={share}">Email</a></div>\n')
    parts.append("</article>\n")
    cards = "".join(card(q) for q in related_for(p))
    parts.append('<section class="related-publications">\n<h2>Related Publications</h2>\n'
                 f'<div class="cards">\n{cards}</div>\n'
                 '<p class="view-all"><a href="/publications">View All Publications</a></p>\n'
                 "</section>\n")
    cls = f"path-publications page-node-type-publication publication-type-{slugify(p['type'])}"
    canonical = None if p["meta"] == "none" else p["path"]
    return page(f"{p['title']} | {SITE}", pub_head(p), cls, "".join(parts), canonical)


def pager(base: str, n: int, total: int) -> str:
    if total <= 1:
        return ""
    items = []
    if n > 1:
        items.append(f'<li class="pager__item pager__item--previous"><a href="{base}?page={n - 1}" '
                     f'rel="prev" title="Go to previous page">‹ Previous</a></li>')
    for k in range(1, total + 1):
        items.append(f'<li class="pager__item is-active">{k}</li>' if k == n else
                     f'<li class="pager__item"><a href="{base}?page={k}" title="Go to page {k}">{k}</a></li>')
    if n < total:
        items.append(f'<li class="pager__item pager__item--next"><a href="{base}?page={n + 1}" '
                     f'rel="next" title="Go to next page">Next ›</a></li>')
    return ('<nav class="pager" role="navigation" aria-label="Pagination"><ul class="pager__items">'
            + "".join(items) + "</ul></nav>\n")


def listing_files(base: str, pubs: list[dict], title: str, intro: str, crumbs, cls: str,
                  extra_head: str = "") -> dict[str, str]:
    """Render a paginated list of cards: {relative file: html}."""
    total = max(1, -(-len(pubs) // PER_PAGE))
    files = {}
    for n in range(1, total + 1):
        chunk = pubs[(n - 1) * PER_PAGE: n * PER_PAGE]
        head = extra_head + meta("description", intro)
        head += meta("og:type", "website", "property") + meta("og:title", title, "property")
        if n > 1:
            head += f'<link rel="prev" href="{base}?page={n - 1}">\n'
        if n < total:
            head += f'<link rel="next" href="{base}?page={n + 1}">\n'
        heading = title + (f" (page {n} of {total})" if n > 1 else "")
        main = (breadcrumb(crumbs) + f'<div class="listing">\n<h1 class="page-title">{e(heading)}</h1>\n'
                f'<p class="listing__intro">{e(intro)}</p>\n'
                f'<p class="listing__count">{len(pubs)} results</p>\n'
                '<div class="cards view-content">\n' + "".join(card(q, 2) for q in chunk)
                + "</div>\n" + pager(base, n, total) + "</div>\n")
        canonical = base if n == 1 else f"{base}?page={n}"
        doc = page(f"{heading} | {SITE}", head, cls, main, canonical)
        files[base.lstrip("/") + ".html" if n == 1 else base.lstrip("/") + f"/_page-{n}.html"] = doc
    return files


TOPIC_TEXT = {
    "Peace Processes": "How peace agreements are negotiated, designed and carried out.",
    "Violent Extremism": "Preventing recruitment into violent groups and helping people leave them.",
    "Global Elections & Conflict": "Preventing violence before, during and after elections.",
    "Democracy & Governance": "Accountable institutions, local government and civic participation.",
    "Gender": "Women’s participation in peace and security and the gendered effects of conflict.",
    "Youth": "Young people as partners in building peace.",
    "Mediation, Negotiation & Dialogue": "The practice of mediation and dialogue at every level.",
    "Religion": "Religious actors and institutions in conflict and peacebuilding.",
    "Human Rights": "Protecting rights during conflict and transitions.",
    "Reconciliation": "Truth, justice and the repair of relationships after violence.",
    "Climate & Security": "How climate change shapes conflict, and how to manage the risks.",
    "Conflict Analysis & Prevention": "Understanding conflict early enough to prevent it.",
    "Economics & Environment": "Livelihoods, natural resources and the economics of peace.",
    "Fragility & Resilience": "Strengthening communities and states under stress.",
    "Global Policy": "How major powers and international institutions affect conflict.",
    "Global Health": "Health emergencies in fragile and conflict-affected settings.",
    "Technology": "Technology, online spaces and conflict.",
    "Justice, Security & Rule of Law": "Justice and security institutions that serve people.",
    "Education & Training": "Education and training for peacebuilders.",
}


def topics_used() -> list[str]:
    return sorted({t for p in PUBS for t in p["topics"]})


def simple(path: str, title: str, main: str, cls: str, head: str = "") -> tuple[str, str]:
    crumbs = breadcrumb([("Home", "/"), (title, None)])
    doc = page(f"{title} | {SITE}", head + meta("og:type", "website", "property"), cls,
               crumbs + main, path)
    return path.lstrip("/") + ".html", doc


def people_pages() -> dict[str, str]:
    files = {}
    rows = []
    for s, (shown, plain, role, bio) in sorted(PEOPLE.items(), key=lambda kv: kv[1][1].split()[-1]):
        rows.append(f'<li class="person"><a href="/people/{s}">{e(shown)}</a>'
                    f'<span class="person__role">{e(role)}</span></li>')
        mine = [p for p in PUBS if s in p["authors"] or (p["event"] and s in p["event"]["speakers"])]
        ld = json.dumps({"@context": "https://schema.org", "@type": "Person", "name": plain,
                         "jobTitle": role, "url": f"{BASE}/people/{s}"}, ensure_ascii=False)
        head = (meta("description", bio) + meta("og:type", "profile", "property")
                + meta("og:title", plain, "property")
                + f'<script type="application/ld+json">{ld}</script>\n')
        main = (breadcrumb([("Home", "/"), ("Experts", "/people"), (plain, None)])
                + f'<div class="person-profile">\n<h1 class="page-title">{e(shown)}</h1>\n'
                f'<p class="person-profile__role">{e(role)}</p>\n'
                f'<div class="person-profile__bio"><p>{e(bio)}</p></div>\n</div>\n'
                f'<section class="person-profile__publications"><h2>Publications and Events</h2>\n'
                f'<div class="cards">\n' + "".join(card(p) for p in mine) + "</div>\n</section>\n")
        files[f"people/{s}.html"] = page(f"{plain} | {SITE}", head, "path-people", main,
                                         f"/people/{s}")
    main = ('<h1 class="page-title">Experts</h1>\n<p>Staff, fellows and contributing authors.</p>\n'
            '<ul class="people-list">' + "".join(rows) + "</ul>\n")
    files.update([simple("/people", "Experts", main, "path-people")])
    return files


def other_pages() -> dict[str, str]:
    files = {}
    topics = topics_used()
    for t in topics:
        pubs = [p for p in PUBS if t in p["topics"]]
        files.update(listing_files(
            f"/issue-areas/{slugify(t)}", pubs, t, TOPIC_TEXT[t],
            [("Home", "/"), ("Issue Areas", "/issue-areas"), (t, None)], "path-issue-areas"))
    items = "".join(
        f'<li><a href="/issue-areas/{slugify(t)}">{e(t)}</a> <span class="count">'
        f'({sum(t in p["topics"] for p in PUBS)})</span><p>{e(TOPIC_TEXT[t])}</p></li>'
        for t in topics)
    files.update([simple("/issue-areas", "Issue Areas",
                         f'<h1 class="page-title">Issue Areas</h1>\n<ul class="topic-list">{items}</ul>\n',
                         "path-issue-areas")])
    files.update(listing_files(
        "/publications", PUBS, "Publications",
        "Reports, analysis, commentary, podcasts and events from the Institute’s experts.",
        [("Home", "/"), ("Publications", None)], "path-publications"))
    events = [p for p in PUBS if p["type"] == "Event"]
    up = [p for p in events if p["date"] >= "2024-06-01"]
    past = [p for p in events if p["date"] < "2024-06-01"]
    main = ('<h1 class="page-title">Events</h1>\n<section class="events-upcoming"><h2>Upcoming Events</h2>\n'
            '<div class="cards">' + "".join(card(p) for p in up) + '</div></section>\n'
            '<section class="events-past"><h2>Past Events</h2>\n<div class="cards">'
            + "".join(card(p) for p in past) + "</div></section>\n")
    files.update([simple("/events", "Events", main, "path-events",
                         meta("description", "Upcoming and past events at the Institute."))])
    org = json.dumps({"@context": "https://schema.org", **org_ld()}, ensure_ascii=False)
    about = ('<h1 class="page-title">About the Institute</h1>\n'
             f"<p>The {SITE} is a fictional policy institute. It exists so that pubharvest can "
             "show, on a machine without a network, how it harvests a real-looking publication "
             "site: listing pages with pagination, publication pages with related-publication "
             "cards, author and topic pages, robots.txt and a sitemap.</p>\n"
             "<p>Five publications are modeled on a real institute’s pages and keep their real "
             "titles, dates, authors and summaries; every other publication, person and text on "
             "this site was written for the demonstration.</p>\n"
             '<h2 id="contact">Contact</h2>\n<p>100 Example Avenue NW, Washington, DC 20000<br>'
             '<a href="mailto:info@example.org">info@example.org</a></p>\n')
    files.update([simple("/about", "About", about, "path-about",
                         meta("description", f"About the {SITE}.")
                         + f'<script type="application/ld+json">{org}</script>\n')])
    donate = ('<h1 class="page-title">Support Our Work</h1>\n<p>This is a sample site: no donations '
              'are collected.</p>\n<form class="donate-form" action="/donate" method="post">'
              '<label for="amount">Amount</label> <input id="amount" name="amount" type="number">'
              ' <button type="submit">Donate</button></form>\n')
    files.update([simple("/donate", "Donate", donate, "path-donate")])
    search = ('<h1 class="page-title">Search</h1>\n<form action="/search" method="get">'
              '<input type="search" name="keys"> <button type="submit">Search</button></form>\n'
              "<p>Enter a keyword to search the Institute’s publications.</p>\n")
    files.update([simple("/search", "Search", search, "path-search",
                         meta("robots", "noindex"))])
    return files


def home_page() -> str:
    latest = "".join(card(p) for p in PUBS[:4])
    upcoming = "".join(card(p) for p in PUBS if p["type"] == "Event" and p["date"] >= "2024-06-01")
    topics = "".join(topic_link(t) for t in ["Peace Processes", "Violent Extremism",
                                             "Global Elections & Conflict", "Gender", "Youth"])
    ld = json.dumps({"@context": "https://schema.org", "@type": "WebSite", "name": SITE,
                     "url": f"{BASE}/"}, ensure_ascii=False)
    head = (meta("description", "Research, analysis and events on preventing and resolving "
                 "violent conflict (a sample site).")
            + meta("og:type", "website", "property") + meta("og:title", SITE, "property")
            + meta("og:url", f"{BASE}/", "property")
            + f'<script type="application/ld+json">{ld}</script>\n')
    main = ('<section class="hero"><h1>Practical research for a more peaceful world</h1>\n'
            "<p>The Institute for Peace Studies (sample) publishes research and analysis on "
            "preventing and resolving violent conflict.</p></section>\n"
            '<section class="latest"><h2>Latest Publications</h2>\n<div class="cards">\n'
            + latest + '</div>\n<p class="view-all"><a href="/publications">View All '
            'Publications</a></p></section>\n'
            '<section class="upcoming"><h2>Upcoming Events</h2>\n<div class="cards">\n'
            + upcoming + '</div></section>\n'
            f'<section class="featured-topics"><h2>Featured Issue Areas</h2><ul>{topics}</ul>'
            '<p class="popular-searches">Popular searches: <a href="/search?keys=ceasefire">'
            'ceasefire</a>, <a href="/search?keys=elections">elections</a></p></section>\n')
    return page(SITE, head, "path-frontpage", main, "/")


def not_found() -> str:
    main = ('<h1 class="page-title">Page not found</h1>\n<p>The requested page could not be '
            'found. Try the <a href="/publications">publications list</a> or the '
            '<a href="/">home page</a>.</p>\n')
    return page(f"Page not found | {SITE}", meta("robots", "noindex"), "path-404", main, None)


def sitemap() -> str:
    urls = [("/", "2024-06-01"), ("/publications", PUBS[0]["date"]), ("/about", None),
            ("/events", None), ("/issue-areas", None)]
    urls += [(f"/issue-areas/{slugify(t)}", None) for t in topics_used()]
    urls += [(p["path"], p["updated"] or p["date"]) for p in PUBS]
    rows = []
    for loc, mod in urls:
        lm = f"<lastmod>{mod}</lastmod>" if mod else ""
        rows.append(f"  <url><loc>{BASE}{loc}</loc>{lm}</url>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            + "\n".join(rows) + "\n</urlset>\n")


ROBOTS = f"""# robots.txt for the {SITE}
User-agent: *
Disallow: /search
Disallow: /admin/
Disallow: /user/login

Sitemap: {BASE}/sitemap.xml
"""

CSS = """/* Institute for Peace Studies (sample) */
body{margin:0;font:16px/1.55 Georgia,serif;color:#1d2733;background:#fff}
a{color:#0b5c8c}
.visually-hidden{position:absolute!important;clip:rect(1px,1px,1px,1px);overflow:hidden;height:1px;width:1px}
.site-header{background:#0f2d45;color:#fff}
.site-header__inner,.site-main,.site-footer__inner{max-width:70rem;margin:0 auto;padding:1rem}
.site-logo{color:#fff;font-size:1.4rem;text-decoration:none;font-weight:bold}
.site-logo__tag{font-weight:normal;opacity:.7}
.menu{list-style:none;display:flex;gap:1.2rem;padding:0}
.menu a{color:#fff;text-decoration:none}
.breadcrumb ol{list-style:none;display:flex;gap:.5rem;padding:0;font-size:.85rem}
.breadcrumb li+li:before{content:"›";margin-right:.5rem}
.publication__date,.card__date{color:#5a6a7a;font-size:.9rem}
.publication__topics,.card__topics{list-style:none;display:flex;flex-wrap:wrap;gap:.4rem;padding:0}
.publication__topics a,.card__topics a{background:#e6eef4;padding:.1rem .5rem;border-radius:3px;text-decoration:none;font-size:.85rem}
.publication__summary{font-size:1.15rem}
figure img,.card img{max-width:100%;height:auto;background:#cfd8df}
.publication__image img{max-width:40rem}
.card__title{font-size:1.1rem;line-height:1.3}
.site-logo img{vertical-align:middle;border-radius:50%}
figcaption{font-size:.85rem;color:#5a6a7a}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr));gap:1.5rem}
.card{border-top:3px solid #0f2d45;padding-top:.5rem}
.related-publications{border-top:1px solid #ccd;margin-top:2rem}
.pager__items{list-style:none;display:flex;gap:.8rem;padding:0}
.site-footer{background:#eef2f5;font-size:.9rem;margin-top:3rem}
.social{list-style:none;display:flex;gap:1rem;padding:0}
"""


def jpeg(color: tuple[int, int, int]) -> bytes:
    from PIL import Image
    buf = io.BytesIO()
    Image.new("RGB", (240, 135), color).save(buf, "JPEG", quality=50)
    return buf.getvalue()


def pdf(title: str) -> bytes:
    """A one-page PDF that says it is a placeholder."""
    text = f"{title} (sample PDF)".encode("latin-1", "replace").replace(b"(", b"[").replace(b")", b"]")
    stream = b"BT /F1 12 Tf 40 760 Td (" + text[:90] + b") Tj ET"
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


COLORS = {"Special Report": (48, 84, 120), "Report": (70, 110, 90), "Analysis": (150, 110, 60),
          "Commentary": (120, 60, 80), "Policy Brief": (60, 100, 140), "Peaceworks": (90, 70, 130),
          "Event": (40, 120, 130), "Podcast": (130, 130, 60), "Press Release": (100, 100, 100)}


def manifest() -> dict:
    pubs = []
    for p in PUBS:
        meta_desc = {"full": "description, OpenGraph, article:*, JSON-LD @graph"
                     + (", citation_*" if p["type"] in REPORTISH else ""),
                     "og": "description, OpenGraph, article:*", "og+ld": "description, "
                     "OpenGraph, article:*, JSON-LD", "ld": "description, JSON-LD",
                     "none": "none (visible text only)"}[p["meta"]]
        if p["event"]:
            meta_desc = meta_desc.replace(", article:*", "")
        pubs.append({
            "path": p["path"], "title": p["title"],
            "authors": [PEOPLE[s][1] for s in p["authors"]],
            "published": p["date"], "updated": p["updated"], "type": p["type"],
            "topics": p["topics"], "institutional": p["institutional"],
            "organization": SITE if p["institutional"] else None,
            "summary": p["summary"], "image": image_path(p), "metadata": meta_desc,
            "seed": p in SEED,
        })
    return {
        "site": SITE,
        "notes": [
            "Every publication page of the site, newest first. 'authors' are person names as a "
            "record should carry them (no degrees); the page bylines may show 'Ph.D.'.",
            "'institutional' pieces have no person author: the press release and the two "
            "events speak for the institute ('organization').",
            "'published' is the day shown on the page; pages with metadata also carry a time of "
            "day with a US Eastern offset, and events carry their start time.",
            "'seed' marks the five publications modeled on the seed page (real data); all other "
            "publications are written for this sample site.",
            "Listing pages: /publications?page=N (10 per page, newest first), "
            "/issue-areas/<slug>?page=N, /people/<slug>, /events.",
        ],
        "publications": pubs,
    }


def main() -> None:
    if OUT.exists():
        shutil.rmtree(OUT)
    files: dict[str, str | bytes] = {"_home.html": home_page(), "_404.html": not_found()}
    files.update({p["path"].lstrip("/") + ".html": pub_page(p) for p in PUBS})
    files.update(other_pages())
    files.update(people_pages())
    files["robots.txt"] = ROBOTS
    files["sitemap.xml"] = sitemap()
    files["css/site.css"] = CSS
    files["manifest.json"] = json.dumps(manifest(), ensure_ascii=False, indent=2) + "\n"
    for p in PUBS:
        if image_path(p):
            files[image_path(p).lstrip("/")] = jpeg(COLORS[p["type"]])
        if pdf_path(p):
            files[pdf_path(p).lstrip("/")] = pdf(p["title"])
    files["images/ips-share.jpg"] = jpeg((15, 45, 69))
    files["images/logo.jpg"] = jpeg((15, 45, 69))
    files["images/favicon.jpg"] = jpeg((15, 45, 69))
    for rel, data in files.items():
        target = OUT / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, str):
            target.write_text(data, encoding="utf-8", newline="\n")
        else:
            target.write_bytes(data)
    size = sum(f.stat().st_size for f in OUT.rglob("*") if f.is_file())
    print(f"{len(files)} files, {size} bytes, {len(PUBS)} publications")


if __name__ == "__main__":
    main()
