"""A precision probe for bench/sites.py: sites whose pages are not all publications.

The other shapes serve corpus pages and the listings that lead to them, so they measure
recall. A real think tank's, NGO's or newsroom's site also holds pages that are no
publication, linked from the same listings, home page blocks and sitemaps: staff and expert
profiles, events and their listing, job ads, newsletter, donation and press-contact pages,
a program's and a topic's landing pages, a podcast show, a book's shop page, a video page,
search results, print views and untranslated language copies. Each shape here serves its
share of corpus pages (the publications) beside such pages, written here (`Noise`, listed
per site by `noise_of`), linked where real sites link them, in the content area too:

- `noise-cards`: a Drupal think tank's listing ("/publications") whose card grid mixes an
  event, a video, a podcast show and a book with the publications; bylines link expert
  profiles; cards link a print view and a French copy; page one adds "Our experts",
  "Upcoming events" and "Related content" blocks (Metatag's og:type "article" on every node);
- `noise-home`: a small NGO's home page of blocks (latest research, events, experts,
  podcast, video, book, newsletter, "We're hiring", donation, press) leading to a
  "/research/" listing; hand-made markup, no metadata beyond a description;
- `noise-topic`: a topic landing page ("/topics/peace-processes") as the start URL, mixing
  publications with experts, events, a program, a podcast, a video and a book, in a Drupal
  site writing schema.org JSON-LD (Person, Event, VideoObject, Book and Product...);
- `noise-sitemap`: a WordPress site (Yoast SEO, The Events Calendar, WooCommerce, WP Job
  Manager, WPML) whose sitemap index (the start URL) lists every post type.

bench/sites.py registers them after the others (`NOISE_SHAPES`) and reports, per shape, the
noise pages requested and stored (false positives) beside the corpus pages lost. Event
pages are noise here, but the type vocabulary knows "Event": storing one is a judgment call.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from site_shapes import MENU, Case, Served, Site, e, frame, place, query_pages, rel_next
from site_shapes_more import XML, chunks, kind, slug, topic, us_day, yoast


@dataclass(frozen=True)
class Noise:
    """A page of a site that is no publication: its route key and what it is."""

    path: str
    kind: str


# The noise pages of each built site, by the site's id (bench/sites.py pops them).
NOISE: dict[int, list[Noise]] = {}


def noise_of(site: Site) -> list[Noise]:
    """Return (and forget) the noise pages a shape of this module gave a site."""
    return NOISE.pop(id(site), [])


# -- the people, events and things of the sites ---------------------------------------------

@dataclass(frozen=True)
class Person:
    """An expert: name, URL slug, title and biography paragraphs."""

    name: str
    title: str
    bio: tuple[str, ...]
    expertise: tuple[str, ...] = ("Peace Processes", "Mediation")

    @property
    def slug(self) -> str:
        """Return the profile URL slug of the name ("lucia-ferreira-gomez")."""
        plain = self.name.translate(str.maketrans("áéíóúñł", "aeiounl"))
        return slug(plain)


EXPERTS = (
    Person("Jane Doe", "Senior Fellow, Peace Processes", (
        "Jane Doe is a senior fellow in the Peace Processes program at the Example Institute, "
        "where she leads the institute's work on ceasefire design and monitoring. She joined "
        "the institute in 2016 after a decade with the United Nations Department of Political "
        "and Peacebuilding Affairs, including postings in Nicosia, Kabul and Juba.",
        "Her research examines why some truces hold while others collapse within weeks, and "
        "how monitoring missions can be made credible to armed groups that distrust each "
        "other. She has advised negotiating teams in Colombia, the Philippines and Yemen, and "
        "regularly briefs congressional staff on the verification of ceasefire agreements.",
        "Doe is the author of The Long Ceasefire: Monitoring Truces from Cyprus to Kashmir "
        "(Example Institute Press, 2024). She holds a doctorate in international relations "
        "from the University of Oxford and a master's degree from Sciences Po.")),
    Person("Omar Haddad", "Director, Middle East and North Africa Program", (
        "Omar Haddad directs the Middle East and North Africa program at the Example "
        "Institute. He oversees the institute's dialogue projects in Iraq, Libya and Yemen "
        "and its research on the governance of post-conflict reconstruction.",
        "Before joining the institute, Haddad spent twelve years with international "
        "humanitarian organizations in Amman, Beirut and Baghdad, most recently as regional "
        "director for an international NGO supporting local peace committees. He speaks "
        "Arabic, English and French and comments frequently in regional media.",
        "He holds a master's degree in conflict resolution from Georgetown University.")),
    Person("Lucía Ferreira Gómez", "Senior Advisor, Mediation and Dialogue", (
        "Lucía Ferreira Gómez is a senior advisor on mediation and dialogue at the Example "
        "Institute. She supports insider mediators and women's networks in Latin America and "
        "designs the institute's training courses on negotiation and process design.",
        "From 2012 to 2016 she served as an advisor to the government delegation at the peace "
        "talks in Havana, where she worked on the sub-commission on gender. She previously "
        "taught political science at the Universidad de los Andes in Bogotá and has written "
        "widely on the inclusion of victims in peace negotiations.")),
    Person("Tomasz Nowak", "Research Fellow, Security Sector Reform", (
        "Tomasz Nowak is a research fellow working on security sector reform and the "
        "disarmament, demobilization and reintegration of former combatants. His current "
        "project compares police reform after civil wars in the Western Balkans, Ukraine and "
        "West Africa.",
        "Nowak previously worked for the OSCE mission in Kosovo and for a Warsaw-based "
        "think tank on Eastern European security. He holds a doctorate from the University "
        "of Warsaw and was a visiting scholar at the Norwegian Institute of International "
        "Affairs.")),
)


def contributor(name: str) -> Person:
    """Return the profile of a publication's author (a byline name): a nonresident fellow."""
    return Person(name, "Nonresident Fellow", (
        f"{name} is a nonresident fellow at the Example Institute and a regular contributor "
        "to its analysis of conflict, governance and peacebuilding. Their work draws on years "
        "of field research and on interviews with officials, civil society leaders and members "
        "of armed groups.",
        "Before joining the institute as a fellow, they held research and advisory positions "
        "with international organizations and universities in Europe, Africa and the Americas."
        " Their commentary has appeared in leading newspapers and policy journals."))


@dataclass(frozen=True)
class Event:
    """An event: title, slug, day, hours, venue, description and speakers."""

    title: str
    slug: str
    day: date
    hours: str
    venue: str
    text: tuple[str, ...]
    speakers: tuple[tuple[str, str], ...]
    recording: bool = False


