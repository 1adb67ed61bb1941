"""The language a text is written in, for pages that declare none.

Scripts decide first (Hangul is Korean, kana Japanese, Greek Greek...); texts in Latin
or Cyrillic letters are told apart by their commonest short words ("the", "und",
"les", "que"...), which every sentence of a language is full of. A text too short, or
whose words point to no language clearly, gives None: a wrong language is worse than
none in a record.
"""

from __future__ import annotations

import re
from collections import Counter

# The commonest function words of each language (a word two languages share is listed for
# both, and then decides nothing).
_STOPWORDS = {
    "en": "the and of to in is that for it with as was on are by this be from have not but",
    "de": "der die und das ist nicht mit den von zu sich des auf für dem ein eine auch wird",
    "fr": "le la les et des est une pour dans que qui pas sur au du avec par ce sont aux",
    "es": "el la los las que y en del por con una para es se lo como más pero sus al",
    "it": "il di che è per una della non sono gli del con si alla nel anche come dei le",
    "pt": "o os que não uma para com do da em dos das ao mais como pelo pela é foi",
    "nl": "de het een van en niet dat is op voor zijn met die te ook aan er maar",
    "sv": "och att det som är en på av för med inte till den har om ett var",
    "da": "og at det som er en på af for med ikke til den har om et var jeg",
    "no": "og at det som er en på av for med ikke til den har om et var jeg",
    "pl": "i w nie na się z że do to jest jak o po ale od przez dla są",
    "cs": "a v se na je že to s z do o jsou jako by ale pro které",
    "tr": "ve bir bu da de için ile olarak çok daha ne gibi olan en",
    "id": "dan yang di ini itu dengan untuk tidak dari dalam akan pada adalah",
    "ru": "и в не на что с по как это из для он за от но так же",
    "uk": "і в не на що з по як це із для та від але так що є",
    "bg": "и в не на че се за от да с по е са като това",
    "hu": "a az és hogy nem is egy van meg csak de ez el már mint volt után",
}
_USES = Counter(w for words in _STOPWORDS.values() for w in set(words.split()))
# Each word counts for each language that uses it, divided among them: a word of one
# language says the most, one that two share says half as much for each.
_WEIGHTS = {lang: {w: 1 / _USES[w] for w in set(words.split())}
            for lang, words in _STOPWORDS.items()}
_WORD = re.compile(r"[^\W\d_]+")
# Scripts of one language each, and scripts shared by several with the letters that tell
# them apart: kana among Han characters is Japanese, Persian or Urdu letters among Arabic
# ones make Persian or Urdu.
_SCRIPTS = (
    ("ko", re.compile(r"[\uac00-\ud7af]")),
    ("el", re.compile(r"[\u0370-\u03ff]")),
    ("he", re.compile(r"[\u0590-\u05ff]")),
    ("th", re.compile(r"[\u0e00-\u0e7f]")),
    ("hi", re.compile(r"[\u0900-\u097f]")),
    ("bn", re.compile(r"[\u0980-\u09ff]")),
    ("ta", re.compile(r"[\u0b80-\u0bff]")),
    ("hy", re.compile(r"[\u0530-\u058f]")),
    ("ka", re.compile(r"[\u10a0-\u10ff]")),
)
# Latin and Cyrillic letters: only a text mostly written in them is told by its words.
_WORDED = re.compile(r"[A-Za-z\u00c0-\u024f\u0400-\u04ff]")
_HAN = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_URDU = re.compile(r"[ٹڈڑںے]")
_PERSIAN = re.compile(r"[پچژگیک]")
_MIN_WORDS = 30
_MIN_SHARE = 0.5
_MIN_SCORE = 0.05
_SAMPLE = 5000


def guess_language(text: str) -> str | None:
    """Return the language a text is most likely written in (a two-letter code), or None
    when it is too short or its words point to no language clearly."""
    text = text[:_SAMPLE]
    letters = sum(1 for c in text if c.isalpha())
    if not letters:
        return None
    # A script a third of the letters are written in decides.
    for lang, script in _SCRIPTS:
        if len(script.findall(text)) * 3 >= letters:
            return lang
    if len(_HAN.findall(text)) * 3 >= letters:
        return "ja" if len(_KANA.findall(text)) * 20 >= letters else "zh"
    if len(_ARABIC.findall(text)) * 3 >= letters:
        if len(_URDU.findall(text)) * 50 >= letters:
            return "ur"
        return "fa" if len(_PERSIAN.findall(text)) * 50 >= letters else "ar"
    if len(_WORDED.findall(text)) * 3 < letters * 2:
        return None
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < _MIN_WORDS:
        return None
    counts = Counter(words)
    scores = {lang: sum(counts[w] * weight for w, weight in weights.items())
              for lang, weights in _WEIGHTS.items()}
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    (best, top), (_, second) = ranked[0], ranked[1]
    # Enough of the text is words of the best language, and clearly more than of the next
    # one (Danish and Norwegian share nearly all of theirs: neither wins then).
    if top < len(words) * _MIN_SCORE or top * _MIN_SHARE <= second:
        return None
    return best
