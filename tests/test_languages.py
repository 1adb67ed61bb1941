"""The language of a text, for pages that declare none."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from harvester.extract import extract_page
from harvester.languages import guess_language

SAMPLES = {
    "en": "The ceasefire that was agreed in March is holding, and the parties have said that "
          "they are ready to talk about the next steps. It is not clear how long this will "
          "last, but for now the guns are silent in the region and the people are back.",
    "de": "Die Waffenruhe, die im März vereinbart wurde, hält, und die Parteien haben gesagt, "
          "dass sie bereit sind, über die nächsten Schritte zu sprechen. Es ist nicht klar, "
          "wie lange das dauern wird, aber die Waffen schweigen in der Region.",
    "fr": "Le cessez-le-feu conclu en mars tient, et les parties ont dit qu'elles sont prêtes "
          "à discuter des prochaines étapes. Il n'est pas clair combien de temps cela durera, "
          "mais pour le moment les armes se taisent dans la région et les gens sont revenus.",
    "es": "El alto el fuego que se acordó en marzo se mantiene, y las partes han dicho que "
          "están listas para hablar de los próximos pasos. No está claro cuánto durará, pero "
          "por ahora las armas callan en la región y la gente ha vuelto a sus casas.",
    "it": "Il cessate il fuoco che è stato concordato a marzo regge, e le parti hanno detto "
          "che sono pronte a parlare dei prossimi passi. Non è chiaro quanto durerà, ma per "
          "ora le armi tacciono nella regione e la gente è tornata nelle case della città.",
    "nl": "Het staakt-het-vuren dat in maart werd overeengekomen houdt stand, en de partijen "
          "hebben gezegd dat ze klaar zijn om over de volgende stappen te praten. Het is niet "
          "duidelijk hoe lang het zal duren, maar de wapens zwijgen in de regio en er is rust.",
    "ru": "Перемирие, которое было заключено в марте, соблюдается, и стороны заявили, что "
          "готовы говорить о следующих шагах. Не ясно, как долго это продлится, но пока "
          "оружие молчит в регионе, и люди вернулись в свои дома, как и было обещано.",
    "ja": "三月に合意された停戦は維持されており、双方は次の段階について話し合う用意があると"
          "述べた。これがどのくらい続くかは明らかではないが、今のところ地域では銃声がやんでいる。",
    "zh": "三月达成的停火协议仍在维持，双方表示准备讨论下一步行动。目前尚不清楚这将持续多久，"
          "但该地区的枪声暂时已经停止，人们已经回到了自己的家园。",
    "ko": "3월에 합의된 휴전이 유지되고 있으며 양측은 다음 단계에 대해 논의할 준비가 되어 "
          "있다고 밝혔다. 이것이 얼마나 지속될지는 분명하지 않다.",
    "ar": "وقف إطلاق النار الذي تم الاتفاق عليه في مارس صامد، وقالت الأطراف إنها مستعدة للحديث "
          "عن الخطوات التالية. ليس من الواضح كم سيستمر ذلك، لكن الأسلحة صامتة في المنطقة.",
    "fa": "آتش‌بسی که در ماه مارس توافق شد پابرجاست و طرفین گفتند که آماده‌اند درباره گام‌های "
          "بعدی گفتگو کنند. روشن نیست که این چقدر طول می‌کشد، اما فعلاً سلاح‌ها در منطقه خاموش‌اند.",
    "el": "Η εκεχειρία που συμφωνήθηκε τον Μάρτιο διατηρείται, και τα μέρη δήλωσαν ότι είναι "
          "έτοιμα να συζητήσουν τα επόμενα βήματα.",
}


@pytest.mark.parametrize(("lang", "text"), list(SAMPLES.items()))
def test_a_paragraph_gives_its_language(lang: str, text: str) -> None:
    """A paragraph in each of these languages is recognized."""
    assert guess_language(text) == lang


@pytest.mark.parametrize("text", ["", "Ceasefire", "Jane Doe, John Roe, 2024", "12 34 56",
                                  # Danish and Norwegian share their commonest words.
                                  "og at det som er en på for med ikke til den har om et var "
                                  "jeg og at det som er en på for med ikke til den har om et"])
def test_too_little_or_too_ambiguous_text_gives_none(text: str) -> None:
    """Short texts, names and numbers, and texts two languages share give no language."""
    assert guess_language(text) is None


@given(st.text(max_size=300))
def test_any_text_gives_a_code_or_none(text: str) -> None:
    """Whatever the text, the answer is None or a two-letter code."""
    guess = guess_language(text)
    assert guess is None or (len(guess) == 2 and guess.isalpha())


def test_a_page_without_a_declared_language_gets_the_one_it_is_written_in() -> None:
    """No lang attribute, no meta: the headline and paragraphs tell; a declaration wins."""
    body = f"<h1>Die Waffenruhe hält</h1><p>{SAMPLES['de']}</p>"
    record = extract_page(f"<html><body>{body}</body></html>", "https://x.example/a")
    assert (record.language, record.provenance["language"]) == ("de", "html:words")
    declared = extract_page(f"<html lang='en'><body>{body}</body></html>", "https://x.example/a")
    assert declared.language == "en"


def test_a_script_no_word_list_covers_gives_its_language_or_none() -> None:
    """A Hindi headline with a few English menu words is Hindi, not English; a text mostly in
    a script without a word list (nor a language of its own here) gives none."""
    hindi = "जिले में 32 क्रय केंद्रों पर गेहूं की खरीद शुरू हो गई है और किसान खुश हैं " * 3
    assert guess_language(hindi + " Home Login Search the and of to in") == "hi"
    armenian_mixed = "Հայաստանի կառավարությունը " * 5 + "the and of " * 3
    assert guess_language(armenian_mixed) == "hy"


def test_numeric_dates_of_a_page_without_a_declared_language_read_in_its_text_s_language() -> None:
    """"03/04/2024" on an undeclared German page is 3 April; on a US English one, March 4."""
    german = f"<h1>Die Reform der Pflege</h1><p>03/04/2024</p><p>{SAMPLES['de']}</p>"
    english = f"<h1>The Reform of Care</h1><p>03/04/2024</p><p>{SAMPLES['en']}</p>"
    assert extract_page(f"<html><body>{german}</body></html>",
                        "https://x.example/a").published.isoformat() == "2024-04-03"
    assert extract_page(f"<html><body>{english}</body></html>",
                        "https://x.example/b").published.isoformat() == "2024-03-04"