EVENTS = (
    Event("Ceasefire Monitoring Conference", "ceasefire-monitoring-conference",
          date(2024, 5, 14), "9:30am - 4:00pm EDT",
          "Example Institute Headquarters, 1 Main Street NW, Washington, DC 20037", (
              "Ceasefires are more often agreed than kept. Over the past decade, monitoring "
              "and verification missions have grown more varied: drones and satellite imagery "
              "beside unarmed civilian monitors, joint commissions of the warring parties, and "
              "local networks reporting violations in real time.",
              "This one-day conference brings together practitioners who have led monitoring "
              "missions in Ukraine, Colombia, Mindanao and Yemen with researchers who study "
              "why truces hold. Panels will examine the design of monitoring mandates, the use "
              "of new technology, and how missions can keep the trust of all parties.",
              "The conference is open to the public. Lunch will be served. Join the "
              "conversation on social media with #CeasefireMonitoring."),
          (("Jane Doe", "Senior Fellow, Peace Processes, Example Institute"),
           ("Amb. Karin Lindqvist", "Former Chief Monitor, OSCE Special Monitoring Mission"),
           ("Omar Haddad", "Director, Middle East and North Africa Program"),
           ("Gen. (ret.) Rafael Ortiz", "Former Head, Tripartite Monitoring Mechanism")),
          ),
    Event("Women at the Negotiating Table: Lessons from Colombia and the Philippines",
          "women-at-the-negotiating-table", date(2024, 6, 6), "10:00am - 11:30am EDT",
          "Online (Zoom webinar)", (
              "Peace agreements are more likely to last when women take part in their "
              "negotiation, yet women remain a small minority of negotiators and signatories.",
              "Negotiators and advisors from the Colombian and Bangsamoro peace processes "
              "discuss how women's delegations, gender sub-commissions and civil society "
              "networks shaped the agreements, and what other peace processes can learn from "
              "them. The discussion will be followed by questions from the audience."),
          (("Lucía Ferreira Gómez", "Senior Advisor, Mediation and Dialogue"),
           ("Miriam Coronel-Ferrer", "Former Chair, Government Peace Panel, Philippines"))),
    Event("Book Launch: The Long Ceasefire", "book-launch-the-long-ceasefire",
          date(2024, 6, 20), "5:30pm - 7:00pm EDT",
          "Example Institute Headquarters, 1 Main Street NW, Washington, DC 20037", (
              "Join us for the launch of The Long Ceasefire: Monitoring Truces from Cyprus to "
              "Kashmir, in which Jane Doe tells the story of the missions that have watched "
              "over the world's longest truces.",
              "The author will be in conversation with Omar Haddad, followed by a reception. "
              "Copies of the book will be available for purchase and signing."),
          (("Jane Doe", "Senior Fellow, Peace Processes"),
           ("Omar Haddad", "Director, Middle East and North Africa Program"))),
    Event("Mediation in Sudan: What Comes Next?", "mediation-in-sudan-what-comes-next",
          date(2023, 11, 8), "2:00pm - 3:30pm EST", "Online (Zoom webinar)", (
              "Watch the recording of our discussion on the stalled mediation efforts in Sudan "
              "and the role of regional organizations in bringing the parties back to the "
              "table.",),
          (("Omar Haddad", "Director, Middle East and North Africa Program"),
           ("Dr. Amani Hassan", "Visiting Scholar, Example Institute")), recording=True),
)

BOOK = ("The Long Ceasefire: Monitoring Truces from Cyprus to Kashmir", "the-long-ceasefire")
SHOW = ("Peace Talks", "peace-talks")
VIDEO = ("Ceasefire Monitoring, Explained", "ceasefire-monitoring-explained")
JOB = ("Research Assistant, Peace Programs", "research-assistant-peace-programs")
PROGRAM = "Middle East and North Africa Program"
TOPIC = ("Peace Processes", "peace-processes")
EPISODES = (
    ("Episode 24: How Ceasefires Are Monitored", date(2024, 5, 9), "41 min",
     "Jane Doe talks with a former OSCE monitor about what it takes to verify a truce on a "
     "front line hundreds of kilometers long."),
    ("Episode 23: Women Mediators in Colombia", date(2024, 4, 25), "38 min",
     "Lucía Ferreira Gómez on the sub-commission on gender and what it changed in the "
     "Havana agreement."),
    ("Episode 22: Reconstruction in Mosul", date(2024, 4, 11), "45 min",
     "Omar Haddad and guests on who decides what gets rebuilt after a city is retaken."),
    ("Episode 21: Police Reform After War", date(2024, 3, 28), "36 min",
     "Tomasz Nowak compares police reform in Kosovo, Sierra Leone and Ukraine."),
)


# -- platforms: the metadata each writes into a page's head ---------------------------------

@dataclass(frozen=True)
class Doc:
    """A noise page before its platform's head: what it is, its title, main column, one-line
    description and the schema.org node a platform that writes JSON-LD gives it."""

    kind: str
    title: str
    main: str
    summary: str = ""
    schema: dict[str, Any] | None = None
    og: str = "article"
    created: date = date(2023, 9, 12)
    modified: date = date(2024, 5, 2)


def ld(data: dict[str, Any]) -> str:
    """Return a JSON-LD script."""
    text = json.dumps({"@context": "https://schema.org", **data}).replace("</", "<\\/")
    return f'<script type="application/ld+json">{text}</script>'


def head_drupal(site: Site, path: str, doc: Doc) -> str:
    """Drupal's Metatag defaults: canonical, description, og:type "article" on every node
    (a profile's "profile", a video's "video.other"), og:title and og:url."""
    og = doc.og if doc.og in ("profile", "video.other", "website") else "article"
    return (f'<link rel="canonical" href="{e(site.url(path))}"><meta name="description" '
            f'content="{e(doc.summary)}"><meta property="og:type" content="{og}"><meta '
            f'property="og:title" content="{e(doc.title)}"><meta property="og:url" content="'
            f'{e(site.url(path))}">')


def head_plain(site: Site, path: str, doc: Doc) -> str:
    """A hand-made CMS: a description, nothing more."""
    return f'<meta name="description" content="{e(doc.summary)}">'


def head_schema(site: Site, path: str, doc: Doc) -> str:
    """Drupal with the Schema.org Metatag module: the Metatag defaults and the page's
    schema.org node (a topic a CollectionPage, a program a WebPage...)."""
    return head_drupal(site, path, doc) + (ld(doc.schema) if doc.schema else "")


def head_yoast(site: Site, path: str, doc: Doc) -> str:
    """WordPress with Yoast SEO: og:type "article" on every singular page ("product" on a
    WooCommerce product), its modified time, and the @graph of a WebPage dated by its
    creation and last change; a plugin's own JSON-LD (an event's, a job's) beside it."""
    url = site.url(path)
    graph = {"@graph": [
        {"@type": "WebPage", "@id": url, "url": url, "name": doc.title,
         "isPartOf": {"@id": site.base + "/#website"},
         "datePublished": f"{doc.created}T10:12:00+00:00",
         "dateModified": f"{doc.modified}T15:40:00+00:00", "description": doc.summary,
         "breadcrumb": {"@id": url + "#breadcrumb"}, "inLanguage": "en-US"},
        {"@type": "WebSite", "@id": site.base + "/#website", "url": site.base + "/",
         "name": "Example Institute"},
        {"@type": "Organization", "@id": site.base + "/#organization",
         "name": "Example Institute", "url": site.base + "/"}]}
    og = "product" if doc.kind == "shop" else "website" if doc.og == "website" else "article"
    plugin = doc.schema if doc.kind in ("event", "job ad", "shop") else None
    if plugin and doc.kind == "shop":
        plugin = {**plugin, "@type": "Product"}  # WooCommerce's: a product, whatever it is
    return (f'<link rel="canonical" href="{e(url)}"><meta name="description" content="'
            f'{e(doc.summary)}"><meta property="og:locale" content="en_US"><meta property="og:'
            f'type" content="{og}"><meta property="og:title" content="{e(doc.title)}"><meta '
            f'property="og:url" content="{e(url)}"><meta property="article:modified_time" '
            f'content="{doc.modified}T15:40:00+00:00">{ld(graph)}'
            + (ld(plugin) if plugin else ""))


Head = Callable[[Site, str, Doc], str]


@dataclass
class Plan:
    """A noise site in the making: its platform, menu and where each kind of page lives."""

    site: Site
    head: Head
    menu: tuple[tuple[str, str], ...]
    urls: dict[str, str] = field(default_factory=dict)
    profiles: dict[str, str] = field(default_factory=dict)

    def serve(self, path: str, doc: Doc) -> None:
        """Serve a noise page at a route and note it as noise."""
        assert path not in self.site.routes, f"noise over a served page: {path}"
        self.site.add(path, frame(doc.title, doc.main, self.head(self.site, path, doc),
                                  self.menu))
        NOISE.setdefault(id(self.site), []).append(Noise(path, doc.kind))

    def person(self, name: str) -> str:
        """Return a name, linked to its profile when the site has one."""
        href = self.profiles.get(name)
        return f'<a href="{e(href)}">{e(name)}</a>' if href else e(name)


