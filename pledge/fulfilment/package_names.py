"""Finding passages of free text that seem to name someone other than the requester (no Django import).

UK GDPR Art 15(4) and DPA 2018 Sch 2 para 16: a copy must not adversely affect the rights of others, so case notes
and transcripts that name other people are marked for a caseworker to review before release. This is a recogniser
to send passages to a person, not a redaction tool (issue 8): it looks for a title and a name ("Mrs Patel",
"Dr A. Jones"), a relation and a name ("her son Jack") and two capitalised words that read as a name ("Amy Brown"),
and drops any name made only of the requester's own names.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass

TITLES = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Rev|Cllr|PC|DS|Nurse)"
RELATIONS = (
    r"(?:son|daughter|mother|mum|father|dad|husband|wife|partner|ex-partner|boyfriend|girlfriend|brother|sister|"
    r"grandson|granddaughter|grandmother|grandfather|nan|aunt|uncle|cousin|niece|nephew|neighbour|friend|carer|"
    r"lodger|landlord|tenant|child|baby|stepson|stepdaughter|colleague)"
)
WORD = r"(?:Ma?c|O')?[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?"  # Smith, McDonald, MacLeod, O'Brien, Smith-Jones
INITIAL = r"[A-Z]\.?"
_TITLED = re.compile(rf"\b{TITLES}\.?\s+(?:(?:{INITIAL}|{WORD})\s+){{0,2}}{WORD}\b")
_RELATED = re.compile(
    rf"\b(?:(?:[Hh]er|[Hh]is|[Mm]y|[Tt]heir|[Yy]our|[Tt]he)\s+)?(?i:{RELATIONS})\s+({WORD}(?:\s+{WORD})?)\b"
)
_PAIR = re.compile(rf"\b({WORD})\s+({WORD})\b")
# A full stop after an initial or a title ("Dr A. Jones", "Mr. Shah") does not end the sentence.
_SENTENCE_END = re.compile(r"(?<=[.!?])(?<!\b[A-Z]\.)(?<!Mr\.)(?<!Mrs\.)(?<!Ms\.)(?<!Dr\.)\s+|\n+")

# Capitalised words that are not people's names, so "Social Worker" or "Anyshire Council" is not flagged.
NOT_NAMES = frozenset(
    """
    the a an and or but of in on at to for from with by this that these those he she they we you i it his her
    their our my your mr mrs ms miss dr council anyshire county borough district parish street road lane avenue
    close drive way court house flat school college hospital surgery centre center team service services social
    worker care adult adults children childrens housing benefit benefits tax office department officer manager
    assessment review plan meeting visit call phone email letter monday tuesday wednesday thursday friday
    saturday sunday january february march april may june july august september october november december
    nhs gp police ambulance fire library libraries garden waste parking permit city town park primary
    secondary academy trust health mental support direct payments universal credit new old north south east
    west upper lower great little st saint ward unit home homes limited ltd plc group community
    """.split()
) | frozenset(RELATIONS.strip("(?:)").split("|"))


@dataclass(frozen=True)
class Passage:
    """A sentence of a free-text value (``start``/``end`` offsets into it) and the names recognised in it."""

    start: int
    end: int
    text: str
    names: tuple[str, ...]


def name_tokens(names: Iterable[str]) -> frozenset[str]:
    """The requester's own name words (given, middle, family, former), lower-cased, for ``other_people``."""
    return frozenset(word.casefold() for name in names for word in re.findall(r"[A-Za-z][A-Za-z'-]*", name))


def _is_requester(name: str, own: frozenset[str]) -> bool:
    words = [w.casefold().rstrip(".") for w in name.split()]
    words = [w for w in words if w not in {t.casefold() for t in TITLES.strip("(?:)").split("|")}]
    # Initials of the requester's names count as theirs too ("J. Smith" for John Smith).
    return bool(words) and all(w in own or (len(w) == 1 and any(o.startswith(w) for o in own)) for w in words)


def _candidates(text: str) -> list[tuple[int, int, str]]:
    found = [(m.start(), m.end(), m.group(0)) for m in _TITLED.finditer(text)]
    found += [(m.start(1), m.end(1), m.group(1)) for m in _RELATED.finditer(text)]
    for match in _PAIR.finditer(text):
        first, second = match.group(1), match.group(2)
        if first.casefold() not in NOT_NAMES and second.casefold() not in NOT_NAMES:
            found.append((match.start(), match.end(), match.group(0)))
    return found


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for gap in _SENTENCE_END.finditer(text):
        spans.append((start, gap.start()))
        start = gap.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def other_people(text: str, *, requester_names: Iterable[str]) -> list[Passage]:
    """Each sentence of ``text`` that names someone who is not the requester, with the names found in it."""
    own = name_tokens(requester_names)
    names = [(a, b, name) for a, b, name in _candidates(text) if not _is_requester(name, own)]
    passages = []
    for start, end in _sentences(text):
        inside = sorted({name for a, b, name in names if a >= start and b <= end})
        if inside:
            passages.append(Passage(start=start, end=end, text=text[start:end], names=tuple(inside)))
    return passages


def withhold(text: str, spans: Iterable[tuple[int, int]], *, marker: str) -> str:
    """``text`` with each (start, end) span replaced by ``marker``, right to left so offsets stay valid."""
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + marker + text[end:]
    return text
