"""The words and patterns author names are read with: titles, degrees, roles, the words
that are no names, the shapes of organizations (`harvester.names` reads names with them).
"""

from __future__ import annotations

import re

from .dates import MONTHS
from .text import trie_pattern

DIGIT = re.compile(r"\d")
#: Folders of a site's people pages ("/experts/jane-doe", "/autoren/erika-muster"): a link
#: there names a person, and its last segment often spells the name.
PEOPLE_FOLDERS = (r"(?:our-|unsere-|nos-|nuestros-)?(?:authors?|by|profiles?|people|persons?|"
                  r"experts?|experten|staff|writers?|editors?|contributors?|team|fellows?|"
                  r"scholars?|researchers?|autor(?:en)?|autores|autori|auteurs?|redakteure?|"
                  r"journalists?|columnists?|bios?|personen|mitarbeiter|chercheu(?:r|rs|ses?)|"
                  r"investigador(?:es|as?)?|ricercat(?:ori|rici)|wissenschaftler(?:innen|-in)?|"
                  r"forschende)")
PREFIX = re.compile(
    r"^\s*(?:(?i:(?:(?:written|authored|posted|published|reported|reporting|compiled|edited|"
    r"produced|hosted|presented|text|story|words|photos?|interview)\s+(?:and\s+\w+\s+)?by|"
    r"(?:geschrieben|verfasst|erstellt|ein beitrag|artikel|text(?:\s+(?:und|&)\s+\w+)?) von|"
    r"écrit par|escrito por|scritto da|by|from|"
    r"authors?|writers?|byline|autor(?:es|a|in)?|auteurs?|hosts?|contributors?)\b)|"
    r"[Vv]on(?!\s+(?:der|dem|den)\b)|[Pp]ar|[Pp]or|di|[Dd]oor|[Aa]v|[Aa]f|بقلم|كتب|كتبت|"
    # Catalan "per" before a name (the Nordic given name "Per" is capitalized)
    r"per(?=\s+[A-ZÀ-Þ])|"
    r"إعداد|تحریر|Автор|автор)\b\s*[:\-–—|]?\s*")
# "Jane Doe is a senior fellow...": the name that opens a biography.
BIO_NAME = re.compile(r"^\s*((?:[A-ZÀ-ÞĀ-Ž][\w.'’-]+)(?:\s+(?:[A-ZÀ-ÞĀ-Ž][\w.'’-]+|van|von|der|"
                       r"den|de|del|da|di|le|la|bin|al|el)){1,3})\s+(?:is|was|serves|works|"
                       r"leads|directs|covers|writes|reports|ist|war|arbeitet|leitet|schreibt|"
                       r"est|était|es|fue|è|é)\b")
# A short label before a colon ("Interview:", "责任编辑：", "Text:") is not part of a name.
LABEL = re.compile(r"^\s*[^\s:：]{1,12}(?:\s[^\s:：]{1,12})?\s*[:：]\s*(?=\S)")
CJK_LABEL = re.compile(r"^\s*(?:投稿者|執筆者|执笔者|著者|作者|文|记者|記者|编辑|責任編輯|"
                       r"责任编辑|来源|撰文|编者)\s*[:：]?\s*")
# A Korean, Chinese or Japanese reporter's title after the name ("홍길동 기자", "张三记者").
CJK_ROLE = re.compile(r"(?<=\S)\s*(?:선임기자|객원기자|기자|특파원|논설위원|记者|記者|"
                       r"特派员|特派員|编辑|編集委員|著|编著|編著|"
                       # Chinese academic titles after a name ("王晓明 教授", "陈静博士")
                       r"副?教授|博士|(?:副|助理)?研究员|讲师|院士)$")
# A Korean researcher's title after the name, set off by a space ("김민수 선임연구위원"):
# glued to a word, "연구원" ends an institute's name ("한국개발연구원").
KO_ROLE = re.compile(r"(?<=\S)\s+(?:선임연구위원|부연구위원|연구위원|연구원|교수|박사)$")
# A Japanese or Chinese credit's translator, supervisor or illustrator ("木下 哲也 訳").
CJK_HELPER = re.compile(r"(?<=\S)\s*(?:監訳|翻訳|訳|译|翻译|監修|绘|絵)$")
MID_BY = re.compile(r"(?i)\b(?:by|von|par|por)\s*:?\s+(?=\S)")
WEEKDAYS = (r"(?:on\s+|am\s+|le\s+|el\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|"
             r"sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|"
             r"mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|"
             r"sábado|domingo)\b")