# -- cards and blocks -----------------------------------------------------------------------

def names(s: Served) -> list[str]:
    """Return the truth's author names of a served page."""
    return [" ".join(n.split()) for n in s.case.truth.get("authors") or [] if n.strip()]


def pub_card(plan: Plan, s: Served, extras: str = "") -> str:
    """Return a publication's card: kicker, title, byline (names linked to profiles), day,
    and extra links (print view, another language)."""
    site = plan.site
    label = kind(site, s)
    kicker = f'<div class="card__kicker">{e(label)}</div>' if label else ""
    people = names(s)
    byline = (f'<div class="card__byline">By {", ".join(plan.person(n) for n in people)}'
              "</div>" if people else "")
    day = f'<time datetime="{s.case.day}">{us_day(s.case.day)}</time>' if s.case.day else ""
    chip, home = topic(site, s), plan.urls.get("topic", "")
    # A chip links its topic's page, in the folder of the site's topic pages.
    href = home if chip == TOPIC[0] else re.sub(r"[^/]+(/?)$", lambda m: slug(chip or "")
                                                 + m.group(1), home)
    chips = f'<a class="card__topic" href="{e(href)}">{e(chip)}</a>' if chip and home else ""
    tools = f'<ul class="card__tools">{extras}</ul>' if extras else ""
    return (f'<article class="card card--publication">{kicker}<h3 class="card__title"><a href="'
            f'{e(s.link)}">{e(s.case.title)}</a></h3>{byline}<div class="card__meta">{day}'
            f"</div>{chips}{tools}</article>")


def noise_card(label: str, title: str, href: str, day: date | None = None, text: str = "",
               meta: str = "") -> str:
    """Return a card of a page that is no publication, marked up as the publications' are."""
    when = f'<time datetime="{day}">{us_day(day)}</time>' if day else ""
    blurb = f'<p class="card__text">{e(text)}</p>' if text else ""
    return (f'<article class="card card--{slug(label)}"><div class="card__kicker">{e(label)}'
            f'</div><h3 class="card__title"><a href="{e(href)}">{e(title)}</a></h3><div class="'
            f'card__meta">{when}{meta}</div>{blurb}</article>')


def event_card(plan: Plan, ev: Event) -> str:
    """Return an event's card: kicker, title, day and hours, venue."""
    return noise_card("Event", ev.title, plan.urls[f"event:{ev.slug}"], ev.day, ev.venue,
                      f' | <span class="card__hours">{e(ev.hours)}</span>')


def experts_block(plan: Plan, heading: str = "Our experts") -> str:
    """Return an "Our experts" block: photo, linked name and title of each expert."""
    items = "".join(
        f'<li class="expert-card"><img src="/sites/default/files/styles/portrait/{x.slug}.jpg" '
        f'alt="{e(x.name)}"><h3 class="expert-card__name"><a href="{e(plan.profiles[x.name])}">'
        f'{e(x.name)}</a></h3><p class="expert-card__title">{e(x.title)}</p></li>'
        for x in EXPERTS)
    more = (f'<a class="more-link" href="{plan.urls["experts"]}">All experts</a>'
            if "experts" in plan.urls and heading == "Our experts" else "")
    return (f'<section class="block block--experts"><h2>{heading}</h2><ul class="expert-list">'
            f"{items}</ul>{more}</section>")


def events_block(plan: Plan) -> str:
    """Return an "Upcoming events" block of event cards in the main column."""
    cards = "".join(event_card(plan, ev) for ev in EVENTS if not ev.recording)
    more = (f'<a class="more-link" href="{plan.urls["events"]}">All events</a>'
            if "events" in plan.urls else "")
    return (f'<section class="block block--events"><h2>Upcoming events</h2><div class="card-'
            f'grid">{cards}</div>{more}</section>')


def related_block(plan: Plan, pubs: list[Served]) -> str:
    """Return a "Related content" block mixing publications and other pages."""
    u = plan.urls
    cards = [pub_card(plan, s) for s in pubs[:2]]
    cards.insert(1, noise_card("Program", PROGRAM, u["program"],
                               text="Dialogue and research for peace in the region."))
    cards.append(noise_card("Topic", TOPIC[0], u["topic"],
                            text="Our work on negotiations, ceasefires and peace agreements."))
    if "search" in u:
        cards.append(f'<p class="more-results"><a href="{e(u["search"])}">More on '
                     "ceasefires: see all results</a></p>")
    return (f'<section class="block related-content"><h2>Related content</h2><div class="'
            f'card-grid">{"".join(cards)}</div></section>')


# -- the pages that are no publication ------------------------------------------------------

def profile_doc(plan: Plan, x: Person, pubs: list[Served], og: str = "article") -> Doc:
    """An expert's profile: photo, name, title, contact, biography, expertise, her
    publications (cards) and the events she speaks at."""
    bio = "".join(f"<p>{e(p)}</p>" for p in x.bio)
    areas = "".join(f'<li><a href="{plan.urls.get("topic", "/topics/")}">{e(a)}</a></li>'
                    for a in x.expertise)
    cards = "".join(pub_card(plan, s) for s in pubs[:6])
    if x.name == EXPERTS[0].name and "shop" in plan.urls:
        cards += noise_card("Book", BOOK[0], plan.urls["shop"], date(2024, 3, 5))
    talks = "".join(event_card(plan, ev) for ev in EVENTS
                    if x.name in dict(ev.speakers) and f"event:{ev.slug}" in plan.urls)
    first = x.name.split()[0]
    main = (f'<div class="person"><div class="person__header"><img class="person__photo" src="'
            f'/sites/default/files/styles/portrait/{x.slug}.jpg" alt="{e(x.name)}"><h1 class="'
            f'person__name">{e(x.name)}</h1><p class="person__title">{e(x.title)}</p><ul class="'
            f'person__contact"><li><a href="mailto:{x.slug}@example.org">Email</a></li><li><a '
            f'href="https://twitter.com/{x.slug.replace("-", "")}">Twitter</a></li></ul></div>'
            f'<div class="person__bio">{bio}</div><div class="person__expertise"><h2>Areas of '
            f'expertise</h2><ul>{areas}</ul></div>'
            + (f'<section class="person__publications"><h2>Publications by {e(first)}</h2>'
               f'<div class="card-grid">{cards}</div></section>' if cards else "")
            + (f'<section class="person__events"><h2>Events with {e(first)}</h2><div class="card-'
               f'grid">{talks}</div></section>' if talks else "") + "</div>")
    schema = {"@type": "Person", "name": x.name, "jobTitle": x.title,
              "worksFor": {"@type": "Organization", "name": "Example Institute"},
              "description": x.bio[0]}
    return Doc("profile", x.name, main, x.bio[0][:160], schema, og)


