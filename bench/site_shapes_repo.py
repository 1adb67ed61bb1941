"""Site shapes of the repository, journal, government, central-bank and IGO world for
bench/sites.py: the markup those platforms write, beyond bench/site_shapes_more.py's CMSs.

A DSpace 6 (Mirage2) collection browsed by issue date (`?offset=` pages), an OJS 3 journal
from its issue archive to the issues' tables of contents, a central bank's publications
table mixing pages with PDF-only publications (their synthetic truth in `Site.files`), a
GOV.UK finder (`gem-c-document-list`, `govuk-pagination`), a think tank's faceted search on
research.<domain> whose results live on www.<domain>, a WordPress theme's "Load more"
button without an address (the rest only in WordPress's own `/wp-sitemap.xml`), and an
EPrints repository browsed by year. Registered by bench/sites.py after the others
(`REPO_SHAPES`). Cards give the truth's title, day and authors where the platform shows
them, as everywhere in the benchmark; a page served at the platform's own address
(`/handle/10419/2003`, `/index.php/jpr/article/view/345`) keeps its corpus bytes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from site_shapes import (RESERVED, Case, File, Served, Site, e, frame, long_day, norm, place)
from site_shapes_more import PDF, XML, chunks, kind, slug, stamp, topic, us_day

PDF_TYPE = {"Content-Type": "application/pdf"}
TEXT = {"Content-Type": "text/plain"}


def at(site: Site, cases: list[Case], path: Callable[[int, Case], str]) -> None:
    """Serve each case at the platform's own address for it (made unique by a number)."""
    taken = set(RESERVED) | set(site.routes)
    for k, case in enumerate(cases):
        key = norm(path(k, case))
        if key in taken:
            key = norm(path(k, case).rstrip("/") + f"-{k}" + "/" * key.endswith("/"))
        assert key not in taken, key
        taken.add(key)
        site.add(key, case.body)
        site.served.append(Served(case, key, key))


def newest_first(served: list[Served]) -> list[Served]:
    """Return served cases by day, newest first, the undated last (in corpus order)."""
    return sorted(served, key=lambda s: s.case.day or date.min, reverse=True)


def names(s: Served) -> list[str]:
    """Return the truth's authors (none when not annotated)."""
    return [" ".join(n.split()) for n in s.case.truth.get("authors") or [] if n.strip()]


def inverted(name: str) -> str:
    """Return 'Doe, Jane' of 'Jane Doe', as repositories list people (one word kept)."""
    parts = name.split()
    return name if len(parts) < 2 or "," in name else f"{parts[-1]}, {' '.join(parts[:-1])}"


def word_slug(title: str, words: int = 8) -> str:
    """Return a permalink slug of a title's first words."""
    return "-".join(slug(title).split("-")[:words]) or "item"


# -- DSpace 6 (XMLUI, Mirage2) --------------------------------------------------------------

DSPACE_COLLECTION = "/handle/10419/1"


def dspace_page(title: str, trail: str, main: str) -> str:
    """Return a Mirage2 page: navbar, breadcrumb trail, main column and the options sidebar."""
    options = "".join(f'<a href="{h}" class="list-group-item ds-option">{t}</a>' for h, t in (
        ("/community-list", "Communities &amp; Collections"), ("/browse?type=dateissued",
                                                               "By Issue Date"),
        ("/browse?type=author", "Authors"), ("/browse?type=title", "Titles"),
        ("/browse?type=subject", "Subjects")))
    here = "".join(f'<a href="{DSPACE_COLLECTION}/browse?type={t}" class="list-group-item '
                   f'ds-option">{label}</a>' for t, label in (
                       ("dateissued", "By Issue Date"), ("author", "Authors"),
                       ("title", "Titles"), ("subject", "Subjects")))
    return (
        '<!DOCTYPE html><html class="no-js" lang="en"><head><meta charset="utf-8"><meta '
        'http-equiv="X-UA-Compatible" content="IE=edge"><meta name="viewport" content="width='
        f'device-width,initial-scale=1"><title>{e(title)}</title><link rel="shortcut icon" '
        'href="/themes/Mirage2/images/favicon.ico"><link rel="stylesheet" href="/themes/'
        'Mirage2/styles/main.css"><link rel="search" type="application/opensearchdescription+'
        'xml" href="/open-search/description.xml" title="DSpace"><meta name="Generator" '
        'content="DSpace 6.3"></head><body><header><div class="navbar navbar-default navbar-'
        'static-top" role="navigation"><div class="container"><div class="navbar-header"><a '
        'href="/" class="navbar-brand"><img src="/themes/Mirage2/images/logo.svg" alt="Example '
        'Institute Repository"></a><div class="navbar-header pull-right hidden-xs"><ul class="'
        'nav navbar-nav pull-left"><li><a href="/login"><span class="hidden-xs">Login</span>'
        '</a></li></ul></div></div></div></div></header><div class="trail-wrapper hidden-print">'
        '<div class="container"><div class="row"><div class="col-xs-12"><ul class="breadcrumb">'
        '<li><i class="glyphicon glyphicon-home" aria-hidden="true"></i>&#160;<a href="/">'
        f'Repository Home</a></li>{trail}</ul></div></div></div></div><div class="container" '
        'id="main-container"><div class="row row-offcanvas row-offcanvas-right"><div class="'
        'horizontal-slider clearfix"><div class="col-xs-12 col-sm-12 col-md-9 main-content">'
        f'{main}</div><div role="navigation" id="sidebar" class="col-xs-6 col-sm-3 sidebar-'
        'offcanvas"><div class="word-break hidden-print" id="ds-options"><div class="ds-option-'
        'set" id="ds-search-option"><form id="ds-search-form" class="" method="post" action="/'
        'discover"><fieldset><div class="input-group"><input placeholder="Search the '
        'repository" type="text" class="ds-text-field form-control" name="query"><span class="'
        'input-group-btn"><button class="ds-button-field btn btn-primary" title="Go"><span '
        'class="glyphicon glyphicon-search" aria-hidden="true"></span></button></span></div>'
        '</fieldset></form></div><h2 class="ds-option-set-head  h6">Browse</h2><div id="'
        'aspect_viewArtifacts_Navigation_list_browse" class="list-group"><a class="list-group-'
        'item active"><span class="h5 list-group-item-heading  h5">All of Repository</span>'
        f'</a>{options}<a class="list-group-item active"><span class="h5 list-group-item-'
        f'heading  h5">This Collection</span></a>{here}</div><h2 class="ds-option-set-head  h6">'
        'My Account</h2><div id="aspect_viewArtifacts_Navigation_list_account" class="list-'
        'group"><a href="/login" class="list-group-item ds-option">Login</a><a href="/register"'
        ' class="list-group-item ds-option">Register</a></div></div></div></div></div></div>'
        '</div><footer><div class="row"><hr><div class="col-xs-7 col-sm-8"><div><a href="http://'
        'www.dspace.org/" target="_blank">DSpace software</a> copyright&#160;&#169;&#160;2002-'
        '2016&#160; <a href="http://www.duraspace.org/" target="_blank">DuraSpace</a></div><div '
        'class="hidden-print"><a href="/contact">Contact Us</a> | <a href="/feedback">Send '
        'Feedback</a></div></div></div></footer></body></html>')


def dspace_item(s: Served) -> str:
    """Return a Mirage2 browse row: thumbnail, title heading link, authors, publisher, date."""
    people = "; ".join(f"<span>{e(inverted(n))}</span>" for n in names(s))
    authors = f'<span class="author h4"><small>{people}</small></span> ' if people else ""
    day = f', <span class="date">{s.case.day}</span>' if s.case.day else ""
    return (f'<div class="ds-artifact-item row"><div class="col-sm-3 hidden-xs"><div class="'
            f'thumbnail artifact-preview"><a class="image-link" href="{e(s.link)}"><img class="'
            'img-responsive img-thumbnail" src="/themes/Mirage2/images/mime.png" alt="Thumbnail">'
            '</a></div></div><div class="col-sm-9 artifact-description"><a href="'
            f'{e(s.link)}"><h4 class="title">{e(s.case.title)}</h4></a><div class="artifact-'
            f'info">{authors}<span class="publisher-date h4"><small>(<span class="publisher">'
            f"Example Institute</span>{day})</small></span></div></div></div>")


