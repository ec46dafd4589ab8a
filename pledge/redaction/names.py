"""Finding people's names without a statistical model: titles, gazetteers of given and family names (the estate's
people and the staff directory among them), relationship words, and the document's own earlier mentions.

Rules, strongest first:
1. a title ("Mrs", "Dr", "Cllr", "PC") then an initial or name and a capitalised word;
2. a known given name then a capitalised word that is not a street kind or a place (a full name), stronger still
   when the pair is in the council's records;
3. a relationship or reporting word ("her neighbour", "ex-partner", "called", "named") then one or two
   capitalised words, which finds names in no list;
4. a known given name on its own (weaker: "Grace", "Victoria" are words and places too);
5. every later mention of a given or family name from a full name already found in the document.
"""

import re
from collections.abc import Callable, Iterable

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult

from pledge.discovery.estate import names as estate_names
from pledge.redaction.entities import EntityType

TITLES = (
    "Mr Mrs Ms Miss Mx Dr Prof Professor Rev Reverend Sir Dame Lady Lord Cllr Councillor PC DC DS DI Sgt Master Judge"
).split()
RELATION_WORDS = (
    "neighbour neighbours son daughter partner ex-partner husband ex-husband wife ex-wife mother mum father dad "
    "brother sister stepfather stepmother stepson stepdaughter grandmother grandfather nan gran grandson "
    "granddaughter aunt uncle cousin niece nephew friend lodger landlord landlady carer boyfriend girlfriend "
    "ex-boyfriend ex-girlfriend fiance fiancee child baby flatmate housemate tenant colleague called named "
    "with and told visited by from"
).split()
# Extra given and family names beyond the estate's lists, so the gazetteer is not only what the estate generates.
EXTRA_GIVEN = (
    "Mohammed Muhammad Ahmed Ali Omar Yusuf Ibrahim Hassan Aisha Fatima Zainab Maryam Amina Priya Raj Sanjay Anil "
    "Sunita Asha Deepak Kiran Arjun Rohan Wei Li Chen Mei Jun Hiroshi Yuki Kofi Ama Chinedu Ngozi Emeka Tunde Femi "
    "Sean Shane Declan Aoife Ciara Bethan Rhys Gethin Cerys Iona Morag Hamish Ewan Fiona Catriona Marta Piotr Anna "
    "Katarzyna Jan Pawel Ewa Elena Ivan Olga Dmitri Sofia Maria Jose Carlos Luis Ana Juan Tom Dan Ben Sam Joe Kate "
    "Liz Jo Sue Pat Chris Nick Rob Mike Steve Dave Jen Becky Katie Ellie Millie Alfie Freddie Charlie Jess Bella"
).split()
EXTRA_SURNAMES = (
    "Ahmed Akhtar Aziz Bibi Chowdhury Das Gupta Hossain Islam Kumar Malik Mistry Nair Rao Sharma Sultana Uddin "
    "Wang Zhang Liu Chen Yang Huang Zhao Wu Zhou Nguyen Tran Kim Park Okafor Mensah Boateng Osei Adeleke Obi "
    "Nowak Kowalski Wisniewski Novak Horvat Popescu Rossi Russo Ferrari Garcia Martinez Lopez Rodriguez Fernandes "
    "Silva Costa Santos Murphy Kelly O'Sullivan Walsh Byrne Ryan Doherty MacLeod Fraser MacDonald Campbell"
).split()
# Capitalised words that follow a given name but are not family names: places, streets, organisations, days.
NOT_FAMILY = frozenset(
    {*estate_names.STREET_KINDS, *estate_names.TOWNS, *(w for town in estate_names.TOWNS for w in town.split())}
    | set(
        "Council Anyshire Hospital School Primary Academy College Surgery Centre Center Library Team Services Service "
        "House Hall Church Chapel Station Park Green Hill Row Square Way Street Road Lane Close Avenue Court Trust "
        "Housing Association Care Home Office Department Unit Ward Monday Tuesday Wednesday Thursday Friday Saturday "
        "Sunday January February March April May June July August September October November December Police Fire "
        "Advice Foundation Limited Ltd Bank Building Society Group Partnership Clinic Practice Pharmacy".split()
    )
)
# Given names that are everyday or place words: counted alone only beside a title or relationship word.
AMBIGUOUS_GIVEN = frozenset(
    "Grace Hope Joy Rose Daisy Ivy Lily Holly Hazel Heather Poppy Ruby Victoria Florence Will Mark May June Jack "
    "Dean Frank Guy Hunter Lane Lee Page Ray Rich Sage Summer Autumn Dawn Faith Robin Crystal Angel Sky Brook "
    "Art Bill Bob Carol Chase Drew Earl Grant Gray Jay Jean Major Miles Norman Pat Penny Sue Amber Jade Pearl "
    "Lewis Owen Arthur Francis Lawrence Stanley Chapman Parker Bell".split()
)
SENTENCE_WORDS = frozenset(
    "The A An This That He She They It We I You His Her Their Our On In At To For St Saint".split()
)
# Words after a full name that make it the name of a place or thing ("Thomas Hardy Room", "Florence Nightingale
# Ward"), not of a person in the document.
PLACE_AFTER = frozenset(
    "Room Ward Wing Suite House Building Centre Center School Academy College Hospital Surgery Clinic Library Hall "
    "Court Road Street Lane Avenue Close Way Drive Park Gardens Place Trust Foundation Fund Award Unit".split()
)