def event_doc(plan: Plan, ev: Event) -> Doc:
    """An event's page: day, hours, venue, "Register", description, speakers (a past one
    the recording's embed)."""
    text = "".join(f"<p>{e(p)}</p>" for p in ev.text)
    speakers = "".join(f'<li class="speaker"><h3 class="speaker__name">{plan.person(n)}</h3>'
                       f'<p class="speaker__title">{e(t)}</p></li>' for n, t in ev.speakers)
    action = ('<div class="event__video"><iframe width="960" height="540" src="https://www.'
              'youtube.com/embed/x1Yz2AbC3dE" title="YouTube video player" allowfullscreen>'
              '</iframe></div>' if ev.recording else
              '<a class="button button--register" href="https://www.eventbrite.com/e/'
              f'{ev.slug}-tickets-8812345">Register</a> <a class="button button--calendar" href'
              f'="{plan.urls[f"event:{ev.slug}"]}/ical">Add to calendar</a>')
    label = "Past Event" if ev.recording else "Event"
    main = (f'<div class="event"><div class="event__kicker">{label}</div><h1>{e(ev.title)}'
            '</h1><div class="event__when"><time datetime="'
            f'{ev.day}">{ev.day:%A}, {us_day(ev.day)}</time> <span class="event__hours">'
            f'{e(ev.hours)}</span></div><div class="event__where">{e(ev.venue)}</div>{action}'
            f'<div class="event__body">{text}</div><section class="event__speakers"><h2>'
            f'Speakers</h2><ul>{speakers}</ul></section></div>')
    online = ev.venue.startswith("Online")
    schema = {"@type": "Event", "name": ev.title, "startDate": f"{ev.day}T09:30:00-04:00",
              "eventAttendanceMode": "https://schema.org/" + (
                  "OnlineEventAttendanceMode" if online else "OfflineEventAttendanceMode"),
              "eventStatus": "https://schema.org/EventScheduled", "description": ev.text[0],
              "location": {"@type": "VirtualLocation", "url": "https://zoom.us/"} if online else
              {"@type": "Place", "name": "Example Institute", "address": ev.venue},
              "performer": [{"@type": "Person", "name": n} for n, _ in ev.speakers],
              "organizer": {"@type": "Organization", "name": "Example Institute"}}
    return Doc("event", ev.title, main, ev.text[0][:160], schema)


def events_doc(plan: Plan) -> Doc:
    """The events listing: a filter, the upcoming events' cards and the past ones'."""
    upcoming = "".join(event_card(plan, ev) for ev in EVENTS if not ev.recording)
    past = "".join(event_card(plan, ev) for ev in EVENTS if ev.recording)
    main = ('<h1>Events</h1><p class="lead">Conferences, book launches and discussions with '
            'our experts and partners.</p><form class="event-filter" action="" method="get">'
            '<select name="type"><option value="">All event types</option><option>Conference'
            '</option><option>Webinar</option></select><button>Filter</button></form><h2>'
            f'Upcoming events</h2><div class="card-grid">{upcoming}</div><h2>Past events</h2>'
            f'<div class="card-grid">{past}</div>')
    return Doc("events listing", "Events", main, "Upcoming and past events.",
               {"@type": "CollectionPage", "name": "Events"}, "website")


def experts_doc(plan: Plan) -> Doc:
    """The experts' index: a card (photo, linked name, title) of each."""
    main = ('<h1>Our experts</h1><p class="lead">Scholars and practitioners of conflict '
            f'resolution and peacebuilding.</p>{experts_block(plan, "Staff and fellows")}')
    return Doc("experts listing", "Experts", main, "Our experts.",
               {"@type": "CollectionPage", "name": "Experts"}, "website")


JOB_TEXT = (
    ("About the role", "The Example Institute seeks a research assistant to support the "
     "Peace Processes and Middle East and North Africa programs. The research assistant will "
     "work closely with senior staff on research projects, dialogue events and publications, "
     "and will gain hands-on experience of policy research on conflict and peacebuilding."),
    ("Responsibilities", ["Conduct background research and literature reviews on peace "
                          "processes and ceasefire agreements",
                          "Draft memos, briefing notes and sections of reports for senior staff",
                          "Maintain the program's database of peace agreements and monitoring "
                          "missions",
                          "Support the logistics of conferences, workshops and virtual events",
                          "Track news and developments in countries of focus and prepare "
                          "weekly summaries"]),
    ("Qualifications", ["Bachelor's degree in international relations, political science or a "
                        "related field",
                        "One to two years of relevant research experience, including internships",
                        "Excellent writing and editing skills in English; Arabic, French or "
                        "Spanish a plus",
                        "Ability to manage several tasks at once and meet deadlines"]),
    ("How to apply", "Please submit a cover letter, a resume and a short writing sample of no "
     "more than five pages through our online application system by May 31, 2024. Only "
     "candidates selected for an interview will be contacted."),
)


def job_doc(plan: Plan) -> Doc:
    """A job ad: location, type, posted and closing days, the role, lists, "Apply now"."""
    parts = "".join(f"<h2>{e(h)}</h2>" + (f"<p>{e(t)}</p>" if isinstance(t, str) else
                                           "<ul>" + "".join(f"<li>{e(i)}</li>" for i in t)
                                           + "</ul>") for h, t in JOB_TEXT)
    main = (f'<div class="job"><div class="job__kicker">Careers</div><h1>{e(JOB[0])}</h1><dl '
            'class="job__facts"><dt>Location</dt><dd>Washington, DC (hybrid)</dd><dt>Type</dt>'
            '<dd>Full-time</dd><dt>Department</dt><dd>Research</dd><dt>Posted</dt><dd>May 2, '
            '2024</dd><dt>Application deadline</dt><dd>May 31, 2024</dd></dl>'
            f'{parts}<a class="button" href="https://boards.greenhouse.io/exampleinstitute/jobs/'
            '5123456">Apply now</a><p class="job__eeo"><em>The Example Institute is an equal '
            "opportunity employer and does not discriminate on the basis of race, religion, "
            "sex, national origin, age, disability or any other protected status.</em></p></div>")
    schema = {"@type": "JobPosting", "title": JOB[0], "datePosted": "2024-05-02",
              "validThrough": "2024-05-31T23:59", "employmentType": "FULL_TIME",
              "hiringOrganization": {"@type": "Organization", "name": "Example Institute"},
              "jobLocation": {"@type": "Place", "address": "Washington, DC"},
              "description": JOB_TEXT[0][1]}
    return Doc("job ad", JOB[0], main, JOB_TEXT[0][1][:160], schema)


def newsletter_doc(plan: Plan) -> Doc:
    """The newsletter signup page: a line of text, the lists to tick, the form."""
    lists = (("weekly", "The Weekly Brief", "Our latest analysis and commentary, every Friday."),
             ("events", "Events", "Invitations to our conferences, book launches and "
                                  "webinars."),
             ("podcast", "Peace Talks", "New episodes of our podcast, every other Thursday."))
    boxes = "".join(f'<div class="form-item"><input type="checkbox" id="list-{k}" name="lists[]" '
                    f'value="{k}" checked><label for="list-{k}"><strong>{t}</strong> {d}</label>'
                    "</div>" for k, t, d in lists)
    main = ('<h1>Sign up for our newsletters</h1><p>Stay informed about our research, events '
            'and experts. Choose the newsletters you would like to receive.</p><form class="'
            'newsletter-form" action="https://example.us12.list-manage.com/subscribe/post" '
            'method="post"><label for="email">Email address</label><input type="email" id="'
            'email" name="EMAIL" required><label for="fname">First name</label><input type="'
            f'text" id="fname" name="FNAME">{boxes}<button type="submit">Subscribe</button>'
            '</form><p class="small">We will never share your email address. You can '
            'unsubscribe at any time from the link in every email.</p>')
    return Doc("newsletter", "Newsletters", main, "Sign up for our newsletters.", {
        "@type": "WebPage", "name": "Newsletters"})


def donate_doc(plan: Plan) -> Doc:
    """The donation page: why give, amounts, "Donate now", other ways to give."""
    amounts = "".join(f'<label><input type="radio" name="amount" value="{a}">${a}</label>'
                      for a in (50, 100, 250, 500))
    main = ('<h1>Support independent research for peace</h1><p class="lead">Your gift helps '
            'our experts work with mediators, negotiators and local peacebuilders where '
            'conflicts are fought, and bring what they learn to policymakers.</p><p>The '
            'Example Institute is independent and nonpartisan. We rely on the generosity of '
            'individuals, foundations and partners to fund our research, dialogue projects and '
            'training programs around the world.</p><form class="donation-form" action="https:'
            '//secure.example-donations.org/give" method="post"><fieldset><legend>Choose an '
            f'amount</legend>{amounts}<label>Other <input type="number" name="other"></label>'
            '</fieldset><label><input type="checkbox" name="monthly"> Make this a monthly gift'
            '</label><button type="submit" class="button">Donate now</button></form><h2>Other '
            'ways to give</h2><ul><li>Give by check, payable to the Example Institute</li><li>'
            'Gifts of stock and donor-advised funds</li><li>Planned giving and bequests</li>'
            '</ul><p class="small">The Example Institute is a 501(c)(3) organization. Gifts are '
            'tax-deductible to the extent allowed by law.</p>')
    return Doc("donate", "Donate", main, "Support independent research for peace.",
               {"@type": "WebPage", "name": "Donate"})