# Translators, photographers and illustrators are credited but are not authors (the writer
# of "Text and photos by Jane Doe" is).
NOT_AUTHORS = re.compile(r"(?i)(?<!and )(?<!und )(?<!& )\b(?:(?:cover|header|title|lead|top|main|"
                          r"hero|featured?|teaser|article|titel|aufmacher)[\s-]*)?"
                          r"(?:translated|übersetzt|traduit|traducido|tradotto|photos?|fotos?|"
                          r"images?|illustrat\w*|bilder?|titelbild|titelfoto|beitragsbild|aufmacherbild)"
                          r"(?:\s+\S+){0,3}?\s+(?:by|von|par|por|da)\b.*$")
# A wire credit's editors and helpers after its reporters ("...; Editing by Mark Potter"),
# a podcast's guests after its hosts.
HELPERS = re.compile(r"(?i)[;.,]\s*(?:(?:additional\s+)?(?:reporting|writing|editing)|edited|"
                      r"compiled|graphics?)(?:\s+and\s+\w+)?\s+by\b.*$|"
                      # A podcast's guests after its hosts ("Hosted by A. Guests: B, C")
                      r"(?:^|[;.,|]\s*|\s)(?:special\s+)?(?:guests?|gäste?|invités?)\s*:.*$")
# A reporter's place ("Reporting by Jane Doe in Kabul and John Roe", "Von Erika Muster in
# Berlin"); a particle in lower case ("Sophie in 't Veld") is no place.
REPORTER_PLACE = re.compile(r"\s+in\s+[A-Z][\w.'’\- ]*?(?:,\s*[A-Z][A-Za-z.]{0,5})?"
                             r"(?=\s+(?:and|und|et|y|e|en|och|og|&)\s|[;,]|$)")
MONTH = trie_pattern(sorted(MONTHS))
# Where a credit runs into its date: "Jane Doe on March 3, 2024", "Von Jane Doe am 3. März",
# "Jane Doe March 3" (a connector in lower case: "Omar El Akkad" keeps his particle).
DATE_TAIL = (rf"\s(?-i:on|am|le|el|il|op|den|the)\s+(?:[^\W\d]+,?\s+)?(?:\d|(?:{MONTH})\b).*$|"
              rf"(?<=\s)(?:{MONTH})\.?\s+\d.*$|")
# A credit that opens with a translation label names the translator, not an author.
TRANSLATION = re.compile(r"(?i)^\s*(?:übersetzung|übersetzt|translation|translated|traduction|"
                          r"traduit|traducción|traducido|traduzione|tradotto|tradução|"
                          r"vertaling|vertaald)\b")
# A mailbox as feeds and mail write it: "jane@example.org (Jane Doe)" names Jane Doe;
# "Jane Doe <jane@example.org>" loses its address.
MAILBOX = re.compile(r"[^\s(),;<>]+@[^\s(),;<>]+\s*\(([^()@]{2,60})\)|<[^\s<>@]+@[^\s<>]+>")
NOISE = re.compile(
    DATE_TAIL + r"\S+@\S+\.\w+|\S+\[at\]\S+|\[email[^\]]*\]|https?://\S+|www\.\S+|(?<!\w)@\w+|"
    r"\band\s+\d+\s+others?\b|\([^()]{0,60}\)|（[^（）]{0,60}）|\[[^\[\]]{0,60}\]|"
    r"\b\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*(?:uhr|h|[a-z]{1,4}t|utc|gmt)\b)?|"
    r"\b(?:19|20)\d{2}\b|\b(?:updated|published|posted|last modified|aktualisiert|"
    r"veröffentlicht|zuletzt geändert|stand)\b.*$|" + WEEKDAYS, re.IGNORECASE)
# "And" in the languages names are credited in (spaced: "i", "e" and "y" are no initials).
_ANDS = (r"(?:und|et|y|e|en|och|og|i|mit|avec|con|и|та|ve|oraz|ja|és|και|dan|și|و|اور|และ|un|"
         r"和|与|及|및|と)")
SPLIT = re.compile(r"\s*(?:;|\||\n|/|\s&\s|,\s*" + _ANDS + r"\s|,|\s[-–—·•]\s|[·•]|"
                   # Czech and Slovak "a" (and), before a title only: "is a Research
                   # Officer" is English
                   r"\sa\s(?=(?i:doc|prof|mgr|ing|bc|rndr|judr|mudr|phdr|dr)\.)|"
                   # Slovenian "in" (and), before a title only: "Jane Doe in Kabul" is English
                   r"\sin\s(?=(?i:dr|mag|prof|doc|izr)\.)|"
                    r"\b(?i:and|with)\b|\s" + _ANDS + r"\s|"
    r"\s?[،、]\s?|"
    # Hebrew writes "and" as a prefix: before a title ("ועו״ד", "וד״ר") it parts two names.
    r"\sו(?=עו[\"״]ד|ד[\"״]ר|פרופ))\s*")
