"""Choosing the authors among candidate lists: ranks, cross-checks and fallbacks."""

from __future__ import annotations

from harvester.choose_authors import choose_authors
from harvester.record import Candidate


def names(*cands: Candidate) -> list[str]:
    """Return the names chosen among the candidates (no site names)."""
    chosen = choose_authors(list(cands), [])
    return [a.name for a in chosen[0]] if chosen else []


def test_given_and_family_name_marked_apart_are_one_person() -> None:
    """Separate given/family name parts yield to a list that has the whole name."""
    assert names(Candidate("authors", ["Marta", "Okafor"], "html:itemprop-near"),
                 Candidate("authors", ["Marta Okafor"], "meta:author")) == ["Marta Okafor"]


def test_declared_organization_is_not_split_into_people() -> None:
    """An organization named as author stays one name, so a credited person wins."""
    org = "Sächsische Landesanstalt für Boden und Gewässer - SLBG"
    assert names(Candidate("authors", [org], "meta:author"),
                 Candidate("authors", ["Henrik Vogt"], "html:itemprop-page")) == ["Henrik Vogt"]
    assert names(Candidate("authors", [org], "meta:author")) == [org]


def test_the_byline_every_other_source_agrees_on_beats_a_lone_json_ld_account() -> None:
    """JSON-LD naming the CMS account that posted yields to the people three other sources
    name alike; with fewer agreeing, JSON-LD keeps its rank. Sharing its name, the byline
    that adds a person to it (its microdata) completes it."""
    account = Candidate("authors", [("Kathleen Ditton", None, False)], "jsonld")
    byline = [Candidate("authors", ["Jessica Holly", "Gail Levy"], source)
              for source in ("meta:parsely-author", "html:itemprop-near", "html:by-text")]
    assert names(account, *byline) == ["Jessica Holly", "Gail Levy"]
    assert names(account, *byline[:2]) == ["Kathleen Ditton"]
    shared = [Candidate("authors", ["Kathleen Ditton", "Gail Levy"], c.source) for c in byline]
    assert names(account, *shared) == ["Kathleen Ditton", "Gail Levy"]


def test_the_associated_press_is_an_author_but_a_section_label_is_not_preferred() -> None:
    """JSON-LD crediting "AP" (two letters, a news agency) is kept as the organization it
    is; a person named beside it still wins."""
    agency = Candidate("authors", [("AP", None, False)], "jsonld")
    section = Candidate("authors", ["Internacional"], "html:byline")
    assert names(agency, section) == ["AP"]
    assert names(agency, Candidate("authors", ["Jane Doe"], "html:byline")) == ["Jane Doe"]


def test_a_one_word_name_beside_full_names_is_a_place_or_an_outlet() -> None:
    """"Hossam Abul Ela - Cairo" and "John Patrick Pullen, TIME" in metadata credit the
    person: the lone word is where or for whom they wrote."""
    assert names(Candidate("authors", ["Hossam Abul Ela - Cairo"], "meta:author")) == \
        ["Hossam Abul Ela"]
    assert names(Candidate("authors", ["John Patrick Pullen, TIME"], "meta:author")) == \
        ["John Patrick Pullen"]
    assert names(Candidate("authors", ["Cortyn"], "meta:author")) == ["Cortyn"]


def test_chinese_names_set_apart_are_several_people_japanese_one() -> None:
    """"张三　李四" on a page in Chinese credits two people; "山田 太郎" in Japanese is one
    person's family and given name; mixed or longer parts stay one name."""
    byline = Candidate("authors", ["张三 李四"], "html:label")

    def chosen(language: str | None) -> list[str]:
        found = choose_authors([byline], [], language=language)
        return [a.name for a in found[0]] if found else []
    assert chosen("zh-CN") == ["张三", "李四"]
    assert chosen("ja") == ["张三 李四"]
    assert chosen(None) == ["张三 李四"]
    mixed = choose_authors([Candidate("authors", ["王小明 Jane"], "html:label")], [],
                           language="zh")
    assert mixed is not None and [a.name for a in mixed[0]] == ["王小明 Jane"]