def press_doc(plan: Plan) -> Doc:
    """The press-contact page: who to call, experts available for comment, the press kit."""
    experts = "".join(f"<li>{plan.person(x.name)}, {e(x.title)}</li>" for x in EXPERTS)
    main = ('<h1>Media contacts</h1><p>Journalists seeking comment from our experts, '
            'interviews or background briefings should contact our communications team. We '
            'respond to requests within one business day.</p><div class="contact-card"><h2>'
            'Maria Santos</h2><p>Director of Communications</p><p><a href="mailto:press@'
            'example.org">press@example.org</a><br>+1 202 555 0143</p></div><div class="contact-'
            'card"><h2>David Kim</h2><p>Media Relations Manager</p><p><a href="mailto:dkim@'
            'example.org">dkim@example.org</a><br>+1 202 555 0178</p></div><h2>Experts '
            f'available for comment</h2><ul>{experts}</ul><h2>Press kit</h2><p><a href="/files/'
            'press-kit.zip">Download our logos, photos and fact sheet (ZIP, 12 MB)</a></p>')
    return Doc("press contacts", "Media contacts", main, "Contacts for journalists.",
               {"@type": "ContactPage", "name": "Media contacts"})


PROGRAM_TEXT = (
    "The Middle East and North Africa program works with local and international partners to "
    "prevent and resolve violent conflict in the region. From Iraq and Syria to Libya and "
    "Yemen, we support dialogue among communities divided by war, advise mediators, and "
    "study how peace agreements can be made to last.",
    "Our staff and partners convene local peace committees, tribal leaders, women's groups "
    "and young activists, and help them bring their priorities to national and international "
    "negotiations. Our research examines reconstruction, the return of displaced people, the "
    "reform of security forces and the governance of areas retaken from armed groups.",
    "The program is funded by foundations and governments committed to peace in the region, "
    "and its work is guided by the principles of local ownership, inclusion and "
    "nonpartisanship that guide all of the institute's work.")


def program_doc(plan: Plan, pubs: list[Served]) -> Doc:
    """A program's "about" page: its text, staff, projects and its latest publications."""
    text = "".join(f"<p>{e(p)}</p>" for p in PROGRAM_TEXT)
    staff = "".join(f'<li>{plan.person(x.name)}<br><span>{e(x.title)}</span></li>'
                    for x in EXPERTS[:2])
    projects = "".join(f"<li>{p}</li>" for p in (
        "Local peace committees in Iraq", "Yemen dialogue initiative",
        "Libya security sector assessment"))
    cards = "".join(pub_card(plan, s) for s in pubs[:5])
    main = (f'<div class="program"><h1>{PROGRAM}</h1><div class="program__text">{text}</div>'
            f'<h2>Program staff</h2><ul class="staff">{staff}</ul><h2>Projects</h2><ul>'
            f'{projects}</ul><section class="program__latest"><h2>Latest from the program</h2>'
            f'<div class="card-grid">{cards}</div></section></div>')
    return Doc("program", PROGRAM, main, PROGRAM_TEXT[0][:160],
               {"@type": "WebPage", "name": PROGRAM, "about": "Peace in the Middle East"})


def topic_doc(plan: Plan, label: str, pubs: list[Served]) -> Doc:
    """A topic's landing page: a description and its cards, events among them."""
    cards = [pub_card(plan, s) for s in pubs[:6]]
    cards.insert(min(2, len(cards)), event_card(plan, EVENTS[0]))
    main = (f'<h1>{e(label)}</h1><div class="topic__description"><p>How wars end matters as '
            "much as how they begin. Our work on this topic examines negotiations, ceasefires "
            "and peace agreements, and the people who make them, from track-two dialogues to "
            "the implementation of signed accords.</p></div><div class=\"card-grid\">"
            f'{"".join(cards)}</div>')
    return Doc("topic", label, main, f"Research and analysis on {label.lower()}.",
               {"@type": "CollectionPage", "name": label}, "website")


def podcast_doc(plan: Plan) -> Doc:
    """A podcast show's page: the show, where to subscribe, its episodes (inline players)."""
    episodes = "".join(
        f'<div class="episode"><h3 class="episode__title">{e(t)}</h3><div class="episode__meta">'
        f'<time datetime="{d}">{us_day(d)}</time> · {m}</div><p>{e(x)}</p><audio controls '
        f'preload="none" src="/sites/default/files/podcasts/peace-talks-{t.split()[1][:-1]}.mp3">'
        "</audio></div>" for t, d, m, x in EPISODES)
    main = (f'<div class="podcast"><img src="/sites/default/files/peace-talks-cover.jpg" alt="'
            f'{SHOW[0]}"><h1>{SHOW[0]}</h1><p class="lead">A podcast from the Example Institute'
            '</p><p>Every other week, our experts talk with negotiators, monitors and '
            'peacebuilders about how wars end and how peace is kept. Hosted by Jane Doe.</p><ul '
            'class="subscribe"><li><a href="https://podcasts.apple.com/us/podcast/peace-talks/'
            'id1234567890">Apple Podcasts</a></li><li><a href="https://open.spotify.com/show/'
            '4rOoJ6Egrf8K2IrywzwOMk">Spotify</a></li><li><a href="/podcasts/peace-talks/feed.xml"'
            f'>RSS</a></li></ul><h2>Episodes</h2>{episodes}</div>')
    return Doc("podcast show", SHOW[0], main, "A podcast from the Example Institute.",
               {"@type": "PodcastSeries", "name": SHOW[0], "webFeed": "/podcasts/peace-talks/"
                "feed.xml"})


def shop_doc(plan: Plan) -> Doc:
    """A book's shop page: cover, price, "Add to cart", details, description, praise."""
    main = ('<div class="product"><nav class="breadcrumb-trail"><a href="/shop">Shop</a> › <a '
            f'href="/shop">Books</a></nav><img class="product__cover" src="/sites/default/files/'
            f'books/{BOOK[1]}.jpg" alt="Cover"><h1 class="product__title">{e(BOOK[0])}</h1><p '
            'class="product__author">by Jane Doe</p><p class="price"><span class="amount">$24.95'
            '</span></p><form class="cart" method="post" action=""><select name="format"><option'
            '>Paperback</option><option>Hardcover ($39.95)</option><option>E-book ($14.99)'
            '</option></select><input type="number" name="quantity" value="1" min="1"><button '
            'type="submit" name="add-to-cart" class="button">Add to cart</button></form><dl '
            'class="product__details"><dt>ISBN</dt><dd>978-1-60127-987-6</dd><dt>Pages</dt><dd>'
            '312</dd><dt>Published</dt><dd>March 2024</dd><dt>Publisher</dt><dd>Example '
            'Institute Press</dd></dl><h2>Description</h2><p>Some ceasefires have held for '
            'decades. Along the Green Line in Cyprus and the Line of Control in Kashmir, '
            'monitors have watched over truces that outlived the wars they paused and the '
            'diplomats who negotiated them.</p><p>Drawing on archives and on interviews with '
            'more than a hundred monitors, Jane Doe tells the story of these missions and '
            'shows what makes a truce last, and what makes it fail. Her book is essential '
            'reading for negotiators, peacekeepers and students of conflict.</p><h2>Praise'
            '</h2><blockquote>"A masterly account of the unglamorous work that keeps the peace." '
            '<cite>Amb. Karin Lindqvist</cite></blockquote></div>')
    schema = {"@type": ["Book", "Product"], "name": BOOK[0], "isbn": "9781601279876",
              "author": {"@type": "Person", "name": "Jane Doe"},
              "offers": {"@type": "Offer", "price": "24.95", "priceCurrency": "USD",
                         "availability": "https://schema.org/InStock"}}
    return Doc("shop", BOOK[0], main, "The Long Ceasefire, by Jane Doe.", schema, "product")