def shape_dspace(site: Site, cases: list[Case]) -> None:
    """A DSpace 6 collection browsed by issue date (Mirage2), ten a page: artifact rows,
    the year jump form, and "Next Page" to `browse?rpp=10&offset=10&...` (relative)."""
    # Handles of five digits: one of 1900-2099 reads as a year archive (in the report).
    at(site, cases, lambda k, c: f"/handle/10419/{27345 + 7 * k}")
    site.start = f"{DSPACE_COLLECTION}/browse?type=dateissued"
    rows = [dspace_item(s) for s in newest_first(site.served)]
    pages = chunks(rows, 10)
    years = sorted({s.case.day.year for s in site.served if s.case.day}, reverse=True)

    def query(n: int) -> str:
        """Return the browse query of page n (0-based), as Mirage2 links it."""
        return (f"rpp=10&offset={10 * n}&etal=-1&sort_by=2&type=dateissued&starts_with="
                "&order=DESC")

    for n, chunk in enumerate(pages):
        first, last = 10 * n + 1, 10 * n + len(chunk)
        links = ((f'<li class="previous"><a class="previous-page-link" href="browse?'
                  f'{e(query(n - 1))}"><span class="glyphicon glyphicon-arrow-left"></span> '
                  "Previous Page</a></li>" if n else "")
                 + (f'<li class="next"><a class="next-page-link" href="browse?{e(query(n + 1))}"'
                    '>Next Page <span class="glyphicon glyphicon-arrow-right"></span></a></li>'
                    if n + 1 < len(pages) else ""))
        jump = "".join(f'<option value="{y}">{y}</option>' for y in years)
        main = (
            '<div><h2 class="ds-div-head page-header first-page-header">Browsing Working Papers'
            ' by Issue Date</h2><div id="aspect_artifactbrowser_ConfigurableBrowse_div_browse-'
            'by-dateissued" class="ds-static-div primary"><form id="aspect_artifactbrowser_'
            'ConfigurableBrowse_div_browse-navigation" class="ds-interactive-div secondary '
            'navigation" action="browse" method="post"><div class="row"><div class="col-xs-4">'
            '<p>Jump to a point in the index:</p></div><div class="col-xs-4"><select class="ds-'
            'select-field form-control" name="year"><option value="-1">(Choose year)</option>'
            f'{jump}</select></div><div class="col-xs-4"><input class="ds-text-field form-'
            'control" placeholder="Or type in a year:" name="starts_with" type="text"></div>'
            '</div><button class="ds-button-field btn btn-default" name="submit" type="submit">'
            f'Go</button></form><div class="pagination-masked clearfix top"><div class="row">'
            f'<div class="col-xs-9"><p class="pagination-info">Now showing items {first}-{last} '
            f'of {len(rows)}</p></div><div class="col-xs-3"><div class="btn-group sort-options-'
            'menu pull-right"><button data-toggle="dropdown" class="btn btn-default dropdown-'
            'toggle"><span class="glyphicon glyphicon-cog" aria-hidden="true"></span></button>'
            '<ul role="menu" class="dropdown-menu pull-right"><li class="dropdown-header">Sort '
            'by:</li><li><a data-returnvalue="1" href="#">title</a></li><li><a data-returnvalue'
            '="2" href="#">issue date</a></li><li class="dropdown-header">Results:</li><li><a '
            'data-returnvalue="10" href="#">10</a></li><li><a data-returnvalue="20" href="#">20'
            '</a></li></ul></div></div></div></div><div id="aspect_artifactbrowser_Configurable'
            'Browse_div_browse-by-dateissued-results" class="ds-static-div primary"><div class="'
            f'ds-artifact-list">{"".join(chunk)}</div></div><div class="pagination-masked '
            f'clearfix bottom"><ul class="pagination">{links}</ul></div></div></div>')
        trail = (f'<li><a href="{DSPACE_COLLECTION}">Working Papers</a></li><li class="active">'
                 "Browsing Working Papers by Issue Date</li>")
        page = dspace_page("Browsing Working Papers by Issue Date", trail, main)
        site.add(f"{DSPACE_COLLECTION}/browse?{query(n)}", page)
        if n == 0:
            site.add(site.start, page)


# -- OJS 3.3 --------------------------------------------------------------------------------

OJS = "/index.php/jpr"
JOURNAL = "Journal of Peace and Conflict Studies"


def ojs_page(title: str, body_class: str, main: str, site: Site) -> str:
    """Return an OJS 3.3 default-theme page: header menus, main, sidebar blocks, footer."""
    feed = f"{OJS}/gateway/plugin/WebFeedGatewayPlugin"
    return (
        f'<!DOCTYPE html><html lang="en-US" xml:lang="en-US"><head><meta charset="utf-8"><meta'
        ' name="viewport" content="width=device-width, initial-scale=1.0"><title>'
        f'{e(title)} | {JOURNAL}</title><meta name="generator" content="Open Journal Systems '
        f'3.3.0.14"><link rel="alternate" type="application/atom+xml" href="{site.base}{feed}/'
        f'atom"><link rel="alternate" type="application/rdf+xml" href="{site.base}{feed}/rss">'
        f'<link rel="alternate" type="application/rss+xml" href="{site.base}{feed}/rss2"><link '
        f'rel="stylesheet" href="{site.base}{OJS}/$$$call$$$/page/page/css?name=stylesheet" '
        f'type="text/css"></head><body class="pkp_page_{body_class} has_site_logo" dir="ltr">'
        '<div class="pkp_structure_page"><header class="pkp_structure_head" id="headerNavigation'
        'Container" role="banner"><nav class="cmp_skip_to_content" aria-label="Jump to content'
        ' links"><a href="#pkp_content_main">Skip to main content</a><a href="#siteNav">Skip '
        'to main navigation menu</a></nav><div class="pkp_head_wrapper"><div class="pkp_site_'
        f'name_wrapper"><div class="pkp_site_name"><a href="{OJS}/index" class="is_text">'
        f'{JOURNAL}</a></div></div><nav class="pkp_site_nav_menu" aria-label="Site Navigation">'
        '<a id="siteNav"></a><div class="pkp_navigation_primary_row"><div class="pkp_navigation'
        '_primary_wrapper"><ul id="navigationPrimary" class="pkp_navigation_primary pkp_nav_'
        f'list"><li><a href="{OJS}/issue/current">Current</a></li><li><a href="{OJS}/issue/'
        f'archive">Archives</a></li><li><a href="{OJS}/announcement">Announcements</a></li><li>'
        f'<a href="{OJS}/about">About</a><ul><li><a href="{OJS}/about">About the Journal</a>'
        f'</li><li><a href="{OJS}/about/submissions">Submissions</a></li><li><a href="{OJS}/'
        f'about/editorialTeam">Editorial Team</a></li><li><a href="{OJS}/about/privacy">Privacy'
        f' Statement</a></li><li><a href="{OJS}/about/contact">Contact</a></li></ul></li></ul>'
        f'<div class="pkp_navigation_search_wrapper"><a href="{OJS}/search" class="pkp_search '
        'pkp_search_desktop"><span class="fa fa-search" aria-hidden="true"></span> Search</a>'
        '</div></div></div><div class="pkp_navigation_user_wrapper" id="navigationUserWrapper">'
        '<ul id="navigationUser" class="pkp_navigation_user pkp_nav_list"><li class="profile">'
        f'<a href="{OJS}/user/register">Register</a></li><li class="profile"><a href="{OJS}/'
        'login">Login</a></li></ul></div></nav></div></header><div class="pkp_structure_content'
        ' has_sidebar"><div class="pkp_structure_main" role="main"><a id="pkp_content_main">'
        f'</a>{main}</div><div class="pkp_structure_sidebar left" role="complementary" aria-'
        'label="Sidebar"><div class="pkp_block block_make_submission"><h2 class="pkp_screen_'
        'reader">Make a Submission</h2><div class="content"><a class="block_make_submission_'
        f'link" href="{OJS}/about/submissions">Make a Submission</a></div></div><div class="'
        'pkp_block block_web_feed"><h2 class="title">Current Issue</h2><div class="content"><ul>'
        f'<li><a href="{feed}/atom"><img src="/lib/pkp/templates/images/atom.svg" alt="Atom logo">'
        f'</a></li><li><a href="{feed}/rss2"><img src="/lib/pkp/templates/images/rss20_logo.svg"'
        f' alt="RSS2 logo"></a></li><li><a href="{feed}/rss"><img src="/lib/pkp/templates/'
        'images/rss10_logo.svg" alt="RSS1 logo"></a></li></ul></div></div><div class="pkp_block'
        ' block_information"><h2 class="title">Information</h2><div class="content"><ul><li><a '
        f'href="{OJS}/information/readers">For Readers</a></li><li><a href="{OJS}/information/'
        f'authors">For Authors</a></li><li><a href="{OJS}/information/librarians">For Librarians'
        '</a></li></ul></div></div></div></div><div class="pkp_structure_footer_wrapper" role="'
        'contentinfo"><a id="pkp_content_footer"></a><div class="pkp_structure_footer"><div '
        'class="pkp_footer_content"><p>ISSN 2345-6789 (Online)</p></div><div class="pkp_brand_'
        f'footer" role="complementary"><a href="{OJS}/about/aboutThisPublishingSystem"><img alt='
        '"More information about the publishing system, Platform and Workflow by OJS/PKP." src='
        '"/templates/images/ojs_brand.png"></a></div></div></div></div></body></html>')


