"""Scoring the detector against labelled notes: recall and precision per entity type, for third-party names on
their own, identifier recall, and how often the requester's own data would be redacted by mistake.

A gold span counts as found when a proposal of the same type overlaps it (the reviewer sees and can widen it);
a third-party name counts as redacted when an overlapping name proposal is marked for redaction.
"""

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from pledge.redaction.corpus import Label, LabelledNote
from pledge.redaction.entities import IDENTIFIER_TYPES, EntityType, PersonRole, ProposedRedaction


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


@dataclass
class Scores:
    gold: Counter[str] = field(default_factory=Counter)
    found: Counter[str] = field(default_factory=Counter)
    predicted: Counter[str] = field(default_factory=Counter)
    correct: Counter[str] = field(default_factory=Counter)
    notes: int = 0
    notes_with_requester_redacted: int = 0
    characters: int = 0

    def recall(self, key: str) -> float:
        return self.found[key] / self.gold[key] if self.gold[key] else 1.0

    def precision(self, key: str) -> float:
        return self.correct[key] / self.predicted[key] if self.predicted[key] else 1.0

    @property
    def requester_redacted_rate(self) -> float:
        return self.notes_with_requester_redacted / self.notes if self.notes else 0.0


THIRD_PARTY_NAMES = "third-party names (redacted)"
IDENTIFIERS = "identifiers (all roles)"


def score_note(scores: Scores, note: LabelledNote, proposals: Sequence[ProposedRedaction]) -> None:
    """Add one note's results to ``scores``."""
    scores.notes += 1
    scores.characters += len(note.text)
    for label in note.labels:
        keys = [label.entity.value] + ([IDENTIFIERS] if label.entity in IDENTIFIER_TYPES else [])
        hit = any(p.entity == label.entity and _overlaps(p.start, p.end, label.start, label.end) for p in proposals)
        for key in keys:
            scores.gold[key] += 1
            scores.found[key] += hit
        if label.entity == EntityType.PERSON and label.role == PersonRole.THIRD_PARTY:
            scores.gold[THIRD_PARTY_NAMES] += 1
            scores.found[THIRD_PARTY_NAMES] += any(
                p.redact and p.entity == EntityType.PERSON and _overlaps(p.start, p.end, label.start, label.end)
                for p in proposals
            )
    for proposal in proposals:
        same = [
            g
            for g in note.labels
            if g.entity == proposal.entity and _overlaps(g.start, g.end, proposal.start, proposal.end)
        ]
        scores.predicted[proposal.entity.value] += 1
        scores.correct[proposal.entity.value] += bool(same)
        if proposal.entity == EntityType.PERSON and proposal.redact:
            scores.predicted[THIRD_PARTY_NAMES] += 1
            scores.correct[THIRD_PARTY_NAMES] += any(g.role == PersonRole.THIRD_PARTY for g in same)
    if _requester_redacted(note.labels, proposals):
        scores.notes_with_requester_redacted += 1


def _requester_redacted(labels: Iterable[Label], proposals: Sequence[ProposedRedaction]) -> bool:
    return any(
        p.redact and _overlaps(p.start, p.end, label.start, label.end)
        for label in labels
        if label.role == PersonRole.REQUESTER
        for p in proposals
    )