# "robert.stitz", "edilson.la.rosa": not "kath.net" (a domain ends in a short label).
DOTTED_LOGIN = re.compile(r"[a-zà-ÿ]{2,}(?:\.[a-zà-ÿ]{2,}){0,2}\.[a-zà-ÿ]{4,}")
LONG_TLDS = frozenset("info online news media blog site store tech shop club world today "
                       "space live life email link network digital press agency wiki "
                       "berlin hamburg koeln wien swiss".split())
# News agencies whose name is two letters (the Associated Press, Anadolu, Europa Press).
TWO_LETTER_AGENCIES = frozenset({"AP", "AA", "EP"})
# A legal form ends an organization's whole name ("Union ... für Religion e.V.").
CONJUNCTION = re.compile(r"(?i)(?:and|und|et|y|e|&)\s")
# A role, then "and" and what follows it, with no preposition opening a field before it.
ROLE_AND_NAME = re.compile(r"(?i)^(?:(?!\b(?:in|for|on|of|at|with|to|für|pour|de|en|del)\b)"
                            r"[^,;])*?\s(?:and|und|et|y|&)\s+(.+)$")
# A role's field after its preposition, then "and" and what follows ("Director of Studies
# and John Roe"): a name only when no region or field reads on ("… of Asia and Middle East").
ROLE_FIELD_AND = re.compile(r"(?i)^[^,;]*?\s(?:and|und|et|y|&)\s+(.+)$")
REGION = re.compile(r"(?i)\b(?:asia|africa|europe|america|americas|east|west|north|south|"
                     r"pacific|atlantic|arctic|gulf|caribbean|balkans|sahel|eurasia|oceania|"
                     r"islands?|lakes|horn|levant|maghreb|kingdom|states|republic|korea|"
                     r"china|russia|india|iran|ocean|sea|region|world)\b")
# What a field of expertise ends with ("European Affairs", "Security Cooperation").
FIELD = re.compile(r"(?i)\b(?:affairs|studies|polic(?:y|ies)|security|relations|cooperation|"
                    r"trade|economics|development|politics|defen[cs]e|issues|governance|"
                    r"programs?|programmes?|research|diplomacy|strategy|energy|climate|"
                    r"technology|health|rights)\s*$")
LEGAL_FORM = re.compile(r"(?i)\b(?:e\.\s?v|gmbh|ag|inc|ltd|llc|plc|s\.a)\.?\s*$")
FOR_OUTLET = re.compile(r"^\s*(.+?)\s+(?:for|für|pour|para)\s+\S.*$")
UI_WORDS = {"follow", "following", "share", "shares", "copied", "link", "email", "e-mail",
             "print", "more", "read", "view", "profile", "profil", "posts", "articles",
             "über", "autorenseite", "schließen", "subscribe", "contact", "bio", "twitter",
             "facebook", "linkedin", "instagram", "close", "menu", "author", "mehr",
             "artikel", "alle", "all", "see", "show", "comments", "comment", "min", "x",
             "name", "submit", "connect", "directly", "archive", "archives", "archiv",
             "anzeigen", "account", "teilen", "kommentare", "keine", "weiter", "weitere",
             "→", "»", "community", "reply", "antworten", "website", "posted", "visit",
             "sharing", "options", "copy", "url", "like", "likes"}