def ojs_summary(s: Served, article: int) -> str:
    """Return OJS 3.3's article summary: title link, authors, pages, date, the PDF galley."""
    view = f"{OJS}/article/view/{article}"
    people = f'<div class="authors">{e(", ".join(names(s)))}</div>' if names(s) else ""
    day = f'<div class="published">{s.case.day}</div>' if s.case.day else ""
    first = 1 + 23 * (article % 7)
    return (f'<div class="obj_article_summary"><h3 class="title"><a id="article-{article}" '
            f'href="{e(s.link)}">{e(s.case.title)}</a></h3><div class="meta">{people}<div class='
            f'"pages">{first}-{first + 21}</div>{day}</div><ul class="galleys_links"><li><a '
            f'class="obj_galley_link pdf" href="{view}/{article + 333}" aria-labelledby="article-'
            f'{article}">PDF</a></li></ul></div>')


def ojs_galley(site: Site, s: Served, article: int) -> None:
    """Serve an article's PDF galley: pdf.js viewer page and the file it downloads."""
    galley, download = (f"{OJS}/article/view/{article}/{article + 333}",
                        f"{OJS}/article/download/{article}/{article + 333}")
    site.add(download, PDF, PDF_TYPE)
    site.add(galley, (
        '<!DOCTYPE html><html lang="en-US" xml:lang="en-US"><head><meta charset="utf-8"><meta '
        f'name="viewport" content="width=device-width, initial-scale=1.0"><title>View of '
        f'{e(s.case.title)}</title><link rel="stylesheet" href="/plugins/generic/pdfJsViewer/'
        'pdf.js/web/viewer.css" type="text/css"></head><body class="pkp_page_article pkp_op_view">'
        f'<header class="header_view"><a href="{e(s.link)}" class="return"><span class="pkp_'
        f'screen_reader">Return to Article Details</span></a><a href="{e(s.link)}" class="title">'
        f'{e(s.case.title)}</a><a href="{download}" class="download" download><span class="label">'
        'Download</span><span class="pkp_screen_reader">Download PDF</span></a></header><div '
        'id="pdfCanvasContainer" class="galley_view"><iframe src="/plugins/generic/pdfJsViewer/'
        f'pdf.js/web/viewer.html?file={e(site.base + download)}" width="100%" height="100%" '
        'style="min-height: 500px;" title="PDF" allowfullscreen webkitallowfullscreen></iframe>'
        "</div></body></html>"))


def shape_ojs(site: Site, cases: list[Case]) -> None:
    """An OJS 3.3 journal from its issue archive (the start URL): four issues of five
    articles each, every issue's table of contents listing its article summaries with a PDF
    galley; the web feed plugin's Atom feed gives the current issue's articles."""
    at(site, cases, lambda k, c: f"{OJS}/article/view/{345 + 4 * k}")
    site.start = f"{OJS}/issue/archive"
    articles = {s.path: int(s.path.rsplit("/", 1)[1]) for s in site.served}
    held = newest_first(site.served)
    issues = [held[i:i + 5] for i in range(0, len(held), 5)]
    summaries = []
    for n, held in enumerate(issues):
        number = 12 - n
        newest = next((s.case.day for s in held if s.case.day), None)
        year = newest.year if newest else 2024 - n
        label = f"Vol. {5 - n // 2} No. {2 - n % 2} ({year})"
        toc = "".join(f"<li>{ojs_summary(s, articles[s.path])}</li>" for s in held)
        for s in held:
            ojs_galley(site, s, articles[s.path])
        published = (f'<div class="published"><span class="label">Published:</span><span class='
                     f'"value">{newest}</span></div>' if newest else "")
        main = (f'<div class="page page_issue"><nav class="cmp_breadcrumbs" role="navigation" '
                f'aria-label="You are here:"><ol><li><a href="{OJS}/index">Home</a><span class="'
                f'separator">/</span></li><li><a href="{OJS}/issue/archive">Archives</a><span '
                f'class="separator">/</span></li><li class="current"><span aria-current="page">'
                f'{label}</span></li></ol></nav><h1>{label}</h1><div class="obj_issue_toc"><div '
                f'class="heading"><a class="cover" href="{OJS}/issue/view/{number}"><img src="/'
                f'public/journals/1/cover_issue_{number}_en_US.jpg" alt=""></a>{published}</div>'
                '<div class="sections"><div class="section"><h2>Articles</h2><ul class="cmp_'
                f'article_list articles">{toc}</ul></div></div></div></div>')
        page = ojs_page(label, "issue pkp_op_view", main, site)
        site.add(f"{OJS}/issue/view/{number}", page)
        if n == 0:
            site.add(f"{OJS}/issue/current", page)
        summaries.append(
            f'<li><div class="obj_issue_summary"><a class="cover" href="{OJS}/issue/view/{number}'
            f'"><img src="/public/journals/1/cover_issue_{number}_en_US.jpg" alt=""></a><h2><a '
            f'class="title" href="{OJS}/issue/view/{number}">{label}</a></h2></div></li>')
    site.add(site.start, ojs_page("Archives", "issue pkp_op_archive", (
        f'<div class="page page_issue_archive"><nav class="cmp_breadcrumbs" role="navigation" '
        f'aria-label="You are here:"><ol><li><a href="{OJS}/index">Home</a><span class="'
        'separator">/</span></li><li class="current"><span aria-current="page">Archives</span>'
        f'</li></ol></nav><h1>Archives</h1><ul class="issues_archive">{"".join(summaries)}</ul>'
        "</div>"), site))
    ojs_feed(site, issues[0] if issues else [])