def video_doc(plan: Plan) -> Doc:
    """A video page: the embed and one line."""
    main = (f'<div class="video"><h1>{VIDEO[0]}</h1><time datetime="2024-05-02">May 2, 2024'
            '</time><div class="video__embed"><iframe width="960" height="540" src="https://'
            'www.youtube.com/embed/Qm3sT5uVw7k" title="YouTube video player" allowfullscreen>'
            '</iframe></div><p>Jane Doe explains how monitors verify a truce on the ground.'
            "</p></div>")
    schema = {"@type": "VideoObject", "name": VIDEO[0], "uploadDate": "2024-05-02",
              "description": "Jane Doe explains how monitors verify a truce on the ground.",
              "thumbnailUrl": "https://i.ytimg.com/vi/Qm3sT5uVw7k/hqdefault.jpg",
              "embedUrl": "https://www.youtube.com/embed/Qm3sT5uVw7k"}
    return Doc("video", VIDEO[0], main, "Ceasefire monitoring, explained.", schema, "video.other")


def search_doc(plan: Plan, pubs: list[Served]) -> Doc:
    """A search results page ("ceasefire"): facets, then results of every kind."""
    u = plan.urls
    results = [(kind(plan.site, s) or "Article", s.case.title, s.link, s.case.day)
               for s in pubs[:6]]
    results[1:1] = [("Event", EVENTS[0].title, u[f"event:{EVENTS[0].slug}"], EVENTS[0].day)]
    results += [("Expert", EXPERTS[0].name, plan.profiles[EXPERTS[0].name], None)]
    results += [(lbl, t, u[k], None) for lbl, t, k in (("Podcast", SHOW[0], "podcast"),
                                                       ("Book", BOOK[0], "shop")) if k in u]
    items = "".join(
        f'<li class="search-result"><div class="search-result__type">{e(lbl)}</div><h3><a href="'
        f'{e(href)}">{e(t)}</a></h3>' + (f'<time datetime="{d}">{us_day(d)}</time>' if d else "")
        + '<p class="search-result__snippet">… monitoring of the <strong>ceasefire</strong> '
          "by both parties …</p></li>" for lbl, t, href, d in results)
    facets = "".join(f'<li><a href="/search?q=ceasefire&amp;type={slug(t)}">{t}</a></li>'
                     for t in ("Report", "Analysis", "Event", "Expert"))
    main = ('<h1>Search</h1><form class="search-form" action="/search" method="get"><input '
            'type="search" name="q" value="ceasefire"><button>Search</button></form><div class="'
            f'search-facets"><h2>Content type</h2><ul>{facets}</ul></div><p class="search-count">'
            f'Showing 1 - {len(results)} of {len(results)} results for “ceasefire”</p><ol class="'
            f'search-results">{items}</ol>')
    return Doc("search results", "Search", main, "Search the Example Institute.",
               {"@type": "SearchResultsPage", "name": "Search"}, "website")


# -- copies of publications: print views, untranslated language copies ----------------------

_HEAD = re.compile(rb"<head\b[^>]*>", re.IGNORECASE)
_CANONICAL = re.compile(rb"<link\b[^>]*\brel=[\"']?canonical\b[^>]*>", re.IGNORECASE)
_OG_URL = re.compile(rb"<meta\b[^>]*\bproperty=[\"']?og:url\b[^>]*>", re.IGNORECASE)
_LANG = re.compile(rb"(<html\b[^>]*?)\s(?:xml:)?lang=(?:\"[^\"]*\"|'[^']*'|[^\s>]+)",
                   re.IGNORECASE)


def into_head(body: bytes, tags: str) -> bytes:
    """Return a page with tags put at the start of its head."""
    found = _HEAD.search(body)
    at = found.end() if found else 0
    return body[:at] + tags.encode("utf-8") + body[at:]


def print_path(s: Served) -> str:
    """Return the address of a publication's print view ("?print=1")."""
    return s.path + ("&" if "?" in s.path else "?") + "print=1"


def copy(plan: Plan, path: str, body: bytes, label: str) -> None:
    """Serve a copy of a publication's page and note it as noise."""
    assert path not in plan.site.routes, f"noise over a served page: {path}"
    plan.site.add(path, body)
    NOISE.setdefault(id(plan.site), []).append(Noise(path, label))


def print_view(plan: Plan, s: Served) -> str:
    """Serve a publication's print view: its page with a print stylesheet, kept out of search
    engines (noindex), its canonical unchanged; return the card's link to it."""
    copy(plan, print_path(s), into_head(s.case.body, '<meta name="robots" content="noindex, '
                                        'nofollow"><link rel="stylesheet" media="all" href="/'
                                        'themes/custom/print.css">'), "print view")
    return f'<li><a class="card__print" href="{e(print_path(s))}" rel="nofollow">Print</a></li>'


def language_copy(plan: Plan, s: Served) -> str:
    """Serve a publication's French copy as Drupal and WPML do when a page has no translation:
    the English page under "/fr/", its own canonical, hreflang alternates naming the English
    original; return the card's link to it."""
    path = "/fr" + s.path
    body = _OG_URL.sub(b"", _CANONICAL.sub(b"", s.case.body))
    body = _LANG.sub(rb'\1 lang="fr"', body, count=1) if _LANG.search(body) else \
        re.sub(rb"<html\b", b'<html lang="fr"', body, count=1, flags=re.IGNORECASE)
    english, french = plan.site.url(s.path), plan.site.url(path)
    copy(plan, path, into_head(body, (
        f'<link rel="canonical" href="{e(french)}"><link rel="alternate" hreflang="en" href="'
        f'{e(english)}"><link rel="alternate" hreflang="fr" href="{e(french)}"><link rel="'
        f'alternate" hreflang="x-default" href="{e(english)}">')), "language copy")
    return f'<li><a class="card__lang" href="{e(path)}" hreflang="fr" lang="fr">Français</a></li>'


def copies(plan: Plan, served: list[Served], prints: range, french: range) -> dict[str, str]:
    """Serve the print views and French copies of some publications; return each one's extra
    card links by path."""
    extras: dict[str, str] = {}
    for k in prints:
        if k < len(served):
            extras[served[k].path] = extras.get(served[k].path, "") + print_view(plan, served[k])
    for k in french:
        if k < len(served):
            extras[served[k].path] = extras.get(served[k].path, "") + language_copy(plan,
                                                                                    served[k])
    return extras


# -- the noise of a site, served where its plan says ----------------------------------------

def by_author(served: list[Served], name: str) -> list[Served]:
    """Return the publications a name wrote (by the truth)."""
    return [s for s in served if name in names(s)]


def people(plan: Plan, served: list[Served], path: Callable[[Person], str],
           contributors: int = 3, og: str = "article") -> None:
    """Give the site's experts and the first few byline authors profile pages (their
    publications: the ones they wrote, else a few of the site's)."""
    authors = list(dict.fromkeys(n for s in served for n in names(s)))[:contributors]
    everyone = [*EXPERTS, *(contributor(n) for n in authors
                            if n not in {x.name for x in EXPERTS})]
    for x in everyone:
        plan.profiles[x.name] = path(x)
    for k, x in enumerate(everyone):
        pubs = by_author(served, x.name) or served[k::len(EXPERTS)][:3]
        plan.serve(plan.profiles[x.name],
                   profile_doc(plan, x, pubs, og if x in EXPERTS else "article"))