def test_an_outlet_named_with_the_is_no_person() -> None:
    """"By Jane Doe, The Washington Post": a name that opens with "The" is an organization,
    kept only when no person is named ("The Editorial Board")."""
    assert names(Candidate("authors", ["Jane Doe", "The Washington Post"], "meta:author")) \
        == ["Jane Doe"]
    assert names(Candidate("authors", ["The Editorial Board"], "meta:author")) \
        == ["The Editorial Board"]


def test_metadata_naming_a_bylines_first_person_yields_to_the_whole_byline() -> None:
    """JSON-LD naming only the first author (Jekyll's SEO tag, Ghost) yields to the byline
    beside the title that names them all: its microdata, its marked-up authors, or a by-line's
    text that the author links confirm."""
    first = Candidate("authors", [("Sam O'Connell", None, False)], "jsonld")
    both = ["Sam O'Connell", "Ruth Adebayo"]
    assert names(first, Candidate("authors", both, "html:itemprop-near")) == both
    assert names(first, Candidate("authors", both, "html:byline"),
                 Candidate("authors", [(n, None, False) for n in both], "html:author-link")
                 ) == both
    # A byline's marked-up authors add whole names; a category or a form's button is none,
    # and a by-line's text alone adds nothing without another source.
    assert names(first, Candidate("authors", both, "html:byline")) == both
    for noisy in (["Sam O'Connell", "Gefühle"], ["Sam O'Connell", "Nachricht abschicken"],
                  ["Sam O'Connell", "United States"]):
        assert names(first, Candidate("authors", noisy, "html:byline")) == ["Sam O'Connell"]
    assert names(first, Candidate("authors", both, "html:by-text")) == ["Sam O'Connell"]


def test_an_institution_named_with_and_or_a_bank_or_services_is_no_person() -> None:
    """"Centre for Migration and Labour Studies" is one institution, not a centre and a
    Mr Labour Studies; a bank, a fund or a CMS's "Web Services" account is none either: the
    people the author links name are the authors."""
    people = Candidate("authors", [("Fatima Zahra Benali", None, False),
                                   ("Joseph Kariuki", None, False)], "html:author-link")
    for declared in ("Centre for Migration and Labour Studies", "Web Services",
                     "Global Development Finance Bank"):
        assert names(Candidate("authors", [declared], "meta:author"), people) == [
            "Fatima Zahra Benali", "Joseph Kariuki"], declared
    assert names(Candidate("authors", ["Centre for Migration and Labour Studies"],
                           "meta:author")) == ["Centre for Migration and Labour Studies"]


def test_a_press_or_communications_office_is_no_author_beside_people() -> None:
    """Yoast naming the press office ("Comunicación FAI", "Comunicaciones FHA") yields to
    the byline's people."""
    for office in ("Comunicación FAI", "Comunicaciones FHA", "Comunicações IPEA"):
        assert names(Candidate("authors", [(office, None, False)], "jsonld"),
                     Candidate("authors", [office], "meta:author"),
                     Candidate("authors", ["María José Fernández Ruiz", "Íñigo Aldekoa", office],
                               "html:byline")) == ["María José Fernández Ruiz", "Íñigo Aldekoa"]


def test_a_chinese_research_centre_is_no_person_beside_the_names_it_credits() -> None:
    """The meta author "华东发展战略研究中心" (a research centre) yields to the people the
    page credits: "作者：张伟 李娜 王建国"."""
    centre = Candidate("authors", ["华东发展战略研究中心"], "meta:author")
    label = Candidate("authors", ["张伟 李娜 王建国"], "html:label")
    chosen = choose_authors([centre, label], [], language="zh-CN")
    assert chosen is not None and [a.name for a in chosen[0]] == ["张伟", "李娜", "王建国"]