def ojs_feed(site: Site, current: list[Served]) -> None:
    """Serve the web feed plugin's feeds of the current issue: Atom, RSS 2.0 and RSS 1.0."""
    entries = "".join(
        f'<entry><id>{site.url(s.link)}</id><title>{e(s.case.title)}</title>'
        + (f"<updated>{stamp(s.case.day, 10)}</updated>" if s.case.day else "")
        + "".join(f"<author><name>{e(n)}</name></author>" for n in names(s))
        + f'<link rel="alternate" href="{site.url(s.link)}"/>'
        + (f"<published>{stamp(s.case.day, 0)}</published>" if s.case.day else "")
        + "</entry>" for s in current)
    site.add(f"{OJS}/gateway/plugin/WebFeedGatewayPlugin/atom", (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><id>'
        f"{site.base}{OJS}/issue/view/12</id><title>{JOURNAL}</title><updated>2024-06-01T00:00:"
        "00+00:00</updated><author><name>Journal Editor</name></author><link rel=\"alternate\" "
        f'href="{site.base}{OJS}"/><link rel="self" type="application/atom+xml" href="'
        f'{site.base}{OJS}/gateway/plugin/WebFeedGatewayPlugin/atom"/><generator uri="https://'
        f'pkp.sfu.ca/ojs/" version="3.3.0.14">Open Journal Systems</generator>{entries}</feed>'),
        {"Content-Type": "application/atom+xml; charset=utf-8"})
    items = "".join(
        f"<item><title>{e(s.case.title)}</title><link>{site.url(s.link)}</link><guid "
        f'isPermaLink="true">{site.url(s.link)}</guid>'
        + "".join(f"<dc:creator>{e(n)}</dc:creator>" for n in names(s))
        + (f"<pubDate>{s.case.day:%a, %d %b %Y} 00:00:00 +0000</pubDate>" if s.case.day else "")
        + "</item>" for s in current)
    site.add(f"{OJS}/gateway/plugin/WebFeedGatewayPlugin/rss2", (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/'
        f'elements/1.1/"><channel><title>{JOURNAL}</title><link>{site.base}{OJS}</link>'
        "<description>Current issue</description><language>en-US</language><generator>OJS "
        f"3.3.0.14</generator>{items}</channel></rss>"),
        {"Content-Type": "application/rss+xml; charset=utf-8"})
    seq = "".join(f'<rdf:li rdf:resource="{site.url(s.link)}"/>' for s in current)
    rdf_items = "".join(
        f'<item rdf:about="{site.url(s.link)}"><title>{e(s.case.title)}</title><link>'
        f"{site.url(s.link)}</link>"
        + "".join(f"<dc:creator>{e(n)}</dc:creator>" for n in names(s))
        + (f"<dc:date>{s.case.day}</dc:date>" if s.case.day else "") + "</item>"
        for s in current)
    site.add(f"{OJS}/gateway/plugin/WebFeedGatewayPlugin/rss", (
        '<?xml version="1.0" encoding="utf-8"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-'
        'rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/'
        f'1.1/"><channel rdf:about="{site.base}{OJS}"><title>{JOURNAL}</title><link>{site.base}'
        f"{OJS}</link><description>Current issue</description><items><rdf:Seq>{seq}</rdf:Seq>"
        f"</items></channel>{rdf_items}</rdf:RDF>"),
        {"Content-Type": "application/rdf+xml; charset=utf-8"})


# -- a central bank's publications table ----------------------------------------------------

# Publications that are only a PDF, titled by their link: title, day, file, size, type.
BANK_FILES = (
    ("Financial Stability Report – May 2024", date(2024, 5, 15), "fsr-2024-05", "2.1 MB",
     "Financial Stability Report"),
    ("Monetary Policy Report – April 2024", date(2024, 4, 24), "mpr-2024-04", "3.4 MB",
     "Monetary Policy Report"),
    ("Annual Report 2023", date(2024, 3, 28), "annual-report-2023", "5.8 MB", "Annual Report"),
    ("Payment Systems Oversight Report 2023", date(2024, 2, 12), "pso-report-2023", "1.2 MB",
     "Report"),
    ("Quarterly Bulletin 2023 Q4", date(2023, 12, 14), "qb-2023-q4", "4.0 MB", "Bulletin"),
    ("Financial Stability Report – November 2023", date(2023, 11, 22), "fsr-2023-11", "2.4 MB",
     "Financial Stability Report"),
    ("Household Debt and the Transmission of Monetary Policy", date(2023, 10, 5),
     "wp-2023-14", "980 KB", "Working Paper"),
    ("Climate Risk in Bank Balance Sheets", date(2023, 9, 18), "sdn-2023-03", "1.6 MB",
     "Staff Discussion Note"),
    ("Monetary Policy Report – July 2023", date(2023, 7, 12), "mpr-2023-07", "3.1 MB",
     "Monetary Policy Report"),
    ("Survey of Professional Forecasters: Second Quarter 2023", date(2023, 6, 2), "spf-2023-q2",
     "640 KB", "Survey"),
)
# Releases listed with an unlinked title and a bare "PDF" link (a documented limit).
BANK_RELEASES = (
    ("Statistical Bulletin – March 2024", date(2024, 3, 15), "stat-bulletin-2024-03", "850 KB"),
    ("Statistical Bulletin – February 2024", date(2024, 2, 15), "stat-bulletin-2024-02",
     "830 KB"),
    ("Statistical Bulletin – January 2024", date(2024, 1, 16), "stat-bulletin-2024-01",
     "845 KB"),
)
BANK_MENU = (("/", "Home"), ("/en/monetary-policy/", "Monetary policy"),
             ("/en/financial-stability/", "Financial stability"), ("/en/publications/",
                                                                   "Publications"),
             ("/en/statistics/", "Statistics"), ("/about", "About"), ("/contact", "Contact"))


def bank_row(title: str, href: str, kind_label: str, day: date | None) -> tuple[date, str]:
    """Return a table row (title link, type, date) and the day it sorts by."""
    return (day or date.min,
            f'<tr><td class="title"><a href="{e(href)}">{e(title)}</a></td><td class="type">'
            f'{e(kind_label)}</td><td class="date">{long_day(day)}</td></tr>')


