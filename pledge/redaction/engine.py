"""``detect(text, context=...)``: Presidio configured for UK council documents, offline, and whose-data tagging.

The analyzer is built once per process (and per gazetteer of known people): Presidio's own UK recognisers tuned,
Pledge's recognisers for addresses, bank details, council references, dates of birth and names, and none of
Presidio's US-only ones. Its NLP engine is ``OfflineNlpEngine``, so nothing is ever downloaded.

Overlapping findings are resolved to the longest span (an address beats the given name in 'Victoria Road'); then
the requester's and staff's names from the case context are found by exact phrase too, since the case knows them.
"""

import re
from collections.abc import Iterable
from functools import lru_cache

from presidio_analyzer import AnalyzerEngine, RecognizerRegistry, RecognizerResult
from presidio_analyzer.predefined_recognizers import SpacyRecognizer

from pledge.redaction.entities import EntityType, PersonRole, ProposedRedaction, RedactionContext
from pledge.redaction.names import TITLES, NameGazetteer, PersonNameRecognizer
from pledge.redaction.nlp import OfflineNlpEngine, WindowContextEnhancer
from pledge.redaction.recognisers import pattern_recognisers
from pledge.redaction.roles import RoleTagger, name_words

SCORE_THRESHOLD = 0.4
ENTITIES = [entity.value for entity in EntityType]


def build_analyzer(*, known_people: Iterable[str] = (), use_installed_ner: bool = False) -> AnalyzerEngine:
    """A Presidio analyzer for English UK council text that loads and fetches nothing from outside Pledge."""
    nlp_engine = OfflineNlpEngine(use_installed_ner=use_installed_ner)
    nlp_engine.load()
    registry = RecognizerRegistry(supported_languages=["en"])
    for recogniser in pattern_recognisers():
        registry.add_recognizer(recogniser)
    registry.add_recognizer(PersonNameRecognizer(gazetteer=NameGazetteer(known_people=known_people)))
    if nlp_engine.get_supported_entities():
        registry.add_recognizer(SpacyRecognizer(supported_entities=["PERSON"]))
    return AnalyzerEngine(
        registry=registry,
        nlp_engine=nlp_engine,
        supported_languages=["en"],
        default_score_threshold=SCORE_THRESHOLD,
        context_aware_enhancer=WindowContextEnhancer(),
    )


@lru_cache(maxsize=4)
def analyzer_for(known_people: tuple[str, ...] = (), use_installed_ner: bool = False) -> AnalyzerEngine:
    """The analyzer for this gazetteer, built once per process."""
    return build_analyzer(known_people=known_people, use_installed_ner=use_installed_ner)


def detect(text: str, *, context: RedactionContext, use_installed_ner: bool = False) -> list[ProposedRedaction]:
    """Every span of personal data in ``text``, in order, with its type, whose it is, a score and why, and whether
    it is proposed for redaction (third parties yes; the requester no; staff as ``context.redact_staff`` says)."""
    if not text.strip():
        return []
    analyzer = analyzer_for(tuple(context.known_people), use_installed_ner)
    results = analyzer.analyze(text=text, language="en", entities=ENTITIES)
    results.extend(_known_names(text, context))
    tagger = RoleTagger(context)
    chosen = _longest_first(results)
    full_names = [name_words(text[r.start : r.end])[1] for r in chosen if r.entity_type == EntityType.PERSON]
    others = [words for words in full_names if len(words) >= 2]
    proposals = []
    for result in chosen:
        entity = EntityType(result.entity_type)
        span = text[result.start : result.end]
        if entity == EntityType.PERSON:
            role, why_role = tagger.name_role(span, others=others)
        else:
            role, why_role = tagger.identifier_role(entity, span)
        proposals.append(
            ProposedRedaction(
                start=result.start,
                end=result.end,
                entity=entity,
                role=role,
                score=round(result.score, 2),
                reason=f"{entity.label}: {_why_found(result)}; {why_role}",
                redact=tagger.redacts(role),
            )
        )
    return proposals


RECOGNISER_REASONS = {
    "PledgeNhsRecognizer": "ten digits that pass the NHS Modulus 11 check",
    "UkNinoRecognizer": "in the format of a National Insurance number",
    "UkPostcodeRecognizer": "in the format of a UK postcode",
    "PledgeVehicleRegistrationRecognizer": "in the format of a UK number plate",
    "UkDrivingLicenceRecognizer": "in the format of a DVLA driving licence number",
    "UkPassportRecognizer": "a passport number beside the word passport",
    "GbPhoneRecognizer": "a UK phone number",
    "OfflineEmailRecognizer": "an email address",
    "UkStreetAddressRecognizer": "a house number and street",
    "UkSortCodeRecognizer": "a sort code beside bank words",
    "UkBankAccountRecognizer": "an eight-digit account number beside account words",
    "CouncilReferenceRecognizer": "in the format of a council record reference",
    "DateOfBirthRecognizer": "a date beside birth words",
    "CreditCardRecognizer": "a card number that passes the Luhn check",
    "IbanRecognizer": "an IBAN with a valid check",
    "SpacyRecognizer": "the optional English language model",
}


def _why_found(result: RecognizerResult) -> str:
    metadata = result.recognition_metadata or {}
    if metadata.get("reason"):
        return str(metadata["reason"])
    name = str(metadata.get(RecognizerResult.RECOGNIZER_NAME_KEY, ""))
    return RECOGNISER_REASONS.get(name, "found by " + (name or "a rule"))


def _from_model(result: RecognizerResult) -> bool:
    return (result.recognition_metadata or {}).get(RecognizerResult.RECOGNIZER_NAME_KEY) == "SpacyRecognizer"


def _longest_first(results: list[RecognizerResult]) -> list[RecognizerResult]:
    """Non-overlapping findings: rules before the optional model (its names swallow postcodes and phone numbers),
    then longer spans, then higher scores; in text order."""
    ranked = sorted(results, key=lambda r: (_from_model(r), -(r.end - r.start), -r.score, r.start))
    taken: list[RecognizerResult] = []
    for result in ranked:
        if all(result.end <= other.start or result.start >= other.end for other in taken):
            taken.append(result)
    return sorted(taken, key=lambda r: r.start)


@lru_cache(maxsize=256)
def _phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    words = sorted({p for p in phrases if len(p) > 2}, key=len, reverse=True)
    if not words:
        return None
    titles = "|".join(TITLES)
    return re.compile(rf"\b(?:(?:{titles})\.?\s+)?(?:{'|'.join(re.escape(w) for w in words)})\b")


def _known_names(text: str, context: RedactionContext) -> list[RecognizerResult]:
    """The requester's and staff's names as the case records them, wherever they appear."""
    phrases: list[str] = []
    for person in (context.requester, *context.staff):
        for name in person.names:
            phrases.append(name)
            phrases.extend(word for word in name.split() if word[:1].isupper() and word not in TITLES)
    pattern = _phrase_pattern(tuple(phrases))
    if pattern is None:
        return []
    return [
        RecognizerResult(
            entity_type=EntityType.PERSON.value,
            start=match.start(),
            end=match.end(),
            score=0.9,
            analysis_explanation=None,  # type: ignore[arg-type]
            recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: "CaseNames",
                "reason": "a name the case records for the requester or a member of staff",
            },
        )
        for match in pattern.finditer(text)
    ]


def redacted_roles(proposals: Iterable[ProposedRedaction]) -> set[PersonRole]:
    """The roles among proposals marked for redaction (for summaries without the text)."""
    return {proposal.role for proposal in proposals if proposal.redact}