def test_the_pages_own_order_of_the_same_names_beats_citation_last_first() -> None:
    """A Hungarian page writes names family first ("Kovács-Nagy Eszter"); its citation_author
    "Kovács-Nagy, Eszter" turned round must not reorder them. Other people do not count."""
    cited = Candidate("authors", ["Kovács-Nagy, Eszter", "Tóth, Bálint"], "meta:citation_author")
    shown = Candidate("authors", ["Kovács-Nagy Eszter", "Tóth Bálint"], "html:label")
    assert names(cited, shown) == ["Kovács-Nagy Eszter", "Tóth Bálint"]
    others = Candidate("authors", ["Szabó Márta", "Tóth Bálint"], "html:label")
    assert names(cited, others) == ["Eszter Kovács-Nagy", "Bálint Tóth"]


def test_a_cms_login_everywhere_yields_to_the_people_an_authors_label_names() -> None:
    """Plone credits "webeditor", the account that posted, in its meta tags and byline; the
    report's "Authors" row names the people. A label naming no whole name changes nothing."""
    login = [Candidate("authors", ["webeditor"], source)
             for source in ("meta:dc.creator", "meta:author", "html:byline")]
    label = Candidate("authors", ["R. McLeod, S. Fraser and J. Ó Briain"], "html:label")
    assert names(*login, label) == ["R. McLeod", "S. Fraser", "J. Ó Briain"]
    assert names(*login, Candidate("authors", ["Fraser"], "html:label")) == ["webeditor"]


def test_meta_tags_naming_one_person_each_turn_round_long_family_names() -> None:
    """citation_author names one person a tag, "Last, First": a Spanish double family name
    is one person's, not two people; one tag of two people, commas alone, is left as it is."""
    cited = Candidate("authors", ["Fernández Ortega, María José", "Ruiz, Luis Ángel",
                                  "Peña Valdés, Carolina"], "meta:citation_author")
    assert names(cited) == ["María José Fernández Ortega", "Luis Ángel Ruiz",
                            "Carolina Peña Valdés"]
    assert names(Candidate("authors", ["Jane Doe, John Roe"], "meta:citation_author")) == [
        "Jane Doe", "John Roe"]


def test_an_authors_label_on_one_line_completes_metadata_naming_one_person() -> None:
    """Plone's DC.creator is a login ("luciana.oliveira", read "Luciana Oliveira"); the page's
    "Autores:" line names her in full with two more. A label of lines, names mixed with
    affiliations, does not."""
    login = Candidate("authors", ["luciana.oliveira"], "meta:dc.creator")
    line = "Rafael Mendes Cardoso, Luciana Bastos de Oliveira e Tiago Hideki Nakamura"
    assert names(login, Candidate("authors", [line], "html:label")) == [
        "Rafael Mendes Cardoso", "Luciana Bastos de Oliveira", "Tiago Hideki Nakamura"]
    lines = "Luciana Oliveira\nUniversidade de São Bento\nRafael Cardoso\nResearch Department"
    assert names(login, Candidate("authors", [lines], "html:label")) == ["Luciana Oliveira"]


def test_the_page_s_own_spelling_of_japanese_names_beats_json_ld_s() -> None:
    """JSON-LD spaces family and given name ("山本 健一"); the page writes "山本健一": the same
    people in the page's spelling. Latin names keep metadata's spelling."""
    declared = Candidate("authors", [("山本 健一", None, False), ("中村 彩", None, False)],
                         "jsonld")
    shown = Candidate("authors", ["山本健一", "中村彩"], "html:byline")
    assert names(declared, shown) == ["山本健一", "中村彩"]
    latin = Candidate("authors", [("Ann Lee-Smith", None, False)], "jsonld")
    assert names(latin, Candidate("authors", ["Ann Leesmith"], "html:byline")) == [
        "Ann Lee-Smith"]


def test_an_affiliation_s_field_in_a_byline_adds_no_author_to_citation_metadata() -> None:
    """A journal's byline lists each author's institute in pieces ("Institute of
    Statistical, Social and Economic Research"): "Economic Research" is a field, no person
    the byline adds to citation_author's."""
    cited = Candidate("authors", ["Mensah, Kwabena", "Owusu-Ansah, Abena"], "meta:citation_author")
    byline = Candidate("authors", ["Kwabena Mensah", "University of Ghana", "Abena Owusu-Ansah",
                                   "Economic Research"], "html:byline")
    assert names(cited, byline) == ["Kwabena Mensah", "Abena Owusu-Ansah"]