LINKERS = {"from", "of", "by", "von", "de", "par", "at", "in", "on", "am", "um"}
# Words trimmed from either end of a name (built once: this runs for every name).
EDGE_WORDS = frozenset(w.casefold() for w in UI_WORDS | LINKERS)
HONORIFIC = re.compile(
    r"^(?:(?:(?i:dr|prof|professor|mr|mrs|ms|mx|sir|dame|amb|ambassador|lt|capt|rev|herr|"
    r"frau|mme|mlle|dott)\.?|(?:M|Ing|Mag|Fr|Sr|Sra|Gen|Col|Maj|Rep|Sen|Gov|Hon)\.|"
    # Dutch engineers and doctorandi ("ir.", "drs."), Italian women's titles ("Dott.ssa")
    r"(?i:ir|drs)\.|(?:Dott|Dr|Prof)\.ssa|Avv\.|Arch\.|"
    # Romanian university ranks ("Conf. univ. dr.", "Lect. univ. dr.")
    r"(?:Conf|Lect|Prof|Asist)\.\s?univ\.(?:\s?dr\.)?|"
    # Greek professor, Urdu doctor, Slovenian and Latvian master's ("mag.", "Mg.")
    r"Καθ\.|Δρ(?=\s)|ڈاکٹر(?=\s)|mag\.|Mg\.|sc\.|"
    # German, Austrian and Spanish academic titles: "Dr.in", "Mag.a", "Dra.", "Mtro.",
    # "Univ.-Prof.", "Dipl.-Ing.", "PD", and the faculty after a doctorate ("Dr. rer. pol.",
    # "habil.").
    r"(?:Dr|Prof|Mag)\.(?:in|a)|Dra\.|Lic(?:da)?\.|Mtr[oa]\.|(?:Univ|Jun|Ass)\.-Prof\.|"
    r"apl\. Prof\.|"
    r"Dipl\.-[A-ZÄÖÜ][a-zäöü]{1,7}\.|PD(?=\s+Dr\.)|"
    r"(?:med|dent|vet|rer|nat|pol|oec|soc|phil|jur|iur|theol|techn|habil|h\.\s?c)\.|"
    # Czech and Slovak, Polish, Turkish, Russian and Arabic titles: "Mgr.", "JUDr.", "dr hab.",
    # "inż.", "Doç. Dr.", "Dr. Öğr. Üyesi", "проф.", "د." (doctor), "م." (engineer), "أ.د.".
    r"(?:Mgr|Bc|PhDr|JUDr|MUDr|MVDr|RNDr|PaedDr|PharmDr|ThDr|Doc|doc|(?i:hab|inż|mgr|doç|öğr|"
    r"arş|gör|yrd|проф|доц|акад))\.|(?i:dr\s+hab|mgr)(?=\s)|Üyesi|д-р|"
    r"(?:أ\.\s?)?د\.|م\.|أ\.|(?:الدكتورة?|المهندسة?|الأستاذة?|د[کك]تر|مهندس)(?=\s)|"
    # Hebrew (ד"ר, עו"ד, פרופ'), Bengali (ড.), Greek (Δρ.), Serbian (др, мр), Austrian (DI,
    # DDr.), Malay (Prof. Madya, Dato'), Vietnamese (PGS.TS., ThS.) and Thai (ดร.) titles
    r"ד[\"״]ר|עו[\"״]ד|פרופ['׳]|ד\"ר|ড\.|Δρ\.|(?i:др|мр)\.?(?=\s)|DI|DDr\.|Madya|Dato['’]?|"
    r"(?:PGS|GS|TS|ThS|CN)\.(?:TS\.)?)\s+|"
    # Thai titles, written against the name ("ผศ.ดร.กมลวรรณ"): doctor, (associate) professor
    r"(?:ผศ\.|รศ\.|ศ\.)?(?:ดร\.)?(?<=\.)\s*)+")
DEGREE = re.compile(
    r"(?:,\s*|\s+)(?:(?i:ph\.?\s?d\.?|d\.?phil\.?|esq\.?|m\.?\s?sc\.?|ll\.?[mb]\.?|b\.sc\.?)|"
    r"M\.D\.|M\.B\.A\.|MBA|J\.D\.|M\.A\.|M\.S\.|MPH|B\.A\.|CFA|CPA|OBE|MBE|CBE|FRS|DDS|"
    r"CSc\.?|DrSc\.?|PharmD|"
    # Members of parliament: "John Roe MP", "Erika Muster MdB".
    r"MP|MEP|MdB|MdL|MdEP)"
    r"(?=[\s,;]|$)|,\s*(?:MD|MA|MS|RN|JD|BA|PhD|MSc|BSc)(?:\s+(?:MD|MA|MS|JD|BA|PhD|MSc|BSc))*"
    r"(?=[\s,;]|$)")