_NAME = r"(?:O'|Mc|Mac)?[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
_TITLE_RE = re.compile(rf"\b(?:{'|'.join(TITLES)})\.?\s+(?:(?:[A-Z]\.?\s+)|(?:{_NAME}\s+))?{_NAME}\b")
_RELATION_RE = re.compile(
    rf"\b(?:{'|'.join(re.escape(word) for word in RELATION_WORDS)})\b,?\s+(?:(?:is|was|called|named)\s+)?"
    rf"({_NAME}(?:\s+{_NAME})?)\b"
)
_RELATION_AFTER_RE = re.compile(
    rf"\b({_NAME}\s+{_NAME})(?:\s*\(|,\s*(?:her|his|their|the|a)\s+)"
    rf"(?:{'|'.join(re.escape(word) for word in RELATION_WORDS[:60])})\b"
)
_WORD_RE = re.compile(rf"\b{_NAME}\b")


Keep = Callable[[int, int, float, str], None]


class NameGazetteer:
    """Given names, family names and known full names, all as written (capitalised)."""

    def __init__(self, *, known_people: Iterable[str] = ()) -> None:
        self.given = {*estate_names.MALE_GIVEN, *estate_names.FEMALE_GIVEN, *EXTRA_GIVEN}
        self.family = {*estate_names.SURNAMES, *EXTRA_SURNAMES}
        self.full: set[str] = set()
        self.add(known_people)
        self.add(estate_names.STAFF)

    def add(self, people: Iterable[str]) -> None:
        """Learn full names ('Given Family', titles and middle names allowed)."""
        for person in people:
            words = [word for word in person.replace(",", " ").split() if word not in TITLES]
            if len(words) >= 2 and words[0][:1].isupper():
                self.given.add(words[0])
                self.family.add(words[-1])
                self.full.add(f"{words[0]} {words[-1]}")