def serve_noise(plan: Plan, served: list[Served]) -> None:
    """Serve every page of the plan's URLs (events, job, shop...), profiles aside."""
    u, builders = plan.urls, {
        "experts": lambda: experts_doc(plan),
        "events": lambda: events_doc(plan), "job": lambda: job_doc(plan),
        "newsletter": lambda: newsletter_doc(plan), "donate": lambda: donate_doc(plan),
        "press": lambda: press_doc(plan), "program": lambda: program_doc(plan, served[1::3]),
        "topic": lambda: topic_doc(plan, TOPIC[0], served[::2]),
        "podcast": lambda: podcast_doc(plan), "shop": lambda: shop_doc(plan),
        "video": lambda: video_doc(plan), "search": lambda: search_doc(plan, served[2::2])}
    for ev in EVENTS:
        if f"event:{ev.slug}" in u:
            plan.serve(u[f"event:{ev.slug}"], event_doc(plan, ev))
    for name, build in builders.items():
        # A topic's page that is the start URL is the site's listing, not noise.
        if name in u and u[name] not in plan.site.routes and u[name] != plan.site.start:
            plan.serve(u[name], build())


def start_noise(site: Site) -> None:
    """Forget any noise an earlier site of the same id left (a new site starts with none)."""
    NOISE[id(site)] = []


# -- noise-cards: a Drupal listing whose card grid mixes other pages ------------------------

def shape_noise_cards(site: Site, cases: list[Case]) -> None:
    """A Drupal think tank's "/publications" listing, ten cards a page (rel=next), whose
    grid mixes an event, a video, a podcast show and a book with the publications; bylines
    link "/experts/<name>"; some cards link a print view and a French copy; page one ends
    with "Our experts", "Upcoming events" and "Related content" blocks in the main column."""
    start_noise(site)
    place(site, cases)
    site.start = "/publications"
    menu = (MENU[0], ("/publications", "Publications"), ("/events", "Events"),
            ("/experts", "Experts"), *MENU[1:])
    plan = Plan(site, head_drupal, menu, {
        **{f"event:{ev.slug}": f"/events/{ev.day:%Y/%m}/{ev.slug}" for ev in EVENTS},
        "events": "/events", "experts": "/experts", "program": "/programs/middle-east",
        "topic": "/topics/peace-processes", "podcast": "/podcasts/peace-talks",
        "shop": "/shop/the-long-ceasefire", "video": "/multimedia/videos/" + VIDEO[1],
        "search": "/search?q=ceasefire"})
    people(plan, site.served, lambda x: f"/experts/{x.slug}", og="profile")
    serve_noise(plan, site.served)
    extras = copies(plan, site.served, range(0, 9, 3), range(1, 8, 3))
    cards = [pub_card(plan, s, extras.get(s.path, "")) for s in site.served]
    u = plan.urls
    for at, card in ((2, event_card(plan, EVENTS[0])),
                     (5, noise_card("Video", VIDEO[0], u["video"], date(2024, 5, 2))),
                     (8, noise_card("Podcast", SHOW[0], u["podcast"],
                                    text="Our podcast on how wars end.")),
                     (11, noise_card("Book", BOOK[0], u["shop"], date(2024, 3, 5),
                                     "The new book by Jane Doe."))):
        cards.insert(min(at, len(cards)), card)
    pages = chunks(cards, 10)
    url = query_pages(site.start)
    blocks = experts_block(plan) + events_block(plan) + related_block(plan, site.served[3:])
    for n, chunk in enumerate(pages, 1):
        more = rel_next(url(n + 1)) if n < len(pages) else ""
        main = (f'<h1>Publications</h1><div class="card-grid">{"".join(chunk)}</div>{more}'
                + (blocks if n == 1 else ""))
        site.add(url(n), frame("Publications", main, menu=menu))


# -- noise-home: a home page of blocks ------------------------------------------------------

def shape_noise_home(site: Site, cases: list[Case]) -> None:
    """A small NGO's home page (the start URL), hand-made markup with no metadata beyond a
    description and addresses no taxonomy or site-page word names ("/our-people/<name>/",
    "/work-with-us/<job>/", "/issues/<topic>/"): a featured publication, "Latest research",
    "Upcoming events", "Our experts", teasers (a linked heading, a line, a button) of the
    podcast, a video, the book, the newsletter, a job, donations and press contacts; its menu
    links "/research/", the listing of the publications (twelve cards a page, bylines linking
    the authors' profiles, print views, French copies, a "Related content" block)."""
    start_noise(site)
    place(site, cases, lambda k: "/research")
    site.start = "/"
    menu = (MENU[0], ("/research/", "Research"), ("/events/", "Events"),
            ("/our-people/", "Our people"), ("/podcast/peace-talks/", "Podcast"),
            ("/about", "About"), ("/work-with-us/", "Work with us"), ("/ways-to-give/", "Give"))
    plan = Plan(site, head_plain, menu, {
        **{f"event:{ev.slug}": f"/events/{ev.slug}/" for ev in EVENTS},
        "events": "/events/", "experts": "/our-people/", "podcast": "/podcast/peace-talks/",
        "video": f"/video/{VIDEO[1]}/", "shop": f"/shop/{BOOK[1]}/",
        "newsletter": "/stay-informed/", "job": f"/work-with-us/{JOB[1]}/",
        "donate": "/ways-to-give/", "press": "/press/contacts/",
        "program": "/our-work/middle-east-program/", "topic": "/issues/peace-processes/",
        "search": "/search?q=ceasefire"})
    people(plan, site.served, lambda x: f"/our-people/{x.slug}/")
    serve_noise(plan, site.served)
    extras = copies(plan, site.served, range(2, 12, 4), range(3, 12, 4))
    cards = [pub_card(plan, s, extras.get(s.path, "")) for s in site.served]
    u = plan.urls
    pages = chunks(cards, 12)
    url = query_pages("/research/")
    for n, chunk in enumerate(pages, 1):
        more = rel_next(url(n + 1)) if n < len(pages) else ""
        related = related_block(plan, site.served[4:]) if n == 1 else ""
        site.add(url(n), frame("Research", f'<h1>Research</h1><div class="card-grid">'
                               f'{"".join(chunk)}</div>{more}{related}', menu=menu))
    blocks = [
        f'<section class="block block--featured"><h2>Featured</h2>{cards[0]}</section>',
        '<section class="block block--latest"><h2>Latest research</h2><div class="card-grid">'
        f'{"".join(cards[1:7])}</div><a class="more-link" href="/research/">All research</a>'
        "</section>", events_block(plan), experts_block(plan),
        teaser(f"Listen: {SHOW[0]}", EPISODES[0][0] + ". " + EPISODES[0][3], u["podcast"],
               "All episodes"),
        teaser(f"Watch: {VIDEO[0]}", "Three minutes with Jane Doe.", u["video"], "Watch now"),
        teaser(f"New book: {BOOK[0]}", "From Example Institute Press.", u["shop"],
               "Order the book"),
        teaser("Stay informed with our weekly newsletter", "Our analysis and events in your "
               "inbox every Friday.", u["newsletter"], "Sign up"),
        teaser(f"We're hiring: {JOB[0]}", "Apply by May 31, 2024.", u["job"], "See the job"),
        teaser("Support independent research for peace", "Your gift makes our work possible.",
               u["donate"], "Donate"),
        teaser("Media contacts for journalists", "Reach our experts for comment.", u["press"],
               "Contact us")]
    site.add("/", frame("Home", '<h1 class="visually-hidden">Example Institute</h1>'
                        + "".join(blocks), '<meta name="description" content="Independent '
                        'research for peace.">', menu))
    site.add("/work-with-us/", frame("Work with us", '<h1>Work with us</h1><p>Open positions.'
                                     f'</p><ul><li><a href="{u["job"]}">{JOB[0]}</a></li></ul>',
                                     menu=menu))
    NOISE[id(site)].append(Noise("/work-with-us/", "jobs listing"))