def shape_bank(site: Site, cases: list[Case]) -> None:
    """A central bank's publications table (title link, type, date), 12 rows a page,
    Bootstrap pager: the pages mixed with PDF-only publications titled by their link
    ("Annual Report 2023 (PDF, 5.8 MB)"); under the first page a table of statistical
    releases whose PDFs are linked by a bare "PDF" beside an unlinked title."""
    place(site, cases, lambda k: "/en/publications")
    site.start = "/en/publications/"
    rows = [bank_row(s.case.title, s.link, kind(site, s) or "", s.case.day) for s in site.served]
    for title, day, name, size, label in BANK_FILES:
        link = f"/media/files/publications/{name}.pdf"
        site.add(link, PDF, PDF_TYPE)
        site.files.append(File(link, title, day))
        rows.append(bank_row(f"{title} (PDF, {size})", link, label, day))
    rows.sort(key=lambda r: r[0], reverse=True)
    releases = []
    for title, day, name, size in BANK_RELEASES:
        link = f"/media/files/statistics/{name}.pdf"
        site.add(link, PDF, PDF_TYPE)
        site.files.append(File(link, title, day, titled=False))
        releases.append(f'<tr><td>{e(title)}</td><td>{long_day(day)}</td><td><a class="file-'
                        f'link" href="{link}"><span class="file-type">PDF</span> <span class='
                        f'"file-size">({size})</span></a></td></tr>')
    pages = chunks([r for _, r in rows], 12)
    types = sorted({label for *_, label in BANK_FILES})
    form = ('<form class="filters row g-2" method="get" action="/en/publications/"><div class="'
            'col-md-5"><label for="type" class="form-label">Publication type</label><select '
            'class="form-select" id="type" name="type"><option value="">All types</option>'
            + "".join(f'<option value="{slug(t)}">{e(t)}</option>' for t in types)
            + '</select></div><div class="col-md-3"><label for="year" class="form-label">Year'
            '</label><select class="form-select" id="year" name="year"><option value="">All'
            '</option><option>2024</option><option>2023</option></select></div><div class="col-'
            'md-2 align-self-end"><button type="submit" class="btn btn-primary">Filter</button>'
            "</div></form>")
    for n, chunk in enumerate(pages, 1):
        numbers = "".join(
            f'<li class="page-item active" aria-current="page"><span class="page-link">{k}</span>'
            "</li>" if k == n else f'<li class="page-item"><a class="page-link" href="?page={k}">'
            f"{k}</a></li>" for k in range(1, len(pages) + 1))
        nxt = (f'<li class="page-item"><a class="page-link" href="?page={n + 1}" aria-label="'
               'Next">Next</a></li>' if n < len(pages) else "")
        extra = ('<h2 class="mt-5">Statistical releases</h2><table class="table table-sm"><thead>'
                 '<tr><th scope="col">Release</th><th scope="col">Date</th><th scope="col">'
                 f'Download</th></tr></thead><tbody>{"".join(releases)}</tbody></table>'
                 if n == 1 else "")
        main = (f'<div class="container"><h1>Publications</h1>{form}<table class="table table-'
                'striped publications-table"><caption class="visually-hidden">Publications'
                '</caption><thead><tr><th scope="col">Title</th><th scope="col">Type</th><th '
                f'scope="col">Date</th></tr></thead><tbody>{"".join(chunk)}</tbody></table><nav '
                f'aria-label="Pagination"><ul class="pagination">{numbers}{nxt}</ul></nav>{extra}'
                "</div>")
        site.add(site.start if n == 1 else f"{site.start}?page={n}",
                 frame("Publications", main, menu=BANK_MENU).replace(
                     "Example Institute", "Example Central Bank"))


# -- GOV.UK finder --------------------------------------------------------------------------

FINDER = "/search/research-and-statistics"
ORG = "organisations%5B%5D=example-office&parent=example-office"


def govuk_page(title: str, main: str) -> str:
    """Return a GOV.UK page: cookie banner, super navigation header, main, footer."""
    return (
        '<!DOCTYPE html><html lang="en" class="govuk-template govuk-template--rebranded"><head>'
        f'<meta charset="utf-8"><title lang="en">{e(title)} - GOV.UK</title><meta name="'
        'viewport" content="width=device-width, initial-scale=1, viewport-fit=cover"><meta '
        'name="theme-color" content="#1d70b8"><link rel="icon" sizes="48x48" href="/assets/'
        'static/favicon.ico"><link rel="stylesheet" href="/assets/finder-frontend/application.'
        'css"><meta name="govuk:format" content="finder"><meta name="govuk:schema-name" content'
        '="finder"></head><body class="govuk-template__body"><a href="#main-content" class="'
        'govuk-skip-link" data-module="govuk-skip-link">Skip to main content</a><div id="global-'
        'cookie-message" class="gem-c-cookie-banner govuk-clearfix" data-module="cookie-banner"'
        ' role="region" aria-label="Cookies on GOV.UK"><div class="govuk-cookie-banner"><p '
        'class="govuk-body">We use some essential cookies to make this website work.</p><a '
        'class="govuk-link" href="/help/cookies">View cookies</a></div></div><header role="'
        'banner" class="gem-c-layout-super-navigation-header"><div class="gem-c-layout-super-'
        'navigation-header__container govuk-width-container"><a class="gem-c-layout-super-'
        'navigation-header__header-logo govuk-header__link govuk-header__link--homepage" href='
        '"/">GOV.UK</a><nav aria-labelledby="super-navigation-menu-heading" class="gem-c-layout'
        '-super-navigation-header__content"><h2 id="super-navigation-menu-heading" class="govuk'
        '-visually-hidden">Navigation menu</h2><ul class="gem-c-layout-super-navigation-header__'
        'navigation-items"><li><a class="gem-c-layout-super-navigation-header__navigation-item-'
        'link" href="/browse">Topics</a></li><li><a class="gem-c-layout-super-navigation-header'
        '__navigation-item-link" href="/search/news-and-communications">Government activity</a>'
        '</li></ul><a class="gem-c-layout-super-navigation-header__search-item-link" href="/'
        'search">Search GOV.UK</a></nav></div></header><div class="govuk-width-container"><div '
        'class="gem-c-breadcrumbs govuk-breadcrumbs govuk-breadcrumbs--collapse-on-mobile"><ol '
        'class="govuk-breadcrumbs__list"><li class="govuk-breadcrumbs__list-item"><a class="'
        'govuk-breadcrumbs__link" href="/">Home</a></li></ol></div><main class="govuk-main-'
        f'wrapper" id="main-content">{main}</main></div><footer class="gem-c-layout-footer govuk'
        '-footer"><div class="govuk-width-container"><div class="govuk-footer__meta"><div class'
        '="govuk-footer__meta-item govuk-footer__meta-item--grow"><h2 class="govuk-visually-'
        'hidden">Support links</h2><ul class="govuk-footer__inline-list"><li class="govuk-footer'
        '__inline-list-item"><a class="govuk-footer__link" href="/help">Help</a></li><li class="'
        'govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/help/privacy-'
        'notice">Privacy</a></li><li class="govuk-footer__inline-list-item"><a class="govuk-'
        'footer__link" href="/help/cookies">Cookies</a></li><li class="govuk-footer__inline-'
        'list-item"><a class="govuk-footer__link" href="/contact">Contact</a></li></ul><span '
        'class="govuk-footer__licence-description">All content is available under the <a class'
        '="govuk-footer__link" href="https://www.nationalarchives.gov.uk/doc/open-government-'
        'licence/version/3/" rel="license">Open Government Licence v3.0</a>, except where '
        'otherwise stated</span></div><div class="govuk-footer__meta-item"><a class="govuk-'
        'footer__link govuk-footer__copyright-logo" href="https://www.nationalarchives.gov.uk/'
        'information-management/re-using-public-sector-information/uk-government-licensing-'
        'framework/crown-copyright/">© Crown copyright</a></div></div></div></footer></body>'
        "</html>")


def govuk_item(site: Site, s: Served, row: int) -> str:
    """Return a finder result: the title link, its document type and its day ("Updated")."""
    label = kind(site, s)
    kind_li = (f'<li class="gem-c-document-list__attribute">Document type: {e(label)}</li>'
               if label else "")
    day = (f'<li class="gem-c-document-list__attribute">Updated: <time datetime="{s.case.day}">'
           f"{long_day(s.case.day)}</time></li>" if s.case.day else "")
    return (f'<li class="gem-c-document-list__item"><a data-ecommerce-path="{e(s.link)}" data-'
            f'ecommerce-row="1" data-ecommerce-index="{row}" class="govuk-link gem-c-document-'
            f'list__item-title" href="{e(s.link)}">{e(s.case.title)}</a><ul class="gem-c-document'
            f'-list__item-metadata">{kind_li}<li class="gem-c-document-list__attribute">'
            f"Organisation: Example Office</li>{day}</ul></li>")