class PersonNameRecognizer(EntityRecognizer):
    """Presidio recogniser for PERSON by the rules in this module's docstring."""

    def __init__(self, *, gazetteer: NameGazetteer) -> None:
        self.gazetteer = gazetteer
        super().__init__(supported_entities=[EntityType.PERSON.value], name="PersonNameRecognizer")
        self.name: str = "PersonNameRecognizer"

    def load(self) -> None:  # nothing to load: the gazetteer is given
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: object = None) -> list[RecognizerResult]:
        found: dict[tuple[int, int], tuple[float, str]] = {}

        def keep(start: int, end: int, score: float, why: str) -> None:
            if found.get((start, end), (0.0, ""))[0] < score:
                found[(start, end)] = (score, why)

        for match in _TITLE_RE.finditer(text):
            keep(match.start(), match.end(), 0.85, "a title before a name")
        for match in _RELATION_RE.finditer(text):
            start, end = self._trim(text, match.start(1), match.end(1))
            if end > start:
                keep(start, end, 0.75, "a relationship or reporting word before a name")
        for match in _RELATION_AFTER_RE.finditer(text):
            start, end = self._trim(text, match.start(1), match.end(1))
            if end > start:
                keep(start, end, 0.75, "a name followed by a relationship word")
        self._gazetteer_names(text, keep)
        self._later_mentions(text, found, keep)
        return [self._result(start, end, score, why) for (start, end), (score, why) in found.items()]

    def _trim(self, text: str, start: int, end: int) -> tuple[int, int]:
        """An empty span when the words are a place or organisation ('Citizens Advice') or start with a sentence
        word; otherwise the span as found."""
        words = text[start:end].split()
        if words[0] in NOT_FAMILY or words[0] in SENTENCE_WORDS:
            return start, start
        if len(words) == 2 and words[1] in NOT_FAMILY and words[1] not in self.gazetteer.family:
            return start, start  # 'Citizens Advice', 'Testford Council': an organisation or place
        return start, end

    def _gazetteer_names(self, text: str, keep: Keep) -> None:
        words = list(_WORD_RE.finditer(text))
        for index, word in enumerate(words):
            given = word.group()
            if given not in self.gazetteer.given:
                continue
            following = words[index + 1] if index + 1 < len(words) else None
            if text[max(0, word.start() - 6) : word.start()].rstrip().endswith(("St", "Saint", "St.")):
                continue
            if (
                following
                and text[word.end() : following.start()] == " "
                and (following.group() not in NOT_FAMILY or following.group() in self.gazetteer.family)
            ):
                family = following.group()
                after = _WORD_RE.match(text, following.end() + 1)
                if after and text[following.end() : after.start()] == " " and after.group() in PLACE_AFTER:
                    continue
                full = f"{given} {family}"
                score = 0.95 if full in self.gazetteer.full else 0.85 if family in self.gazetteer.family else 0.7
                keep(
                    word.start(),
                    following.end(),
                    score,
                    "a full name in the council's records" if score == 0.95 else "a known given name and a family name",
                )
            elif given not in AMBIGUOUS_GIVEN and not (
                following and following.group() in NOT_FAMILY and text[word.end() : following.start()] == " "
            ):
                keep(word.start(), word.end(), 0.6, "a known given name")

    def _later_mentions(self, text: str, found: dict[tuple[int, int], tuple[float, str]], keep: Keep) -> None:
        parts: set[str] = set()
        for (start, end), _ in list(found.items()):
            words = [w for w in text[start:end].split() if w.rstrip(".") not in TITLES and len(w) > 2]
            if len(words) >= 2 or (words and text[start:end].split()[0].rstrip(".") in TITLES):
                parts.update(word for word in words if word not in NOT_FAMILY)
        if not parts:
            return
        pattern = re.compile(rf"\b(?:{'|'.join(re.escape(part) for part in sorted(parts))})\b(?!'s\s+[A-Z])")
        for match in pattern.finditer(text):
            after = _WORD_RE.match(text, match.end() + 1)
            if after and text[match.end() : after.start()] == " " and after.group() in NOT_FAMILY | PLACE_AFTER:
                continue
            keep(match.start(), match.end(), 0.7, "the same name as a person named earlier")

    def _result(self, start: int, end: int, score: float, why: str) -> RecognizerResult:
        explanation = AnalysisExplanation(recognizer=self.name, original_score=score, textual_explanation=why)
        return RecognizerResult(
            entity_type=EntityType.PERSON.value,
            start=start,
            end=end,
            score=score,
            analysis_explanation=explanation,
            recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: self.name, "reason": why},
        )
