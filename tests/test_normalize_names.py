"""Author credit lines split into clean names."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from harvester.names import is_name, split_names


@pytest.mark.parametrize(("line", "names"), [
    ("By: Asfandyar Mir, Ph.D.;  Tamanna Salikuddin", ["Asfandyar Mir", "Tamanna Salikuddin"]),
    ("By John Smith and Jane Doe", ["John Smith", "Jane Doe"]),
    ("Ann Lee, Bo Chen and Cy Diaz", ["Ann Lee", "Bo Chen", "Cy Diaz"]),
    ("Ann Lee & Bo Chen", ["Ann Lee", "Bo Chen"]),
    ("Mir, Asfandyar", ["Asfandyar Mir"]),
    ("van der Berg, Pieter", ["Pieter van der Berg"]),
    ("Kowalski, Anna; Brennan, Liam", ["Anna Kowalski", "Liam Brennan"]),
    ("Jane Doe, Senior Fellow", ["Jane Doe"]),
    # A role after a name, its "and" joining the role's subjects (a CRS author line).
    ("Cory Welt, Specialist in Russian and European Affairs", ["Cory Welt"]),
    ("Christina L. Arabia, Analyst in Security Assistance, Security Cooperation and the Global"
     " Arms Trade", ["Christina L. Arabia"]),
    ("Jane Doe, Senior Fellow for Energy and Climate, and John Roe, Director",
     ["Jane Doe", "John Roe"]),
    # A role with no field before its "and": a name follows ("Senior Fellow and John Roe")
    ("Jane Doe, Senior Fellow and John Roe", ["Jane Doe", "John Roe"]),
    ("Jane Doe, Editor and John Roe, Fellow", ["Jane Doe", "John Roe"]),
    ("Jane Doe, Senior Fellow and Director", ["Jane Doe"]),
    # After a role's field, a name follows its "and"; a region or another field does not
    ("Jane Doe, Director of Studies and John Roe", ["Jane Doe", "John Roe"]),
    ("Jane Doe, Head of Programme and Maria García, Fellow", ["Jane Doe", "Maria García"]),
    ("Jane Doe, Fellow for Europe and Latin America", ["Jane Doe"]),
    ("Jane Doe, Fellow for Asia and Middle East", ["Jane Doe"]),
    ("Jane Doe, Professor of History and Politics", ["Jane Doe"]),
    ("Jane Doe | Staff Writer", ["Jane Doe"]),
    # A role on its own line of an author card, with the programme it serves in
    ("Jane Doe, Ph.D.\nSenior Fellow, Economic Studies\nJohn Roe\nResearch Associate",
     ["Jane Doe", "John Roe"]),
    ("Senior Fellow, Foreign Policy", []),
    ("Dr Sunita Chaudhry\nResearch Fellow, Land Warfare", ["Sunita Chaudhry"]),
    ("Research Fellow, Land Warfare, and John Roe", ["John Roe"]),
    # "and" after a comma in other languages, and degrees written with a space
    ("Marie-Ève Tremblay, Ph. D., et Jean-François Gagnon, M. Sc., Division de l'analyse "
     "économique", ["Marie-Ève Tremblay", "Jean-François Gagnon"]),
    ("Ann Lee, Bo Chen y Cy Diaz", ["Ann Lee", "Bo Chen", "Cy Diaz"]),
    # Catalan "per" (by), and "i" both inside double surnames and between names; the
    # Nordic given name "Per" stays
    ("per Jordi Puigvert i Martí i Núria Ferrer i Sala",
     ["Jordi Puigvert i Martí", "Núria Ferrer i Sala"]),
    ("Per Olsen og Kari Nordmann", ["Per Olsen", "Kari Nordmann"]),
    # Job titles written small before names (Danish, English); a place after "em" is none
    ("Af chefanalytiker Mette Kjær Sørensen og seniorøkonom Rasmus Ø. Holm, ph.d.",
     ["Mette Kjær Sørensen", "Rasmus Ø. Holm"]),
    ("by senior fellow Jane Doe", ["Jane Doe"]),
    ("bell hooks and Jane Doe", ["bell hooks", "Jane Doe"]),
    ("Jane Doe, em São Paulo", ["Jane Doe"]),
    # Dutch and Italian titles; Chinese titles after names and "和" (and)
    ("dr. Sanne de Vries, Pieter van den Berg MSc en ir. Bram Hoekstra",
     ["Sanne de Vries", "Pieter van den Berg", "Bram Hoekstra"]),
    ("Prof. Marco Bellini\nDott.ssa Chiara Fontana", ["Marco Bellini", "Chiara Fontana"]),
    ("王晓明 教授 和 陈静 博士", ["王晓明", "陈静"]),
    ("Irene Adler", ["Irene Adler"]),
    # Czech "a" (and) before a title or a name, "CSc." a degree; Romanian university ranks
    ("doc. Ing. Kateřina Horáková, Ph.D., Mgr. Tomáš Vlček a RNDr. Jiří Šimánek, CSc.",
     ["Kateřina Horáková", "Tomáš Vlček", "Jiří Šimánek"]),
    ("Conf. univ. dr. Andreea-Maria Popescu și Radu Ionescu",
     ["Andreea-Maria Popescu", "Radu Ionescu"]),
    ("Ruth Ann Delacroix-Simmons, PharmD", ["Ruth Ann Delacroix-Simmons"]),
    # English "a" before a capital parts nothing
    ("Callum de la Haye\nCallum is a Research Officer at Northern Hearth Trust.",
     ["Callum de la Haye"]),
    # Greek, Slovenian ("in" before a title), Latvian ("un", degrees before names) and Urdu
    ("Δρ Ελένη Παπαδοπούλου, Καθ. Νικόλαος Σταθόπουλος",
     ["Ελένη Παπαδοπούλου", "Νικόλαος Σταθόπουλος"]),
    ("dr. Maja Kovač in mag. Rok Zupan", ["Maja Kovač", "Rok Zupan"]),
    ("Jane Doe in Kabul", ["Jane Doe"]),
    ("Dr. oec. Ilze Kalniņa, Mg. soc. sc. Jānis Bērziņš un Krišjānis Ozols",
     ["Ilze Kalniņa", "Jānis Bērziņš", "Krišjānis Ozols"]),
    ("تحریر: ڈاکٹر فرحان صدیقی اور عائشہ ملک", ["فرحان صدیقی", "عائشہ ملک"]),
    ("על הכותבים", []),
    # A CMS login: no person's name holds an underscore
    ("Submitted by wja_admin", []),
    # Degrees in a row after a comma ("BA MA"), Austrian titles
    ("Mag. Dr. Katharina Pichler-Hofer, DI Lukas Brandstätter, MSc, Selin Aksoy, BA MA",
     ["Katharina Pichler-Hofer", "Lukas Brandstätter", "Selin Aksoy"]),
    # A chair ("Professor of Public Finance") and a unit ("Economic Policy Section") are no one
    ("Professor of Public Finance, Northbridge Business School", []),
    # Thai: titles written against the name, "และ" (and)
    ("ดร.สมชาย วงศ์ใหญ่ และ ผศ.ดร.กมลวรรณ ศรีสุข", ["สมชาย วงศ์ใหญ่", "กมลวรรณ ศรีสุข"]),
    # An administrator's account in other languages is no one
    ("ผู้ดูแลระบบ", []), ("Administrador", []),
    # Polish titles written small, and a professor's chair at a university's initials
    ("dr hab. Tomasz Wierzbicki, prof. UKW i mgr Agnieszka Sołtys",
     ["Tomasz Wierzbicki", "Agnieszka Sołtys"]),
    ("dr hab. Tomasz Wierzbicki, prof. UKW", ["Tomasz Wierzbicki"]),
    # Mailboxes as feeds and mail write them
    ("jane.doe@example.org (Jane Doe)", ["Jane Doe"]),
    ("Jane Doe <jane.doe@example.org>", ["Jane Doe"]),
    ("jane@example.org (Jane Doe), john@example.org (John Roe)", ["Jane Doe", "John Roe"]),
    ("Dr. Jane Doe, MD", ["Jane Doe"]),
    ("Prof. Dr. Max Müller", ["Max Müller"]),
    ("Amb. William Taylor", ["William Taylor"]),
    ("Written by José Ñúñez", ["José Ñúñez"]),
    ("Jane Doe (jane@example.org) @janedoe", ["Jane Doe"]),
    ("By Jane Doe and 3 others", ["Jane Doe"]),
    ("Published on March 3, 2024 by Jane Doe", ["Jane Doe"]),
    ("JANE DOE", ["Jane Doe"]),
    ("Yo-Yo Ma", ["Yo-Yo Ma"]),
    ("Ursula von der Leyen", ["Ursula von der Leyen"]),
    ("Jane Doe\nJohn Roe", ["Jane Doe", "John Roe"]),
    ("Jane Doe, jane doe", ["Jane Doe"]),
    ("Hosted by Dana Whitfield and Marcus Oyelaran", ["Dana Whitfield", "Marcus Oyelaran"]),
    ("Jane Doe. Translated by John Roe", ["Jane Doe"]),
    # The outlet written for is not an author; an organization's own "for" stays
    ("By Jane Doe for The Guardian", ["Jane Doe"]),
    ("Jane Doe and John Roe for ABC News", ["Jane Doe", "John Roe"]),
    ("Anna Müller für ZEIT ONLINE", ["Anna Müller"]),
    ("Center for American Progress", ["Center for American Progress"]),
    ("Institute for Policy Studies", ["Institute for Policy Studies"]),
    # A CMS login spelling the person's names; a domain is no login
    ("robert.stitz", ["Robert Stitz"]),
    ("edilson.la.rosa", ["Edilson La Rosa"]),
    ("kath.net", ["kath.net"]),
    ("heise.online", ["heise.online"]),
    ("Von Erika Brandt\nFreie Autorin in Leipzig und Mitglied im Vorstand des Vereins, der "
     "jedes Jahr zu Lesungen aus den Bereichen Lyrik und Theater einlädt.", ["Erika Brandt"]),
    # A credit that runs into its date; a particle in capitals is part of the name
    ("Posted by Jane Doe on March 3, 2024", ["Jane Doe"]),
    ("Jane Doe on Tuesday, March 3, 2024", ["Jane Doe"]),
    ("Von Christian am 03.05.2013, 11:51", ["Christian"]),
    ("Par Jane Doe le 3 mars 2024", ["Jane Doe"]),
    ("Jane Doe March 3, 2024", ["Jane Doe"]),
    ("Omar El Akkad", ["Omar El Akkad"]),
    ("Anna Mai", ["Anna Mai"]),
    # "and" in Russian, Turkish, Polish, Finnish, Hungarian, Greek
    ("Иван Петров и Мария Иванова", ["Иван Петров", "Мария Иванова"]),
    ("Ali Veli ve Ayşe Yılmaz", ["Ali Veli", "Ayşe Yılmaz"]),
    ("Jan Kowalski oraz Anna Nowak", ["Jan Kowalski", "Anna Nowak"]),
    ("Matti Virtanen ja Anna Korhonen", ["Matti Virtanen", "Anna Korhonen"]),
    ("Kovács János és Nagy Anna", ["Kovács János", "Nagy Anna"]),
    ("Γιάννης Παπαδόπουλος και Μαρία Νικολάου", ["Γιάννης Παπαδόπουλος", "Μαρία Νικολάου"]),
    # Academic titles of German-, Spanish-speaking pages; members of parliament
    ("Univ.-Prof. Dr. Hans Beispiel", ["Hans Beispiel"]),
    ("Dipl.-Ing. Hans Beispiel", ["Hans Beispiel"]),
    ("Dr. rer. pol. Hans Muster", ["Hans Muster"]),
    ("Prof. Dr. Dr. h.c. Hans Muster", ["Hans Muster"]),
    ("PD Dr. Hans Muster, Mag.a Erika Muster", ["Hans Muster", "Erika Muster"]),
    ("Dr.in Erika Muster", ["Erika Muster"]),
    ("Dra. María López y Lic. Juan Pérez", ["María López", "Juan Pérez"]),
    ("Erika Muster MdB", ["Erika Muster"]),
    ("Hon. John Roe MP", ["John Roe"]),
    ("PD James", ["PD James"]),
    # A translator's credit names no author; an author's credit naming a translator does
    ("Übersetzung Sarah-Indra Jungblut", []),
    ("Traduction : Jean Dupont", []),
    ("Jane Doe, translated by John Roe", ["Jane Doe"]),
    # A wire credit: reporters without their places, no editors or helpers
    ("Reporting by Jane Doe in Kabul and John Roe in Islamabad; Editing by Mark Potter",
     ["Jane Doe", "John Roe"]),
    ("By Jane Doe in Washington, D.C.", ["Jane Doe"]),
    ("Von Erika Muster in Berlin und Hans Beispiel in Wien", ["Erika Muster", "Hans Beispiel"]),
    ("Jane Doe. Additional reporting by John Roe", ["Jane Doe"]),
    ("Sophie in 't Veld", ["Sophie in 't Veld"]),
    # The writer who took the photos too is the author
    ("Words and photos by Jane Doe", ["Jane Doe"]),
    ("Text und Fotos von Erika Muster", ["Erika Muster"]),
    ("Authored by Dr. Jane Doe, PhD", ["Jane Doe"]),
    ("Cover photo by Jane Doe", []), ("Jane Doe. Header image by John Roe", ["Jane Doe"]),
    ("Titelbild von Erika Muster", []),
    # A reporter's posting after the name does not make the credit prose
    ("Par Jean Dupont, envoyé spécial à Kiev", ["Jean Dupont"]),
    ("Jane Doe and John Roe, Special to The Post", ["Jane Doe", "John Roe"]),
    ("Jane Doe, Ph.D., is a senior fellow at the institute and writes on peace", []),
    # Two Chinese characters are a whole name; a reporter's title and a reading are dropped
    ("张三", ["张三"]), ("홍길동 기자 hong@example.com", ["홍길동"]), ("张三记者", ["张三"]),
    ("山田 太郎（やまだ たろう）", ["山田 太郎"]), ("AB", []),
    # A name in capitals keeps a capital after its hyphens and apostrophes
    ("BY JANE DOE-SMITH AND JOHN O'ROE", ["Jane Doe-Smith", "John O'Roe"]),
    ("MARIE-CLAIRE D’ANGELO", ["Marie-Claire D’Angelo"]),
])
def test_credit_lines(line: str, names: list[str]) -> None:
    """Prefixes, roles, degrees, honorifics, contacts and duplicates are dropped."""
    assert split_names(line) == names


@pytest.mark.parametrize("line", ["Facebook", "admin", "Share", "Read more",
                                  "Jane Doe is a senior fellow at the institute who studies",
                                  "@janedoe", "2024", ""])
def test_not_names(line: str) -> None:
    """Interface words, user names, prose and numbers are not authors."""
    assert split_names(line) == []


def test_organization_names_are_names() -> None:
    """An organization can be credited (it is kept when no person is named)."""
    assert split_names("International Crisis Group") == ["International Crisis Group"]


@given(st.text(max_size=300))
def test_split_never_crashes_and_gives_clean_names(line: str) -> None:
    """Any text gives names that are non-empty, short, single-line and look like names."""
    for name in split_names(line):
        assert name and name == name.strip()
        assert "\n" not in name and len(name) <= 80
        assert is_name(name)


@given(st.lists(st.sampled_from(["Ann Lee", "Bo Chen", "José Ñúñez", "Zoë Brânză"]),
                min_size=1, max_size=4, unique=True),
       st.sampled_from(["; ", " and ", ", ", " & "]))
def test_joined_names_split_back(names: list[str], joiner: str) -> None:
    """Names joined by any usual separator come back in order."""
    assert split_names("By " + joiner.join(names)) == names


@pytest.mark.parametrize(("line", "names"), [
    # Czech, Turkish, Russian and Arabic titles; Indonesian "dan" and the Arabic comma.
    ("Mgr. Tomáš Dvořák, Ph.D.", ["Tomáš Dvořák"]),
    ("JUDr. Jana Nováková", ["Jana Nováková"]),
    ("Doç. Dr. Ayşe Gül Yılmaz ve Mehmet Çelik", ["Ayşe Gül Yılmaz", "Mehmet Çelik"]),
    ("Dr. Öğr. Üyesi Ali Kaya", ["Ali Kaya"]),
    ("проф. И. В. Петров", ["И. В. Петров"]),
    ("د. ليلى الحسيني، م. خالد العتيبي", ["ليلى الحسيني", "خالد العتيبي"]),
    ("Rizky Pratama Siregar dan Dewi Anggraini", ["Rizky Pratama Siregar", "Dewi Anggraini"]),
    # "Amb" opens "Amber": a title is a word of its own.
    ("Amber Guetebier", ["Amber Guetebier"]),
    # A book's author, its supervising translator and its translator (Japanese credits).
    ("Eric Freeman 著、嶋田 健志 監訳、木下 哲也 訳", ["Eric Freeman"]),
    # Hebrew (its "and" a prefix before a title), Bengali, Greek, Serbian, Austrian, Malay,
    # Vietnamese and Thai titles.
    ('ד"ר נועה לנדאו ועו"ד איתי בן-שושן', ["נועה לנדאו", "איתי בן-שושן"]),
    ("ড. ফারহানা ইয়াসমিন", ["ফারহানা ইয়াসমিন"]),
    ("Δρ. Ελένη Παπαδοπούλου", ["Ελένη Παπαδοπούλου"]),
    ("др Милан Петровић", ["Милан Петровић"]),
    ("DI Markus Pöschl", ["Markus Pöschl"]),
    ("Prof. Madya Dr. Ahmad Faizal bin Hassan", ["Ahmad Faizal bin Hassan"]),
    ("PGS.TS. Nguyễn Văn An", ["Nguyễn Văn An"]),
    ("ผศ.ดร. สมชาย วงศ์ใหญ่", ["สมชาย วงศ์ใหญ่"]),
    ("ורד כהן", ["ורד כהן"]),  # a name opening with ו stays whole
    # Korean researchers' titles after their names; an institute's name ends in one.
    ("김민수 선임연구위원, 이지은 연구원", ["김민수", "이지은"]),
    ("한국개발연구원", ["한국개발연구원"]),
    # The EU institutions write each family name in capitals first; one such name alone
    # may be an acronym and a word ("NASA Scientist"), left as it is.
    ("KARAMANLI Eleni; VOGT Johannes", ["Eleni Karamanli", "Johannes Vogt"]),
    ("VAN DEN BERG Anna; KIM Ji-woo", ["Anna van den Berg", "Ji-woo Kim"]),
    ("EFC Bayrische Bembel", ["EFC Bayrische Bembel"]),
    # Catalan and Spanish names join their two surnames with "i" or "y"
    ("Jordi Puigvert i Martí, Núria Ferrer i Sala",
     ["Jordi Puigvert i Martí", "Núria Ferrer i Sala"]),
    ("José Ortega y Gasset", ["José Ortega y Gasset"]),
    ("Ana y Juan", ["Ana", "Juan"]), ("Jane Doe i John Roe", ["Jane Doe", "John Roe"]),
    # Plone's byline stamp is no one's name.
    ("Webredaktion IASP — zuletzt verändert", ["Webredaktion IASP"]),
    # A French public body's unit after the names signs beside them, not as one of them.
    ("Par Jeanne Martin et Paul Durand, Direction des études sur le travail",
     ["Jeanne Martin", "Paul Durand"]),
    # Mexican master's titles, and a research programme credited beside the names
    ("Por Dra. Guadalupe Arriaga Solís y Mtro. Héctor Villaseñor Cano",
     ["Guadalupe Arriaga Solís", "Héctor Villaseñor Cano"]),
])
def test_titles_conjunctions_and_credits_of_more_languages(line: str, names: list[str]) -> None:
    """Academic and professional titles, "and" and list commas of more languages, and the
    credits beside a name that name no author."""
    assert split_names(line) == names


@pytest.mark.parametrize(("name", "whole"), [
    ("Luciana Bastos de Oliveira", True), ("Pieter van den Berg", True),
    ("Jane Doe", True), ("Senior Fellow", False),
    ("jane doe", False),
])
def test_a_whole_name_may_hold_particles(name: str, whole: bool) -> None:
    """A whole (strict) name is capitalized words with particles inside ("de", "van den")."""
    assert is_name(name, strict=True) is whole


@pytest.mark.parametrize("unit", ["Economic Policy Section", "Labour Market Research Division",
                                  "Strategic and Service Policy Branch",
                                  "Programa de Migración y Territorio",
                                  "Programma di ricerca sulle migrazioni"])
def test_a_public_body_s_units_are_organizations(unit: str) -> None:
    """Sections, divisions and branches named under an author are units, no people."""
    from harvester.names import is_organization
    assert is_organization(unit)
