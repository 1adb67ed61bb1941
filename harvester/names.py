"""Author names: split credit lines into names and clean each one.

"By: Asfandyar Mir, Ph.D.;  Tamanna Salikuddin" gives two names without the
degree; "Mir, Asfandyar" is turned round when it is clearly one inverted name;
roles, honorifics, emails, handles, dates and "and 3 others" are dropped;
strings that are not names (sentences, "Share", "Facebook") are rejected.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .dates import MONTHS
from .text import WIDE_CHARS, clean, strip_accents, trie_pattern

_DIGIT = re.compile(r"\d")
#: Folders of a site's people pages ("/experts/jane-doe", "/autoren/erika-muster"): a link
#: there names a person, and its last segment often spells the name.
PEOPLE_FOLDERS = (r"(?:our-|unsere-|nos-|nuestros-)?(?:authors?|by|profiles?|people|persons?|"
                  r"experts?|experten|staff|writers?|editors?|contributors?|team|fellows?|"
                  r"scholars?|researchers?|autor(?:en)?|autores|autori|auteurs?|redakteure?|"
                  r"journalists?|columnists?|bios?|personen|mitarbeiter|chercheu(?:r|rs|ses?)|"
                  r"investigador(?:es|as?)?|ricercat(?:ori|rici)|wissenschaftler(?:innen|-in)?|"
                  r"forschende)")
_PREFIX = re.compile(
    r"^\s*(?:(?i:(?:(?:written|authored|posted|published|reported|reporting|compiled|edited|"
    r"produced|hosted|presented|text|story|words|photos?|interview)\s+(?:and\s+\w+\s+)?by|"
    r"(?:geschrieben|verfasst|erstellt|ein beitrag|artikel|text(?:\s+(?:und|&)\s+\w+)?) von|"
    r"écrit par|escrito por|scritto da|by|from|"
    r"authors?|writers?|byline|autor(?:es|a|in)?|auteurs?|hosts?|contributors?)\b)|"
    r"[Vv]on(?!\s+(?:der|dem|den)\b)|[Pp]ar|[Pp]or|di|[Dd]oor|[Aa]v|[Aa]f|بقلم|كتب|كتبت|"
    r"إعداد|Автор|автор)\b\s*[:\-–—|]?\s*")
# "Jane Doe is a senior fellow...": the name that opens a biography.
_BIO_NAME = re.compile(r"^\s*((?:[A-ZÀ-ÞĀ-Ž][\w.'’-]+)(?:\s+(?:[A-ZÀ-ÞĀ-Ž][\w.'’-]+|van|von|der|"
                       r"den|de|del|da|di|le|la|bin|al|el)){1,3})\s+(?:is|was|serves|works|"
                       r"leads|directs|covers|writes|reports|ist|war|arbeitet|leitet|schreibt|"
                       r"est|était|es|fue|è|é)\b")
# A short label before a colon ("Interview:", "责任编辑：", "Text:") is not part of a name.
_LABEL = re.compile(r"^\s*[^\s:：]{1,12}(?:\s[^\s:：]{1,12})?\s*[:：]\s*(?=\S)")
_CJK_LABEL = re.compile(r"^\s*(?:投稿者|著者|作者|文|记者|記者|编辑|責任編輯|责任编辑|来源|"
                        r"撰文|编者)\s*[:：]?\s*")
# A Korean, Chinese or Japanese reporter's title after the name ("홍길동 기자", "张三记者").
_CJK_ROLE = re.compile(r"(?<=\S)\s*(?:선임기자|객원기자|기자|특파원|논설위원|记者|記者|"
                       r"特派员|特派員|编辑|編集委員|著|编著|編著)$")
# A Korean researcher's title after the name, set off by a space ("김민수 선임연구위원"):
# glued to a word, "연구원" ends an institute's name ("한국개발연구원").
_KO_ROLE = re.compile(r"(?<=\S)\s+(?:선임연구위원|부연구위원|연구위원|연구원|교수|박사)$")
# A Japanese or Chinese credit's translator, supervisor or illustrator ("木下 哲也 訳").
_CJK_HELPER = re.compile(r"(?<=\S)\s*(?:監訳|翻訳|訳|译|翻译|監修|绘|絵)$")
_MID_BY = re.compile(r"(?i)\b(?:by|von|par|por)\s*:?\s+(?=\S)")
_WEEKDAYS = (r"(?:on\s+|am\s+|le\s+|el\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|"
             r"sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|"
             r"mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|"
             r"sábado|domingo)\b")
# Translators, photographers and illustrators are credited but are not authors (the writer
# of "Text and photos by Jane Doe" is).
_NOT_AUTHORS = re.compile(r"(?i)(?<!and )(?<!und )(?<!& )\b(?:(?:cover|header|title|lead|top|main|"
                          r"hero|featured?|teaser|article|titel|aufmacher)[\s-]*)?"
                          r"(?:translated|übersetzt|traduit|traducido|tradotto|photos?|fotos?|"
                          r"images?|illustrat\w*|bilder?|titelbild|titelfoto|beitragsbild|aufmacherbild)"
                          r"(?:\s+\S+){0,3}?\s+(?:by|von|par|por|da)\b.*$")
# A wire credit's editors and helpers after its reporters ("...; Editing by Mark Potter"),
# a podcast's guests after its hosts.
_HELPERS = re.compile(r"(?i)[;.,]\s*(?:(?:additional\s+)?(?:reporting|writing|editing)|edited|"
                      r"compiled|graphics?)(?:\s+and\s+\w+)?\s+by\b.*$|"
                      # A podcast's guests after its hosts ("Hosted by A. Guests: B, C")
                      r"(?:^|[;.,|]\s*|\s)(?:special\s+)?(?:guests?|gäste?|invités?)\s*:.*$")
# A reporter's place ("Reporting by Jane Doe in Kabul and John Roe", "Von Erika Muster in
# Berlin"); a particle in lower case ("Sophie in 't Veld") is no place.
_REPORTER_PLACE = re.compile(r"\s+in\s+[A-Z][\w.'’\- ]*?(?:,\s*[A-Z][A-Za-z.]{0,5})?"
                             r"(?=\s+(?:and|und|et|y|e|en|och|og|&)\s|[;,]|$)")
_MONTH = trie_pattern(sorted(MONTHS))
# Where a credit runs into its date: "Jane Doe on March 3, 2024", "Von Jane Doe am 3. März",
# "Jane Doe March 3" (a connector in lower case: "Omar El Akkad" keeps his particle).
_DATE_TAIL = (rf"\s(?-i:on|am|le|el|il|op|den|the)\s+(?:[^\W\d]+,?\s+)?(?:\d|(?:{_MONTH})\b).*$|"
              rf"(?<=\s)(?:{_MONTH})\.?\s+\d.*$|")
# A credit that opens with a translation label names the translator, not an author.
_TRANSLATION = re.compile(r"(?i)^\s*(?:übersetzung|übersetzt|translation|translated|traduction|"
                          r"traduit|traducción|traducido|traduzione|tradotto|tradução|"
                          r"vertaling|vertaald)\b")
# A mailbox as feeds and mail write it: "jane@example.org (Jane Doe)" names Jane Doe;
# "Jane Doe <jane@example.org>" loses its address.
_MAILBOX = re.compile(r"[^\s(),;<>]+@[^\s(),;<>]+\s*\(([^()@]{2,60})\)|<[^\s<>@]+@[^\s<>]+>")
_NOISE = re.compile(
    _DATE_TAIL + r"\S+@\S+\.\w+|\S+\[at\]\S+|\[email[^\]]*\]|https?://\S+|www\.\S+|(?<!\w)@\w+|"
    r"\band\s+\d+\s+others?\b|\([^()]{0,60}\)|（[^（）]{0,60}）|\[[^\[\]]{0,60}\]|"
    r"\b\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*(?:uhr|h|[a-z]{1,4}t|utc|gmt)\b)?|"
    r"\b(?:19|20)\d{2}\b|\b(?:updated|published|posted|last modified|aktualisiert|"
    r"veröffentlicht|zuletzt geändert|stand)\b.*$|" + _WEEKDAYS, re.IGNORECASE)
_SPLIT = re.compile(r"\s*(?:;|\||\n|/|\s&\s|,|\s[-–—·•]\s|[·•]|\b(?i:and|with)\b|"
                    r"\s(?:und|et|y|e|en|och|og|i|mit|avec|con|и|та|ve|oraz|ja|és|και|dan|și)\s|"
    r"\s?[،、]\s?)\s*")
# "robert.stitz", "edilson.la.rosa": not "kath.net" (a domain ends in a short label).
_DOTTED_LOGIN = re.compile(r"[a-zà-ÿ]{2,}(?:\.[a-zà-ÿ]{2,}){0,2}\.[a-zà-ÿ]{4,}")
_LONG_TLDS = frozenset("info online news media blog site store tech shop club world today "
                       "space live life email link network digital press agency wiki "
                       "berlin hamburg koeln wien swiss".split())
# News agencies whose name is two letters (the Associated Press, Anadolu, Europa Press).
_TWO_LETTER_AGENCIES = frozenset({"AP", "AA", "EP"})
# A legal form ends an organization's whole name ("Union ... für Religion e.V.").
_CONJUNCTION = re.compile(r"(?i)(?:and|und|et|y|e|&)\s")
# A role, then "and" and what follows it, with no preposition opening a field before it.
_ROLE_AND_NAME = re.compile(r"(?i)^(?:(?!\b(?:in|for|on|of|at|with|to|für|pour|de|en|del)\b)"
                            r"[^,;])*?\s(?:and|und|et|y|&)\s+(.+)$")
# A role's field after its preposition, then "and" and what follows ("Director of Studies
# and John Roe"): a name only when no region or field reads on ("… of Asia and Middle East").
_ROLE_FIELD_AND = re.compile(r"(?i)^[^,;]*?\s(?:and|und|et|y|&)\s+(.+)$")
_REGION = re.compile(r"(?i)\b(?:asia|africa|europe|america|americas|east|west|north|south|"
                     r"pacific|atlantic|arctic|gulf|caribbean|balkans|sahel|eurasia|oceania|"
                     r"islands?|lakes|horn|levant|maghreb|kingdom|states|republic|korea|"
                     r"china|russia|india|iran|ocean|sea|region|world)\b")
# What a field of expertise ends with ("European Affairs", "Security Cooperation").
_FIELD = re.compile(r"(?i)\b(?:affairs|studies|polic(?:y|ies)|security|relations|cooperation|"
                    r"trade|economics|development|politics|defen[cs]e|issues|governance|"
                    r"programs?|programmes?|research|diplomacy|strategy|energy|climate|"
                    r"technology|health|rights)\s*$")
_LEGAL_FORM = re.compile(r"(?i)\b(?:e\.\s?v|gmbh|ag|inc|ltd|llc|plc|s\.a)\.?\s*$")
_FOR_OUTLET = re.compile(r"^\s*(.+?)\s+(?:for|für|pour|para)\s+\S.*$")
_UI_WORDS = {"follow", "following", "share", "shares", "copied", "link", "email", "e-mail",
             "print", "more", "read", "view", "profile", "profil", "posts", "articles",
             "über", "autorenseite", "schließen", "subscribe", "contact", "bio", "twitter",
             "facebook", "linkedin", "instagram", "close", "menu", "author", "mehr",
             "artikel", "alle", "all", "see", "show", "comments", "comment", "min", "x",
             "name", "submit", "connect", "directly", "archive", "archives", "archiv",
             "anzeigen", "account", "teilen", "kommentare", "keine", "weiter", "weitere",
             "→", "»", "community", "reply", "antworten", "website", "posted", "visit",
             "sharing", "options", "copy", "url", "like", "likes"}
_LINKERS = {"from", "of", "by", "von", "de", "par", "at", "in", "on", "am", "um"}
# Words trimmed from either end of a name (built once: this runs for every name).
_EDGE_WORDS = frozenset(w.casefold() for w in _UI_WORDS | _LINKERS)
_HONORIFIC = re.compile(
    r"^(?:(?:(?i:dr|prof|professor|mr|mrs|ms|mx|sir|dame|amb|ambassador|lt|capt|rev|herr|"
    r"frau|mme|mlle|dott)\.?|(?:M|Ing|Mag|Fr|Sr|Sra|Gen|Col|Maj|Rep|Sen|Gov|Hon)\.|"
    # German, Austrian and Spanish academic titles: "Dr.in", "Mag.a", "Dra.", "Univ.-Prof.",
    # "Dipl.-Ing.", "PD", and the faculty after a doctorate ("Dr. rer. pol.", "habil.").
    r"(?:Dr|Prof|Mag)\.(?:in|a)|Dra\.|Lic(?:da)?\.|(?:Univ|Jun|Ass)\.-Prof\.|apl\. Prof\.|"
    r"Dipl\.-[A-ZÄÖÜ][a-zäöü]{1,7}\.|PD(?=\s+Dr\.)|"
    r"(?:med|dent|vet|rer|nat|pol|oec|soc|phil|jur|iur|theol|techn|habil|h\.\s?c)\.|"
    # Czech and Slovak, Polish, Turkish, Russian and Arabic titles: "Mgr.", "JUDr.", "dr hab.",
    # "inż.", "Doç. Dr.", "Dr. Öğr. Üyesi", "проф.", "د." (doctor), "م." (engineer), "أ.د.".
    r"(?:Mgr|Bc|PhDr|JUDr|MUDr|MVDr|RNDr|PaedDr|PharmDr|ThDr|Doc|doc|(?i:hab|inż|mgr|doç|öğr|"
    r"arş|gör|yrd|проф|доц|акад))\.|(?i:dr\s+hab|mgr)(?=\s)|Üyesi|д-р|"
    r"(?:أ\.\s?)?د\.|م\.|أ\.|(?:الدكتورة?|المهندسة?|الأستاذة?)(?=\s))\s+)+")
_DEGREE = re.compile(
    r"(?:,\s*|\s+)(?:(?i:ph\.?\s?d\.?|d\.?phil\.?|esq\.?|m\.?sc\.?|ll\.?[mb]\.?|b\.sc\.?)|"
    r"M\.D\.|M\.B\.A\.|MBA|J\.D\.|M\.A\.|M\.S\.|MPH|B\.A\.|CFA|CPA|OBE|MBE|CBE|FRS|DDS|"
    # Members of parliament: "John Roe MP", "Erika Muster MdB".
    r"MP|MEP|MdB|MdL|MdEP)"
    r"(?=[\s,;]|$)|,\s*(?:MD|MA|MS|RN|JD|BA|PhD)(?=[\s,;]|$)")
_ROLE_WORDS = (
    "fellow", "director", "editor", "writer", "reporter", "correspondent", "contributor",
    "columnist", "staff", "analyst", "researcher", "associate", "president", "chair",
    "manager", "coordinator", "officer", "producer", "intern", "professor", "lecturer",
    "student", "founder", "ceo", "head of", "advisor", "adviser", "expert", "specialist",
    "autor", "autorin", "redakteurin", "journalistin", "korrespondent", "korrespondentin",
    "freier", "freie", "mitarbeiter", "mitarbeiterin", "expertin", "rédacteur", "rédactrice",
    "periodista", "redactor", "redactora", "giornalista",
    "chief", "deputy", "vice", "secretary", "minister", "author", "journalist", "photographer",
    "correspondant", "redakteur", "redaktion", "rédaction", "redacción", "member", "scholar",
    "team", "guest", "host", "moderator", "program", "programme", "assistant", "consultant",
    "partner", "senior", "junior", "lead ", "principal", "visiting", "non-resident",
    # Reporters sent somewhere, in French, Spanish, Portuguese and Italian; "Special to"
    "envoyé", "envoyée", "envoyés", "corresponsal", "correspondente", "corrispondente",
    "enviado", "enviada", "inviato", "inviata", "special to",
)
_ROLE = re.compile(r"\b(?:" + "|".join(w.strip() for w in _ROLE_WORDS) + r")s?\b", re.IGNORECASE)
_NOT_NAMES = {
    "admin", "administrator", "facebook", "twitter", "linkedin", "instagram", "youtube",
    "email", "e-mail", "print", "share", "follow", "comments", "comment", "read more", "more",
    "subscribe", "login", "log in", "sign in", "home", "news", "guest", "anonymous", "unknown",
    "author", "authors", "by", "and", "the", "editor", "editors", "staff", "none", "null",
    "undefined", "whatsapp", "reddit", "pinterest", "telegram", "tiktok", "rss", "menu",
    "search", "contact", "about", "view all", "see all", "all posts", "posts", "profile",
    "website", "web", "bio", "x", "copy link", "mail", "tumblr", "flipboard", "google",
    "text", "foto", "fotos", "photo", "photos", "bild", "bilder", "interview", "quelle",
    "source", "sources", "video", "audio", "grafik", "illustration", "image", "images",
    "watch live", "live", "extra", "updates", "update", "기자", "记者", "記者",
    # A page's stamps beside its byline (Plone's "von X — zuletzt verändert: 12.06.2019").
    "zuletzt verändert", "zuletzt geändert", "zuletzt aktualisiert", "last modified",
    "last updated", "dernière modification", "última actualización", "ultima modifica",
}
# A letter after a hyphen or an apostrophe inside a name ("Doe-Smith", "O'Roe", "D’Angelo").
_JOINS = re.compile(r"(?<=\w[-'’])\w")
# Indefinite articles open a phrase, never a name ("Ein Beitrag der Red."); a definite one
# may open an organization's ("The Frontier Post", "Die Tagespresse").
_ARTICLES = frozenset({"ein", "eine", "einer", "eines", "a", "an"})
_LOWER_PARTICLES = {"de", "da", "del", "della", "der", "den", "van", "von", "du", "la", "le",
                    "di", "dos", "das", "do", "bin", "ibn", "al", "el", "ten", "ter", "y", "zu"}
_TOKEN = re.compile(r"[^\W\d_][\w'’.\-]*", re.UNICODE)
MAX_NAME = 80
_ORGANIZATION = re.compile(
    r"\b(?:university|universit[äéà]t?|institut[eo]?|cent(?:er|re)|department|ministry|"
    r"foundation|stiftung|fondation|council|agency|association|verband|company|inc|ltd|llc|"
    r"gmbh|ag|e\.\s?v|school|college|hospital|group|press|news|media|network|society|"
    r"office|committee|commission|bureau|redaktion|rédaction|redacción|redação|redazione|"
    r"redactie|staff|team|desk|services|webmaster|bank|fund|trust|forum|observatory|"
    r"initiative|programme|communications?|comunicaci[oó]n|comunica[çc][ãa]o|comunicazione|"
    r"kommunikation|prensa|presse|imprensa|ufficio stampa)\b|"
    # Chinese, Japanese and Korean institutions end with what they are ("…研究中心", "…財団")
    r"(?:中心|研究院|研究所|大学|大學|学院|學院|委员会|委員會|基金会|基金會|协会|協会|財団|"
    r"出版社|编辑部|編集部|新闻社|通讯社|연구소|연구원|대학교|재단|협회|위원회|편집부)$|"
    # German compounds: "Landesanstalt", "Sportverband", "Max-Planck-Gesellschaft"
    r"\w(?:anstalt|verband|stiftung|gesellschaft|ministerium|verein|institut|redaktion)\b|"
    # No person's name opens with "The": "The Washington Post", "The Editorial Board"
    r"^the\s+(?-i:[A-Z])",
    re.IGNORECASE)


def opening_name(text: str) -> str | None:
    """Return the full name that opens a biography ("Jane Doe is a senior fellow…")."""
    match = _BIO_NAME.match(" ".join(text.split()[:8]))
    names = split_names(match.group(1)) if match else []
    if len(names) == 1 and 2 <= len(names[0].split()) <= 4 and not _DIGIT.search(names[0]):
        return names[0]
    return None


def split_names(text: str) -> list[str]:
    """Split one credit line into cleaned names, in order, without duplicates."""
    return list(_split_cached(text)) if isinstance(text, str) else []


@lru_cache(maxsize=4096)
def _split_cached(text: str) -> tuple[str, ...]:
    """Split a credit line (memoized: pages repeat one byline in several places)."""
    return tuple(_split(text))


def _split(text: str) -> list[str]:
    """Split one credit line into cleaned names (see split_names)."""
    # Line breaks separate names (one per element); clean() would fold them into spaces.
    text = clean(re.sub(r"\s*\n\s*", " ; ", text.strip()), limit=600) or ""
    if not text:
        return []
    if _TRANSLATION.match(text):
        return []
    text = _after_by(_NOT_AUTHORS.sub("", _REPORTER_PLACE.sub("", _HELPERS.sub("", text))))
    text = _CJK_LABEL.sub("", _PREFIX.sub("", text))
    text = _MAILBOX.sub(lambda m: m.group(1) or " ", text)  # "a@b.org (Jane Doe)"
    text = _NOISE.sub(" ", text)
    text = _DEGREE.sub("", text)
    if _is_sentence(_without_roles(text)):
        return []
    text = _LABEL.sub("", text)
    names: list[str | None] = []
    for chunk in text.split(";"):
        if _is_sentence(_without_roles(chunk), long_line=10):
            continue  # an author box's bio line beside the name
        pieces = chunk.split(",")
        while len(pieces) > 2 and _is_role(pieces[-1]):
            pieces.pop()
        chunk = ",".join(_without_role_pieces(pieces))
        inverted = _inverted(chunk)
        names += [inverted] if inverted else [clean_name(_without_outlet(p))
                                              for p in _SPLIT.split(chunk)]
    return unique_names([n for n in names if n])


def _without_roles(text: str) -> str:
    """Return a credit without the comma-separated pieces that open with a role: a role after
    a name ("Jean Dupont, envoyé spécial à Kiev") does not make the credit prose (but "is a
    senior fellow at…" does)."""
    return ",".join(p for p in text.split(",") if not _ROLE.match(p.strip()))


def _without_role_pieces(pieces: list[str]) -> list[str]:
    """Drop the role written after a name ("Cory Welt, Specialist in Russian and European
    Affairs") with the pieces that go on describing it ("…, Security Cooperation and the
    Global Arms Trade"), so that its "and" splits no name off; a later piece that is a name,
    or opens with "and", credits someone again."""
    if len(pieces) < 2 or len(pieces[0].split()) < 2:
        return pieces  # "Doe, Jane": an inverted name
    kept, in_role = pieces[:1], False
    for piece in pieces[1:]:
        text = piece.strip()
        if _ROLE.match(text):
            in_role = True
            # "Senior Fellow and John Roe": no field opened before the "and", so a name
            # follows it; "Specialist in Russian and European Affairs" goes on with a field.
            joined = _ROLE_AND_NAME.match(text) or _ROLE_FIELD_AND.match(text)
            if joined and _is_name_after_role(joined.group(1), joined.re is _ROLE_AND_NAME):
                kept.append(joined.group(1))
                in_role = False
        elif not in_role or _CONJUNCTION.match(text) or is_name(text, strict=True):
            in_role = False
            kept.append(piece)
    return kept


def _is_name_after_role(tail: str, plain_role: bool) -> bool:
    """Tell whether what follows a role's "and" is a person: a name that is no field, and
    after a field ("Director of Studies and …") no region either ("… of Asia and South
    Asia")."""
    if not is_name(tail, strict=True) or _FIELD.search(tail):
        return False
    return plain_role or (len(tail.split()) <= 4 and not _REGION.search(tail))


def _without_outlet(text: str) -> str:
    """Return "Jane Doe" of "Jane Doe for The Guardian" (a writer and the outlet written for),
    never cutting an organization's own name ("Center for American Progress")."""
    match = _FOR_OUTLET.match(text)
    if match is None or _LEGAL_FORM.search(text):
        return text
    person = match.group(1)
    if 2 <= len(person.split()) <= 4 and not is_organization(person) and is_name(person):
        return person
    return text


def _after_by(text: str) -> str:
    """Return what follows a "by" inside a line whose start is a date or label, not a name."""
    match = _MID_BY.search(text)
    if not match or match.start() == 0:
        return text
    before = text[: match.start()]
    english = match.group(0)[:2].lower() == "by"
    if _DIGIT.search(before) is not None or english and len(before.split()) <= 3:
        return text[match.end():]
    return text


def _inverted(text: str) -> str | None:
    """Return "First Last" when text is clearly one "Last, First" name, else None."""
    if text.count(",") != 1 or re.search(r"\band\b|&|;", text, re.IGNORECASE):
        return None
    last, first = (p.strip() for p in text.split(","))
    *particles, surname = last.split() or [""]
    if any(p not in _LOWER_PARTICLES for p in particles) or not first \
            or len(first.split()) > 3 or _is_role(first) or _DEGREE.match(", " + first):
        return None
    if not (surname[:1].isupper() and first[:1].isupper()):
        return None
    return clean_name(f"{first} {last}")


def _is_sentence(text: str, long_line: int = 40) -> bool:
    """Tell whether a credit line is prose (a bio, a caption) rather than a list of names.

    A line of `long_line` words or more with a few lowercase words is prose too (German
    capitalizes its nouns, so the share of lowercase words alone misses its bios).
    """
    words = _SPLIT.sub(" ", text).split()
    lower = [w for w in words if w[:1].islower() and w not in _LOWER_PARTICLES]
    return len(lower) >= 3 and (len(lower) * 3 >= len(words) or len(words) >= long_line) \
        or len(words) > 40


def clean_name(text: str) -> str | None:
    """Return one cleaned person or organization name, or None when it is not a name."""
    text = clean(text, limit=300) or ""
    text = _PREFIX.sub("", text)
    text = _HONORIFIC.sub("", text.strip(" \t,;:|-–—•·*\"'()[]"))
    text = _DEGREE.sub("", text).strip(" \t,;:|-–—•·*\"'()[]")
    text = _KO_ROLE.sub("", _CJK_ROLE.sub("", text))
    if _CJK_HELPER.search(text):
        return None  # "木下 哲也 訳": the translator of a book, no author
    if _is_role(text) and not is_name(text, strict=True):
        return None
    text = _strip_ui_words(text) if not is_organization(text) else text
    if text.endswith(".") and len(text.rsplit(" ", 1)[-1]) > 3:
        text = text[:-1]
    if text.startswith("the ") and text[4:5].isupper():
        text = "The " + text[4:]  # "By the Editorial Board": the board's name
    if text.isupper() and len(text) > 3:
        text = _title_case(text)
    if _DOTTED_LOGIN.fullmatch(text) and text.rsplit(".", 1)[1] not in _LONG_TLDS:
        # A CMS login made of the person's names ("robert.stitz"): the name it spells.
        text = " ".join(part.capitalize() for part in text.split("."))
    return text if is_name(text) else None


def _strip_ui_words(text: str) -> str:
    """Drop trailing interface words ("Follow", "Share", "WATCH LIVE") and a doubled name."""
    words = text.split()
    edges = _EDGE_WORDS
    while words and words[-1].casefold().strip(".:→»") in edges:
        words.pop()
    while words and words[0].casefold().strip(".:") in edges:
        words.pop(0)
    half = len(words) // 2
    if half and len(words) % 2 == 0 and words[:half] == words[half:]:
        words = words[:half]
    return " ".join(words)


def is_name(text: str, *, strict: bool = False) -> bool:
    """Tell whether text looks like a person's or organization's name (not a sentence)."""
    if not text or len(text) > MAX_NAME or text.casefold() in _NOT_NAMES:
        return False
    tokens = text.split()
    if not tokens or len(tokens) > (4 if strict else 7):
        return False
    if len(tokens) == 1 and len(text) <= 2:
        # Two Chinese characters or Hangul syllables make a whole name ("张三", "이훈").
        return text in _TWO_LETTER_AGENCIES or len(WIDE_CHARS.findall(text)) == 2
    if _DIGIT.search(text) is not None or not _TOKEN.search(text):
        return False
    if any(ch in text for ch in "<>{}=\\?!#%:"):
        return False
    if len(tokens) > 1 and tokens[0].lower() in _ARTICLES:
        return False  # "Ein Beitrag der Red": a phrase, not a name
    capitalized = sum(1 for t in tokens if t[:1].isupper() or not t[:1].isalpha())
    lower = [t for t in tokens if t[:1].islower() and t.lower() not in _LOWER_PARTICLES]
    if lower and lower[0] == tokens[0] and capitalized:
        return False
    if strict:
        return not lower and capitalized == len(tokens) and not _is_role(text)
    return len(lower) <= 1 or capitalized == 0 and len(tokens) <= 3


def _is_role(text: str) -> bool:
    """Tell whether text names a job or role rather than a person."""
    return bool(_ROLE.search(text))


def _title_case(text: str) -> str:
    """Title-case an ALL CAPS name, keeping particles lowercase; each part of a joined name
    opens with a capital ("DOE-SMITH" -> "Doe-Smith", "O'ROE" -> "O'Roe")."""
    words = [_JOINS.sub(lambda m: m.group(0).upper(), w.capitalize())
             if w.lower() not in _LOWER_PARTICLES else w.lower() for w in text.split()]
    return " ".join(words)


def is_field(text: str) -> bool:
    """Tell whether a text ends like a field of study or work ("Labour Studies", "European
    Affairs"): a part of an institution's or a role's name, no person's."""
    return _FIELD.search(text) is not None


def is_organization(name: str) -> bool:
    """Tell whether a name is an institution's ("University of Bergen", "Crisis Group")."""
    return name in _TWO_LETTER_AGENCIES or bool(_ORGANIZATION.search(name))


@lru_cache(maxsize=8192)
def name_key(name: str) -> str:
    """Return the key two spellings of one name share (case, accents, punctuation ignored)."""
    return re.sub(r"[\W_]+", "", strip_accents(name).casefold())


def unique_names(names: list[str]) -> list[str]:
    """Drop duplicates (case- and accent-insensitive) and names that wrap another listed name
    in extra words ("Jane Doe Senior Writer" beside "Jane Doe"), keeping page order."""
    seen: set[str] = set()
    kept = []
    for name in names:
        key = name_key(name)
        if key and key not in seen:
            seen.add(key)
            kept.append(name)
    spaced = [f" {' '.join(name_key(w) for w in n.split())} " for n in kept]
    return [n for n, s in zip(kept, spaced, strict=True)
            if not any(o != s and len(o) < len(s) and o in s for o in spaced)]
