"""The words labels are read by: what a "Type:", "Authors:" or "Topics:" line says, and the
credits that end a name ("Photo:"), in the languages publication pages are written in, each
set compared in one spelling (`label_key`'s)."""

from __future__ import annotations

# Credit labels that end an author's name on a line: pictures, sources, editors.
OTHER_CREDITS = frozenset({
    "photo", "photos", "foto", "fotos", "bild", "bilder", "image", "images", "source",
    "sources", "quelle", "editor", "editing", "redaktion", "写真", "撮影", "摄影", "图", "圖",
    "来源", "來源", "出典", "编辑", "編輯", "责任编辑", "責任編輯", "사진", "편집"})
# Label words (lowercased) in the languages publication pages are written in.
TYPE_LABELS = frozenset({
    "type", "content type", "publication type", "document type", "format", "article type",
    "item type",
    "resource type", "report type", "type of publication", "publikationstyp",
    "publikationsart", "dokumenttyp", "dokumentart", "type de document",
    "type de publication", "tipo de documento", "tipo de publicación", "tipo de publicação",
    "tipo di documento", "documenttype", "typ", "tipo"})
AUTHOR_LABELS = frozenset({
    "author", "authors", "by", "written by", "prepared by", "authored by", "contributor",
    "préparé par", "rédigé par", "preparado por", "elaborado por", "preparato da", "redatto da",
    "erstellt von", "verfasst von", "opgesteld door", "geschreven door",
    # Thai: writer, researcher, research team
    "ผู้เขียน", "ผู้วิจัย", "คณะผู้วิจัย",
    "contributors", "autor", "autorin",
    "autoren", "autorinnen", "verfasser", "verfasserin", "auteur", "auteurs", "auteure",
    "autore", "autori", "autora", "autores", "autoras", "författare", "forfatter", "автор",
    "автори", "авторы", "yazar", "yazan", "teksti", "tekst", "文", "著者", "作者", "执笔",
    "글", "text", "texte", "texto", "testo", "reporter", "reporters", "writer", "writers",
    "penulis", "pewarta", "wartawan", "tác giả", "نویسنده", "نویسندگان", "تهیه کننده",
    "تهیه کنندگان", "پدیدآورنده", "پدیدآورندگان", "مؤلف", "مؤلفان", "كاتب", "الكاتب", "מאת",
    "執筆者", "autoría", "autoria",
    "执笔者", "執筆",
    "记者", "記者", "기자", "글쓴이", "작성자", "报道", "撰文",
    # Hungarian, Finnish, Greek, Polish and Czech
    "szerző", "szerzők", "kirjoittaja", "kirjoittajat", "toimittaja", "συντάκτης",
    "συγγραφέας", "συγγραφείς", "συντάκτες", "autorka", "autorzy", "avtor", "avtorja", "avtorji",
    "avtorica", "autoriai", "تحریر", "مصنف", "مصنفین",
    # Turkish, Czech, Nordic, Finnish, Indonesian, Korean and Arabic plurals and bylines
    "yazarlar", "autoři", "forfattere", "författarna", "tekijä", "tekijät", "oleh", "저자",
    "집필", "المؤلف", "المؤلفون", "المؤلفين", "الكتاب",
    # Korean research institutes' report tables: principal investigator, (joint) researchers
    "연구책임자", "책임연구자", "공동연구진", "공동연구자", "연구진", "참여연구진"})
# A field labelled as the item's title (a repository's or a board's item table).
TITLE_LABELS = frozenset({
    "title", "titel", "titre", "título", "titolo", "tytuł", "název", "başlık", "заголовок",
    "название", "제목", "标题", "標題", "题名", "題名", "タイトル", "عنوان", "כותרת"})
# Categories are topics on a labelled line; a heading above a list says "Topics", not that.
CATEGORY_LABELS = frozenset({"category", "categories", "kategorie", "kategorien",
                              "categorías", "catégories", "categorie"})
TOPIC_HEADINGS = frozenset({
    "topic", "topics", "tag", "tags", "keyword", "keywords", "subject", "subjects", "theme",
    "themes", "issue", "issues", "issue area", "issue areas", "region", "regions",
    "countries", "filed under", "research areas", "focus areas", "schlagwörter",
    "schlagworte", "stichwörter", "themen", "thema", "mots-clés", "mots clés", "thèmes",
    "sujets", "étiquettes", "etiquetas", "temas", "palabras clave", "argomenti",
    "parole chiave", "trefwoorden", "onderwerpen", "tópicos", "assuntos", "palavras-chave",
    # Nordic, Finnish, Polish, Czech, Turkish, Russian, Ukrainian, Indonesian, Arabic,
    # Japanese, Chinese and Korean
    "ämnen", "taggar", "nyckelord", "ämnesord", "emner", "stikkord", "emneord", "aiheet",
    "avainsanat", "asiasanat",
    "tematy", "słowa kluczowe", "tagi", "témata", "klíčová slova", "štítky", "konular",
    "etiketler", "anahtar kelimeler", "темы", "теги", "ключевые слова", "теми", "ключові слова",
    "kata kunci", "topik", "الكلمات المفتاحية", "الوسوم", "موضوعات", "キーワード", "タグ",
    "关键词", "關鍵詞", "标签", "標籤", "主题", "키워드", "태그", "주제어",
    # Hungarian, Slovak, Persian, Hebrew, Greek, Romanian, Croatian, Serbian, Lithuanian,
    # Catalan, Vietnamese, Thai, Hindi and Bengali
    "címkék", "kulcsszavak", "témák", "kľúčové slová", "témy", "کلیدواژه‌ها", "واژگان کلیدی",
    "کلیدواژه ها", "برچسب‌ها", "תגיות", "נושאים", "ετικέτες", "λέξεις-κλειδιά", "θέματα",
    "etichete", "cuvinte cheie", "teme", "oznake", "ključne riječi", "ključne reči",
    "кључне речи", "ознаке", "теме", "žymos", "raktažodžiai", "temos", "etiquetes",
    "paraules clau", "temes", "từ khóa", "thẻ", "chủ đề", "คำสำคัญ", "แท็ก", "टैग", "कीवर्ड",
    "ট্যাগ", "বিষয়",
    # Latvian, Estonian, Slovenian, Danish, Swahili and Urdu
    "atslēgvārdi", "tēmas", "birkas", "märksõnad", "teemad", "ključne besede", "nøgleord",
    "mada", "lebo", "ٹیگز",
    # Blogger's and Confluence's tags, EPrints' free keywords
    "labels", "uncontrolled keywords"})
# Persian written with Arabic letters (windows-1256 has no Persian yeh or kaf), and with a
# space for the zero-width non-joiner: labels are compared in one spelling.
ARABIC_FORMS = str.maketrans({"ي": "ی", "ك": "ک", "\u200c": " "})
OTHER_CREDITS, TYPE_LABELS, AUTHOR_LABELS, CATEGORY_LABELS, TOPIC_HEADINGS = (
    frozenset(w.translate(ARABIC_FORMS) for w in words) for words in (
        OTHER_CREDITS, TYPE_LABELS, AUTHOR_LABELS, CATEGORY_LABELS, TOPIC_HEADINGS))
TOPIC_LABELS = TOPIC_HEADINGS | CATEGORY_LABELS