ROLE_WORDS = (
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
    # A French unit signing its work ("Direction des études sur le travail")
    "direction",
)
ROLE = re.compile(r"\b(?:" + "|".join(w.strip() for w in ROLE_WORDS) + r")s?\b", re.IGNORECASE)
NOT_NAMES = {
    "admin", "administrator", "administrador", "amministratore", "administrateur", "beheerder",
    "администратор", "管理员", "管理者", "관리자", "ผู้ดูแลระบบ", "על הכותבים", "על המחברים",
    "על הכותב", "تحریر", "facebook", "twitter", "linkedin",
    "instagram", "youtube",
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
JOINS = re.compile(r"(?<=\w[-'’])\w")
# Indefinite articles open a phrase, never a name ("Ein Beitrag der Red."); a definite one
# may open an organization's ("The Frontier Post", "Die Tagespresse").
ARTICLES = frozenset({"ein", "eine", "einer", "eines", "a", "an"})
LOWER_PARTICLES = {"de", "da", "del", "della", "der", "den", "van", "von", "du", "la", "le",
                    "di", "dos", "das", "do", "bin", "ibn", "al", "el", "ten", "ter", "y", "zu"}
TOKEN = re.compile(r"[^\W\d_][\w'’.\-]*", re.UNICODE)
MAX_NAME = 80
ORGANIZATION = re.compile(
    r"\b(?:university|universit[äéà]t?|universi(?:dad|dade|teit|tet)|uniwersytet|"
    r"institut[eo]?|cent(?:er|re)|department|ministry|"
    r"foundation|stiftung|fondation|council|agency|association|verband|company|inc|ltd|llc|"
    r"gmbh|ag|llp|pllc|plc|e\.\s?v|school|college|hospital|group|press|news|media|network|"
    r"society|"
    r"office|committee|commission|bureau|redaktion|rédaction|redacción|redação|redazione|"
    r"redactie|staff|team|desk|services|webmaster|bank|fund|trust|forum|observatory|"
    r"initiative|program(?:me|a|ma|m)?|health system|division|branch|section|directorate|"
    r"communications?|comunicaci(?:[oó]n|ones)|"
    r"comunica[çc](?:[ãa]o|ões)|comunicazion[ei]|"
    r"kommunikation|prensa|presse|imprensa|ufficio stampa|"
    # Institutions in the languages policy pages are written in: centre, institute,
    # foundation, university, ministry, federal office
    r"centro|centrum|centrul|senter|keskus|központ|ośrodek|merkezi?|pusat|центр|κέντρο|"
    r"istituto|instituto|instituut|instytut|institutul|intézet|instituutti|enstitüsü|"
    r"lembaga|ústav|институт|ινστιτούτο|fundación|fundação|fondazione|fundacja|fundația|"
    r"stichting|stiftelse|säätiö|alapítvány|vakfı|yayasan|nadace|фонд|ίδρυμα|"
    r"universidad|università|universitatea|egyetem|yliopisto|üniversitesi|"
    r"университет|πανεπιστήμιο|ministerio|ministero|ministère|ministerstvo|министерство|"
    r"υπουργείο|bundesamt|landesamt)\b|"
    r"(?:مركز|معهد|مؤسسة|جامعة|מכון|מרכז|پژوهشکده|مؤسسه|مرکز|دانشگاه)|"
    # Chinese, Japanese and Korean institutions end with what they are ("…研究中心", "…財団")
    r"(?:中心|研究院|研究所|大学|大學|学院|學院|委员会|委員會|基金会|基金會|协会|協会|財団|"
    r"出版社|编辑部|編集部|新闻社|通讯社|연구소|연구원|대학교|재단|협회|위원회|편집부)$|"
    # German compounds: "Landesanstalt", "Sportverband", "Max-Planck-Gesellschaft"
    r"\w(?:anstalt|verband|stiftung|gesellschaft|ministerium|verein|institut|redaktion)\b|"
    # No person's name opens with "The": "The Washington Post", "The Editorial Board"
    r"^the\s+(?-i:[A-Z])",
    re.IGNORECASE)
# A family name in capitals before the given names ("KARAMANLI Eleni", "VAN DEN BERG Anna"),
# as the EU institutions write them.
SURNAME_FIRST = re.compile(r"^((?:[A-ZÀ-ÞĀ-Ž][A-ZÀ-ÞĀ-Ž'’\-]+\s+)*[A-ZÀ-ÞĀ-Ž]{2}[A-ZÀ-ÞĀ-Ž'’\-]+)"
                           r"\s+([A-ZÀ-ÞĀ-Ž][a-zß-ÿā-ž'’\-]+(?:[\s-][A-ZÀ-ÞĀ-Ž][a-zß-ÿā-ž'’\-]+)"
                           r"{0,2})$")
# The "i" (Catalan) or "y" (Spanish) between a name's two surnames: a capitalized word
# after it that ends the name ("Puigvert i Martí," "Ortega y Gasset").
DOUBLE_SURNAME = re.compile(r"(?<=[^\W\d_]) (i|y) (?=[A-ZÀ-ÞÑ][^\W\d_]*(?:[-'’][^\W\d_]+)*"
                            r"\s*(?:[,;&]|$| (?:and|i|y|e) ))")
