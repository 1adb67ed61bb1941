"""Publications that are only a file: which documents a card or feed item describes as one.

A listing card or feed item titled with a link to a document ("Annual Report 2023" linking
"/files/annual-report-2023.pdf") is a publication with no page of its own, when the title
is one of its own and not an action on the file ("Download PDF"). Discovery yields these
last (`via="file"`), and the pipeline stores them from the card alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .canonical import record_key
from .choose_labels import title_type
from .record import Record
from .vocab import Vocabulary

# A card title that names an action on a file, not the publication ("Download PDF").
_FILE_ACTION = re.compile(r"(?i)^\W*(?:download|read|view|open|get|full|see|pdf|click)\b")


class FilePublications:
    """The documents one source's discovery keeps as publications that are only a file."""

    def __init__(self, vocabulary: Callable[[], Vocabulary]) -> None:
        """Keep none yet; `vocabulary()` gives the vocabulary a title's type is read with."""
        self.vocabulary = vocabulary
        # (URL, card) by record key ("/files/annual-report-2023.pdf"), the first card kept.
        self.cards: dict[str, tuple[str, Record]] = {}

    def keep(self, url: str, card: Record | None) -> bool:
        """Keep a document a card or feed item describes as a publication that is only a
        file, when the card gives it a title of its own (not "Download"); tell whether."""
        if card is None or not card.title or len(card.title.split()) < 2 \
                or _FILE_ACTION.match(card.title):
            return False
        kind = card.type or title_type(card.title, self.vocabulary())
        if kind != card.type:  # "Working Paper 12: …": nothing else says what the file is
            card = card.with_changes(type=kind, provenance={**card.provenance, "type": "card"})
        self.cards.setdefault(record_key(url), (url, card.with_changes(url=url)))
        return True

    def found(self) -> list[tuple[str, Record]]:
        """Return the (URL, card) of every document kept, in the order first kept."""
        return list(self.cards.values())