def shape_govuk(site: Site, cases: list[Case]) -> None:
    """A GOV.UK finder ("Research and statistics" of one organisation), ten results a page
    (GOV.UK shows 20), its filter form (checkboxes, no links), and the GOV.UK pagination
    block ("Next page", rel=next); the results live at /government/publications/<slug>."""
    at(site, cases, lambda k, c: f"/government/publications/{word_slug(c.title, 10)}")
    site.start = f"{FINDER}?{ORG}"
    held = newest_first(site.served)
    pages = chunks([govuk_item(site, s, k % 10 + 1) for k, s in enumerate(held)], 10)

    def url(n: int) -> str:
        """Return the address of results page n (1-based), as the finder links it."""
        return site.start if n == 1 else \
            f"{FINDER}?organisations%5B%5D=example-office&page={n}&parent=example-office"

    boxes = "".join(
        f'<div class="govuk-checkboxes__item"><input type="checkbox" name="content_store_'
        f'document_type[]" value="{v}" class="govuk-checkboxes__input" id="{v}"><label for="{v}"'
        f' class="govuk-label govuk-checkboxes__label">{label}</label></div>' for v, label in (
            ("research", "Research"), ("statistics_published", "Statistics (published)"),
            ("independent_report", "Independent report"), ("data", "Data")))
    for n, chunk in enumerate(pages, 1):
        nxt = (f'<nav class="govuk-pagination govuk-pagination--block" role="navigation" aria-'
               f'label="results"><div class="govuk-pagination__next"><a class="govuk-link govuk-'
               f'pagination__link" href="{e(url(n + 1))}" rel="next"><svg class="govuk-'
               'pagination__icon govuk-pagination__icon--next" xmlns="http://www.w3.org/2000/svg"'
               ' height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13">'
               '<path d="m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 '
               '3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z"></path></svg><span class="govuk'
               '-pagination__link-title">Next<span class="govuk-visually-hidden"> page</span>'
               '</span><span class="govuk-visually-hidden">:</span><span class="govuk-pagination'
               f'__link-label">{n + 1} of {len(pages)}</span></a></div></nav>'
               if n < len(pages) else "")
        main = (
            '<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds"><div class="'
            'gem-c-heading govuk-!-margin-bottom-4"><h1 class="gem-c-heading__text govuk-heading-'
            f'xl">Research and statistics</h1></div></div></div><form method="get" action="{FINDER}'
            '" class="js-live-search-form" data-module="ga4-form-tracker"><input type="hidden" '
            'name="parent" value="example-office"><div class="govuk-grid-row"><div class="govuk-'
            'grid-column-one-third"><div class="app-c-expander" data-module="expander"><h2 class='
            '"app-c-expander__heading">Filter</h2><div class="govuk-form-group"><fieldset class='
            '"govuk-fieldset"><legend class="govuk-fieldset__legend">Research and statistics'
            f'</legend><div class="govuk-checkboxes govuk-checkboxes--small">{boxes}</div>'
            '</fieldset></div><div class="govuk-form-group"><label class="govuk-label" for="'
            'public_timestamp[from]">Updated after</label><input class="govuk-input" id="public_'
            'timestamp[from]" name="public_timestamp[from]" type="text"></div><button class="'
            'govuk-button" type="submit">Filter results</button></div></div><div class="govuk-'
            'grid-column-two-thirds js-live-search-results-block filtered-results"><div class="'
            'result-info"><h2 class="govuk-heading-s"><span class="result-region-header__counter'
            f'" id="js-result-count">{len(held)} results</span></h2><div class="govuk-form-group">'
            '<label class="govuk-label" for="order">Sort by</label><select id="order" name="'
            'order" class="govuk-select"><option value="most-viewed">Most viewed</option><option '
            'value="updated-newest" selected>Updated (newest)</option><option value="updated-'
            'oldest">Updated (oldest)</option></select></div></div><div class="gem-c-subscription'
            '-links"><a class="govuk-link gem-c-subscription-links__link" href="/search/research-'
            f'and-statistics/email-signup?{ORG}">Get emails</a></div><div id="js-results" class'
            '="js-finder-results"><div class="finder-results"><ul class="gem-c-document-list">'
            f'{"".join(chunk)}</ul></div>{nxt}</div></div></div></form>')
        site.add(url(n), govuk_page("Research and statistics", main))


# -- a faceted search on research.<domain>, results on www.<domain> --------------------------

RESEARCH, WWW = "research.example.test", "www.example.test"
REGIONS = ("Africa", "Asia-Pacific", "Europe", "Latin America", "Middle East", "North America")


def facet_card(site: Site, s: Served) -> str:
    """Return a search result card: type, title link, authors, day."""
    label = kind(site, s)
    people = (f'<p class="result-card__authors">{e(", ".join(names(s)))}</p>'
              if names(s) else "")
    day = (f'<time class="result-card__date" datetime="{s.case.day}">{us_day(s.case.day)}'
           "</time>" if s.case.day else "")
    return ('<li class="search-results__item"><article class="result-card">'
            + (f'<span class="result-card__type">{e(label)}</span>' if label else "")
            + f'<h3 class="result-card__title"><a href="{e(s.link)}">{e(s.case.title)}</a></h3>'
            f"{people}{day}</article></li>")


def shape_facets(site: Site, cases: list[Case]) -> None:
    """A think tank's faceted search on research.example.test ("/publications/"): a filter
    sidebar of checkbox links (`?topic=`, `?type=`, `?region=`, each served with its own
    results), result cards in main, `?page=2`; every result is on www.example.test, another
    host of the same registered domain."""
    site.base = f"http://{RESEARCH}:{site.base.rpartition(':')[2]}"
    site.names = {RESEARCH: "", WWW: f"/{WWW}"}
    place(site, cases, lambda k: f"/{WWW}")
    site.served[:] = [Served(s.case, s.path, site.url(s.path)) for s in site.served]
    site.start = "/publications/"
    held = newest_first(site.served)
    facets: dict[tuple[str, str], list[Served]] = {}
    for k, s in enumerate(held):
        for name, value in (("topic", topic(site, s)), ("type", kind(site, s)),
                            ("region", REGIONS[k % len(REGIONS)])):
            if value:
                facets.setdefault((name, value), []).append(s)
    groups = "".join(
        f'<fieldset class="facet facet--{name}"><legend class="facet__title">{name.title()}'
        '</legend><ul class="facet__list">' + "".join(
            f'<li class="facet__item"><a class="facet__link" href="?{name}={slug(value)}">'
            f'<span class="facet__checkbox" aria-hidden="true"></span>{e(value)} <span class="'
            f'facet__count">({len(items)})</span></a></li>'
            for (n, value), items in facets.items() if n == name) + "</ul></fieldset>"
        for name in ("topic", "type", "region"))
    aside = (f'<aside class="facets" aria-label="Filter results"><h2 class="facets__heading">'
             f'Filter</h2><a class="facets__clear" href="{site.start}">Clear all</a>{groups}'
             "</aside>")

    def results(title: str, cards: list[str], more: str, total: int) -> str:
        """Return a results page: the sidebar, the count, the cards and the pager."""
        return frame(title, (
            f'<div class="search-layout">{aside}<section class="search-results"><h1>{title}</h1>'
            f'<p class="search-results__count">{total} results</p><div class="search-results__'
            'sort">Sort by: <a href="?sort=date" aria-current="true">Newest</a> | <a href="?sort='
            f'relevance">Relevance</a></div><ul class="search-results__list">{"".join(cards)}'
            f"</ul>{more}</section></div>"), menu=((f"http://{WWW}/", "Home"), (
                "/publications/", "Research"), (f"http://{WWW}/experts/", "Experts"),
                (f"http://{WWW}/about/", "About")))

    pages = chunks([facet_card(site, s) for s in held], 8)
    for n, chunk in enumerate(pages, 1):
        numbers = "".join(f'<li><a href="?page={k}"' + (' aria-current="page"' if k == n else "")
                          + f">{k}</a></li>" for k in range(1, len(pages) + 1))
        nxt = (f'<li class="pagination__next"><a href="?page={n + 1}">Next ›</a></li>'
               if n < len(pages) else "")
        more = f'<nav class="pagination" aria-label="Results pages"><ul>{numbers}{nxt}</ul></nav>'
        site.add(site.start if n == 1 else f"{site.start}?page={n}",
                 results("Research", chunk, more, len(held)))
    for (name, value), items in facets.items():
        site.add(f"{site.start}?{name}={slug(value)}",
                 results(f"Research: {value}", [facet_card(site, s) for s in items], "",
                         len(items)))


