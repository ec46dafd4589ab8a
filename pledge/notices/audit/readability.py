"""Readability of a notice (Art 12(1): "concise, transparent, intelligible ... clear and plain language").

Flesch reading ease and the Flesch-Kincaid grade, computed here with a heuristic syllable counter
(vowel groups, silent final *e*, *-le* endings), so no dictionary or package is needed.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")


def syllables(word: str) -> int:
    """Approximate syllable count of an English word (at least one)."""
    word = word.lower().strip("'’-")
    if len(word) <= 3:
        return 1
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")):
        word = word[:-1]
    elif word.endswith(("es", "ed")) and not word.endswith(("ted", "ded", "ses", "zes", "ces", "ges")):
        word = word[:-2]
    return max(1, len(_VOWEL_GROUPS.findall(word)))


def scores(sentences: list[str]) -> dict[str, float]:
    """Words, sentences, Flesch reading ease and Flesch-Kincaid grade for a list of sentences."""
    words = [w for s in sentences for w in _WORD.findall(s)]
    count_sentences = max(1, len([s for s in sentences if _WORD.search(s)]))
    if not words:
        return {"words": 0, "sentences": 0, "flesch_reading_ease": 0.0, "grade": 0.0}
    per_sentence = len(words) / count_sentences
    per_word = sum(syllables(w) for w in words) / len(words)
    ease = 206.835 - 1.015 * per_sentence - 84.6 * per_word
    grade = 0.39 * per_sentence + 11.8 * per_word - 15.59
    return {
        "words": len(words),
        "sentences": count_sentences,
        "flesch_reading_ease": round(ease, 1),
        "grade": round(max(grade, 0.0), 1),
    }


def describe(ease: float) -> str:
    """Flesch's own bands for reading ease."""
    bands = (
        (90, "very easy"),
        (80, "easy"),
        (70, "fairly easy"),
        (60, "plain English"),
        (50, "fairly difficult"),
        (30, "difficult"),
    )
    for floor, label in bands:
        if ease >= floor:
            return label
    return "very difficult"