def teaser(heading: str, text: str, href: str, action: str) -> str:
    """Return a home page's teaser block: a linked heading, a line of text and a button."""
    return (f'<section class="block block--teaser"><h2><a href="{e(href)}">{e(heading)}</a></h2>'
            f'<p>{e(text)}</p><a class="button" href="{e(href)}">{e(action)}</a></section>')


# -- noise-topic: a topic's landing page as the start URL -----------------------------------

def shape_noise_topic(site: Site, cases: list[Case]) -> None:
    """A topic's landing page ("/topics/peace-processes", the start URL) in a Drupal site
    that writes schema.org JSON-LD: a description, the topic's publications (ten cards a
    page, `?page=N`; chips, bylines linking "/people/<name>", print views and French
    copies), and in the main column "Experts on this topic", "Upcoming events", a program,
    the podcast, a video, the book, a related topic and a search link."""
    start_noise(site)
    place(site, cases)
    site.start = f"/topics/{TOPIC[1]}"
    menu = (MENU[0], ("/research", "Research"), ("/topics", "Topics"), ("/people", "Experts"),
            ("/events", "Events"), *MENU[1:])
    plan = Plan(site, head_schema, menu, {
        **{f"event:{ev.slug}": f"/events/{ev.slug}" for ev in EVENTS},
        "events": "/events", "topic": site.start,
        "program": "/programs/middle-east-and-north-africa", "podcast": "/podcasts/peace-talks",
        "video": f"/multimedia/{VIDEO[1]}", "shop": f"/books/{BOOK[1]}",
        "newsletter": "/newsletter?topic=peace-processes", "search": "/search?q=ceasefire"})
    people(plan, site.served, lambda x: f"/people/{x.slug}")
    serve_noise(plan, site.served)
    other = "/topics/mediation"
    mediation = topic_doc(plan, "Mediation", site.served[1::3])
    plan.serve(other, mediation)
    extras = copies(plan, site.served, range(1, 10, 4), range(0, 10, 4))
    cards = [pub_card(plan, s, extras.get(s.path, "")) for s in site.served]
    u = plan.urls
    side = "".join((
        experts_block(plan, "Experts on this topic"), events_block(plan),
        '<section class="block block--more"><h2>More on this topic</h2><div class="card-grid">',
        noise_card("Program", PROGRAM, u["program"], text="Our work in the region."),
        noise_card("Podcast", SHOW[0], u["podcast"], EPISODES[0][1], EPISODES[0][0]),
        noise_card("Video", VIDEO[0], u["video"], date(2024, 5, 2)),
        noise_card("Book", BOOK[0], u["shop"], date(2024, 3, 5), "The new book by Jane Doe."),
        "</div></section>", '<section class="block block--topics"><h2>Related topics</h2><ul>'
        f'<li><a href="{other}">Mediation</a></li></ul><p><a href="{u["search"]}">Search all '
        'content on ceasefires</a> | <a href="' + u["newsletter"] + '">Get updates on this '
        "topic</a></p></section>"))
    pages = chunks(cards, 10)
    description = ('<div class="topic__description"><p>How wars end matters as much as how '
                   "they begin. Our experts study negotiations, ceasefires and peace "
                   "agreements, and work with the people who make them, from track-two "
                   "dialogues to the implementation of signed accords.</p></div>")
    head = ld({"@type": "CollectionPage", "name": TOPIC[0]})
    for n, chunk in enumerate(pages, 1):
        here = site.start if n == 1 else f"{site.start}?page={n - 1}"
        more = rel_next(f"{site.start}?page={n}") if n < len(pages) else ""
        main = (f"<h1>{TOPIC[0]}</h1>" + (description if n == 1 else "")
                + f'<div class="card-grid">{"".join(chunk)}</div>{more}'
                + (side if n == 1 else ""))
        site.add(here, frame(TOPIC[0], main, head, menu))


# -- noise-sitemap: WordPress whose sitemap index lists every post type ---------------------

WP_TYPES = ("post", "page", "tribe_events", "team", "product", "job_listing", "podcast",
            "video", "category", "post_tag", "author")


def shape_noise_sitemap(site: Site, cases: list[Case]) -> None:
    """A WordPress site (Yoast SEO, The Events Calendar, WooCommerce, WP Job Manager, WPML)
    whose sitemap index is the start URL: one sitemap per post type and taxonomy, the posts
    (the publications) with two French copies, pages (home, program, donation, newsletter,
    press), events, team members, a product, a job, the podcast, a video, a category, a tag
    and an author archive. Yoast writes og:type "article" and a WebPage dated by its
    creation on every page; the plugins add their own JSON-LD (Event, Product, JobPosting)."""
    start_noise(site)
    place(site, cases)
    site.start, site.via = "/sitemap_index.xml", "sitemap"
    menu = (MENU[0], ("/publications/", "Publications"), ("/events/", "Events"),
            ("/our-team/", "Our team"), *MENU[1:])
    plan = Plan(site, head_yoast, menu, {
        **{f"event:{ev.slug}": f"/event/{ev.slug}/" for ev in EVENTS},
        "experts": "/our-team/", "program": "/our-work/middle-east-program/",
        "donate": "/support-our-work/", "newsletter": "/stay-informed/",
        "press": "/newsroom/media-contacts/", "shop": f"/shop/{BOOK[1]}/",
        "job": f"/job/{JOB[1]}/", "podcast": f"/podcast/{SHOW[1]}/",
        "video": f"/videos/{VIDEO[1]}/", "topic": f"/tag/{TOPIC[1]}/"})
    people(plan, site.served, lambda x: f"/our-team/{x.slug}/", contributors=0)
    serve_noise(plan, site.served)
    copies(plan, site.served, range(0), range(1, 6, 4))
    u = plan.urls
    extra = {"category": ["/category/analysis/"], "author": ["/author/jdoe/"]}
    for path in extra["category"] + extra["author"]:
        plan.serve(path, topic_doc(plan, "Analysis" if "category" in path else "Jane Doe",
                                   site.served[::3]))
    french = [x.path for x in NOISE[id(site)] if x.kind == "language copy"]
    groups = {
        "post": [s.link for s in site.served] + french,
        "page": ["/", u["program"], u["donate"], u["newsletter"], u["press"], u["experts"]],
        "tribe_events": [u[f"event:{ev.slug}"] for ev in EVENTS],
        "team": [plan.profiles[x.name] for x in EXPERTS], "product": [u["shop"]],
        "job_listing": [u["job"]], "podcast": [u["podcast"]], "video": [u["video"]],
        "post_tag": [u["topic"]], **extra}
    latest = "".join(pub_card(plan, s) for s in site.served[:3])
    site.add("/", frame("Home", f"<h1>Welcome</h1><section><h2>Latest</h2>{latest}</section>"
                        + events_block(plan), menu=menu))
    for name in WP_TYPES:
        rows = "".join(f"<url><loc>{e(site.url(p))}</loc><lastmod>2024-05-02T15:40:00+00:00"
                       "</lastmod></url>" for p in groups[name])
        site.add(f"/{name}-sitemap.xml", yoast(site, rows), XML)
    index = "".join(f"<sitemap><loc>{site.base}/{name}-sitemap.xml</loc><lastmod>2024-06-01T08:"
                    "00:00+00:00</lastmod></sitemap>" for name in WP_TYPES)
    site.add(site.start, '<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://'
             f'www.sitemaps.org/schemas/sitemap/0.9">{index}</sitemapindex>\n<!-- XML Sitemap '
             "generated by Yoast SEO -->", XML)


NOISE_SHAPES: dict[str, Callable[[Site, list[Case]], None]] = {
    "noise-cards": shape_noise_cards, "noise-home": shape_noise_home,
    "noise-topic": shape_noise_topic, "noise-sitemap": shape_noise_sitemap,
}