# -- WordPress, "Load more" without an address ----------------------------------------------

def wp_post(s: Served, k: int) -> str:
    """Return a theme's post card: thumbnail, entry title, date, byline, excerpt link."""
    people = "".join(f'<span class="author vcard"><a class="url fn n" href="/author/{slug(n)}/">'
                     f"{e(n)}</a></span>" for n in names(s)[:1])
    day = (f'<span class="posted-on"><a href="{e(s.link)}" rel="bookmark"><time class="entry-'
           f'date published" datetime="{stamp(s.case.day)}">{us_day(s.case.day)}</time></a>'
           "</span>" if s.case.day else "")
    byline = f'<span class="byline"> by {people}</span>' if people else ""
    return (f'<article id="post-{100 + k}" class="post-{100 + k} post type-post status-publish '
            f'format-standard has-post-thumbnail hentry category-analysis"><div class="post-'
            f'thumbnail"><a href="{e(s.link)}" aria-hidden="true" tabindex="-1"><img width="768" '
            f'height="432" src="/wp-content/uploads/2024/03/post-{100 + k}-768x432.jpg" class="'
            'attachment-medium_large size-medium_large wp-post-image" alt="" decoding="async">'
            '</a></div><header class="entry-header"><h2 class="entry-title"><a href="'
            f'{e(s.link)}" rel="bookmark">{e(s.case.title)}</a></h2><div class="entry-meta">'
            f"{day}{byline}</div></header></article>")


def shape_wploadmore(site: Site, cases: list[Case]) -> None:
    """A WordPress theme's news page (/news/, posts at /%postname%/): ten posts and a "Load
    more" button that calls admin-ajax.php (no address, no feed link); the other posts are
    only in WordPress's own sitemaps (/wp-sitemap.xml, declared by its robots.txt)."""
    at(site, cases, lambda k, c: f"/{word_slug(c.title)}/")
    site.start, site.via = "/news/", "sitemap"
    held = newest_first(site.served)
    posts = "".join(wp_post(s, k) for k, s in enumerate(held[:10]))
    params = ('{"ajaxurl":"' + site.base.replace("/", "\\/") + '\\/wp-admin\\/admin-ajax.php",'
              f'"current_page":1,"max_page":{(len(held) + 9) // 10}}}')
    head = ('<meta name="generator" content="WordPress 6.5.2"><link rel="https://api.w.org/" '
            f'href="{site.base}/wp-json/"><link rel="EditURI" type="application/rsd+xml" title="'
            f'RSD" href="{site.base}/xmlrpc.php?rsd"><link rel="alternate" type="application/json"'
            f' href="{site.base}/wp-json/wp/v2/pages/12">')
    main = (f'<div id="primary" class="content-area"><header class="page-header"><h1 class="'
            f'page-title">News</h1></header><div class="posts-grid" id="ajax-posts">{posts}</div>'
            '<div class="load-more-container"><button class="load-more" data-page="2" data-'
            'action="load_more_posts" data-nonce="4f2a9c81d0">Load more</button></div></div>'
            '<aside id="secondary" class="widget-area"><section id="categories-2" class="widget '
            'widget_categories"><h2 class="widget-title">Categories</h2><ul><li class="cat-item '
            'cat-item-3"><a href="/category/analysis/">Analysis</a></li><li class="cat-item cat-'
            'item-4"><a href="/category/news/">News</a></li></ul></section></aside><script id="'
            f'loadmore-js-extra">var loadmore_params = {params};</script><script src="/wp-content/'
            'themes/institute/js/loadmore.js?ver=1.2" id="loadmore-js"></script>')
    site.add(site.start, frame("News", main, head))
    site.add("/wp-admin/admin-ajax.php", "0", TEXT, status=400)  # a GET: no action
    xsl = f'<?xml-stylesheet type="text/xsl" href="{site.base}/wp-sitemap.xsl" ?>'
    urlset = ('<?xml version="1.0" encoding="UTF-8"?>\n' + xsl + '\n<urlset xmlns="http://www.'
              'sitemaps.org/schemas/sitemap/0.9">{}</urlset>\n')
    site.add("/wp-sitemap-posts-post-1.xml", urlset.format("".join(
        f"<url><loc>{e(site.url(s.link))}</loc></url>" for s in held)), XML)
    site.add("/wp-sitemap-posts-page-1.xml", urlset.format("".join(
        f"<url><loc>{site.base}{p}</loc></url>" for p in ("/", "/news/", "/about/", "/contact/",
                                                          "/donate/"))), XML)
    site.add("/wp-sitemap-taxonomies-category-1.xml", urlset.format(
        f"<url><loc>{site.base}/category/analysis/</loc></url><url><loc>{site.base}/category/"
        "news/</loc></url>"), XML)
    site.add("/wp-sitemap-users-1.xml", urlset.format(
        f"<url><loc>{site.base}/author/editor/</loc></url>"), XML)
    index = "".join(f"<sitemap><loc>{site.base}/wp-sitemap-{name}-1.xml</loc></sitemap>"
                    for name in ("posts-post", "posts-page", "taxonomies-category", "users"))
    site.add("/wp-sitemap.xml", '<?xml version="1.0" encoding="UTF-8"?>\n<?xml-stylesheet '
             f'type="text/xsl" href="{site.base}/wp-sitemap-index.xsl" ?>\n<sitemapindex xmlns='
             f'"http://www.sitemaps.org/schemas/sitemap/0.9">{index}</sitemapindex>\n', XML)
    site.add("/robots.txt", "User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php"
             f"\n\nSitemap: {site.base}/wp-sitemap.xml\n", TEXT)
    site.add("/", frame("Home", '<h1>Example Institute</h1><p>Independent research.</p><p><a '
                        'href="/news/">All news</a></p>'))


# -- EPrints, browsed by year ---------------------------------------------------------------

def eprints_page(title: str, main: str, heading: str = "") -> str:
    """Return an EPrints 3.4 page: header with its Browse menu and search bar, footer."""
    return (
        '<!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml" lang="en"><head><meta http-'
        f'equiv="X-UA-Compatible" content="IE=edge"><title>{e(title)} - Example Research Online'
        '</title><link rel="icon" href="/favicon.ico" type="image/x-icon"><link rel="Top" href'
        '="/"><link rel="Sword" href="/sword-app/servicedocument"><link rel="SwordDeposit" href'
        '="/id/contents"><link rel="Search" type="text/html" href="/cgi/search"><link rel="'
        'Search" type="application/opensearchdescription+xml" href="/cgi/opensearchdescription"'
        ' title="Example Research Online"><link rel="stylesheet" type="text/css" href="/style/'
        'auto-3.4.4.css"><script type="text/javascript" src="/javascript/auto-3.4.4.js"></script>'
        '<meta name="Generator" content="EPrints 3.4.4"><meta http-equiv="Content-Type" content='
        '"text/html; charset=UTF-8"><meta http-equiv="Content-Language" content="en"></head>'
        '<body><div class="ep_tm_header ep_noprint"><div class="ep_tm_site_logo"><a href="/" '
        'title="Example Research Online"><img alt="Example Research Online" src="/images/site'
        'logo.png"></a></div><ul class="ep_tm_menu"><li><a href="/">Home</a></li><li><a href="/'
        'information.html">About</a></li><li><a href="/view/" menu="ep_tm_menu_browse">Browse'
        '</a><ul id="ep_tm_menu_browse" style="display:none;"><li><a href="/view/year/">Browse '
        'by Year</a></li><li><a href="/view/subjects/">Browse by Subject</a></li><li><a href="/'
        'view/divisions/">Browse by Division</a></li><li><a href="/view/creators/">Browse by '
        'Author</a></li></ul></li></ul><table class="ep_tm_searchbar"><tr><td align="left"><ul '
        'class="ep_tm_key_tools" id="ep_tm_menu_tools"><li class="ep_tm_key_tools_item"><a '
        'class="ep_tm_key_tools_item_link" href="/cgi/users/home">Login</a></li></ul></td><td '
        'align="right" style="white-space: nowrap"><form method="get" accept-charset="utf-8" '
        'action="/cgi/search" style="display:inline"><input class="ep_tm_searchbarbox" size="20"'
        ' type="text" name="q"><input class="ep_tm_searchbarbutton" value="Search" type="submit"'
        ' name="_action_search"><input type="hidden" name="_action_search" value="Search"><input'
        ' type="hidden" name="_order" value="bytitle"><input type="hidden" name="basic_srchtype"'
        ' value="ALL"><input type="hidden" name="_satisfyall" value="ALL"></form></td></tr>'
        '</table></div><div><div class="ep_tm_page_content"><h1 class="ep_tm_pagetitle">'
        f'{heading or e(title)}</h1>{main}</div></div><div class="ep_tm_footer ep_noprint">'
        '<div class="ep_tm_eprints_logo"><a href="https://www.eprints.org/software/"><img alt="'
        'EPrints Logo" src="/images/eprintslogo.png"></a></div><div>Example Research Online is '
        'powered by <em><a href="https://www.eprints.org/software/">EPrints 3.4</a></em> which '
        'is developed by the <a href="https://www.ecs.soton.ac.uk/">School of Electronics and '
        "Computer Science</a> at the University of Southampton.</div></div></body></html>")


def eprints_citation(site: Site, s: Served) -> str:
    """Return EPrints's default citation: creators, (year), linked title with its magic
    full stop, the type when known, the publisher."""
    people = [f'<span class="person_name">{e(inverted(n))}</span>' for n in names(s)]
    creators = (", ".join(people[:-1]) + " and " + people[-1] if len(people) > 1 else
                "".join(people))
    year = f" ({s.case.day.year})" if s.case.day else ""
    title = s.case.title if s.case.title[-1:] in ".?!" else s.case.title + "."
    label = kind(site, s)
    return (f'<p>{creators}{year} <a href="{e(site.url(s.link))}"><em>{e(title)}</em></a> '
            + (f"{e(label)}. " if label else "") + "Example Institute, London.</p>")


def eprints_year(site: Site, value: str, label: str, held: list[Served]) -> None:
    """Serve one year's view page (no grouping) and its grouping by item type."""
    cites = "".join(eprints_citation(site, s) for s in held)
    feeds = "".join(f'<span class="ep_search_feed"><a href="/cgi/exportview/year/{value}/{f}/'
                    f'year_{value}.xml"><img src="/style/images/feed-icon-14x14.png" alt="[feed]">'
                    f'</a> <a href="/cgi/exportview/year/{value}/{f}/year_{value}.xml">{name}</a>'
                    "</span> " for f, name in (("Atom", "Atom"), ("RSS", "RSS 1.0"),
                                               ("RSS2", "RSS 2.0")))
    top = ('<p><a href="./"><img src="/style/images/multi_up.png" alt="[up]"></a> <a href="./">'
           'Up a level</a></p><form method="get" accept-charset="utf-8" action="/cgi/exportview">'
           '<table width="100%"><tr><td align="right">Export as <select name="format"><option '
           'value="Text">ASCII Citation</option><option value="BibTeX">BibTeX</option><option '
           'value="EndNote">EndNote</option><option value="RIS">Reference Manager</option>'
           '</select><input class="ep_form_action_button" type="submit" name="_action_export_'
           'redir" value="Export"><input name="view" type="hidden" value="year"><input name="'
           f'values" type="hidden" value="{value}"></td></tr><tr><td align="right">{feeds}</td>'
           "</tr></table></form>")
    for variant, grouping in (("", "No Grouping"), (".type", "Item Type")):
        links = " | ".join(f'<span class="ep_view_group_by_current">{g}</span>' if g == grouping
                           else f'<a href="{value}{v}.html">{g}</a>'
                           for v, g in ((".type", "Item Type"), ("", "No Grouping")))
        listed = cites
        if variant:  # one heading a type, its citations under it
            types: dict[str, list[Served]] = {}
            for s in held:
                types.setdefault(kind(site, s) or "Other", []).append(s)
            listed = "".join(f'<h2><a name="group_{slug(t)}"></a>{e(t)}</h2>'
                             + "".join(eprints_citation(site, s) for s in group)
                             for t, group in types.items())
        main = (f'{top}<div class="ep_view_page ep_view_page_view_year"><div class="ep_view_'
                f'group_by">Group by: {links}</div><div class="ep_view_blurb">Number of items: '
                f'<strong>{len(held)}</strong>.</div>{listed}<div class="ep_view_timestamp">'
                "This list was generated on <strong>Mon Jun  3 02:14:07 2024 BST</strong>.</div>"
                "</div>")
        site.add(f"/view/year/{value}{variant}.html", eprints_page(
            f"Items where Year is {label}", main,
            f'Items where Year is <span class="ep_view_page_title">{label}</span>'))


def shape_eprints(site: Site, cases: list[Case]) -> None:
    """An EPrints 3.4 repository browsed by year from its year index ("/view/year/", the
    start URL): each year's page ("2024.html", relative links) lists its items' citations
    (`/1234/` on the repository's own host name), items with no date under "Unspecified";
    robots.txt keeps /cgi/ (the views' export feeds) out and declares the sitemap of items."""
    at(site, cases, lambda k, c: f"/{1021 + 13 * k}/")
    site.start = "/view/year/"
    years: dict[str, list[Served]] = {}
    for s in newest_first(site.served):
        years.setdefault(str(s.case.day.year) if s.case.day else "NULL", []).append(s)
    for value, held in years.items():
        eprints_year(site, value, "Unspecified" if value == "NULL" else value, held)
    menu = "".join(f'<li><a href="{v}.html">{"Unspecified" if v == "NULL" else v}</a> '
                   f"({len(held)})</li>" for v, held in years.items())
    site.add(site.start, eprints_page("Browse by Year", (
        '<p><a href="../"><img src="/style/images/multi_up.png" alt="[up]"></a> <a href="../">'
        'Up a level</a></p><div class="ep_view_menu"><p>Please select a value to browse from '
        f'the list below.</p><table><tr><td valign="top"><ul>{menu}</ul></td></tr></table>'
        "</div>")))
    site.add("/view/", eprints_page("Browse", (
        '<ul><li><a href="/view/year/">Year</a></li><li><a href="/view/subjects/">Subject</a>'
        '</li><li><a href="/view/divisions/">Division</a></li><li><a href="/view/creators/">'
        "Author</a></li></ul>")))
    urls = "".join(f"<url><loc>{site.url(s.link)}</loc>"
                   + (f"<lastmod>{s.case.day}</lastmod>" if s.case.day else "")
                   + "<changefreq>monthly</changefreq><priority>0.75</priority></url>"
                   for s in site.served)
    site.add("/sitemap.xml", '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.'
             f'sitemaps.org/schemas/sitemap/0.9"><url><loc>{site.base}/</loc><changefreq>daily'
             f"</changefreq><priority>1.0</priority></url>{urls}</urlset>", XML)
    site.add("/robots.txt", f"User-agent: *\nDisallow: /cgi/\n\nSitemap: {site.base}/sitemap.xml\n",
             TEXT)


REPO_SHAPES: dict[str, Callable[[Site, list[Case]], None]] = {
    "dspace": shape_dspace, "ojs": shape_ojs, "bank-table": shape_bank, "govuk": shape_govuk,
    "facets+host": shape_facets, "wp-loadmore": shape_wploadmore, "eprints": shape_eprints,
}
