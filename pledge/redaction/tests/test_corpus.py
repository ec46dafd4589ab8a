import pytest

from pledge.redaction.corpus import generate_notes
from pledge.redaction.engine import detect
from pledge.redaction.entities import PersonRole
from pledge.redaction.evaluation import IDENTIFIERS, THIRD_PARTY_NAMES, Scores, score_note

pytestmark = pytest.mark.db_independent


def test_the_same_seed_gives_the_same_notes() -> None:
    assert generate_notes(count=5, seed=3) == generate_notes(count=5, seed=3)
    assert generate_notes(count=5, seed=3) != generate_notes(count=5, seed=4)


def test_every_label_points_at_its_text() -> None:
    for note in generate_notes(count=20):
        for label in note.labels:
            assert note.text[label.start : label.end].strip() == note.text[label.start : label.end] != ""
        assert {label.role for label in note.labels} == set(PersonRole)


def test_the_detector_meets_its_targets_on_a_small_sample() -> None:
    scores = Scores()
    for note in generate_notes(count=60, seed=11):
        score_note(scores, note, detect(note.text, context=note.context))
    assert scores.recall(THIRD_PARTY_NAMES) >= 0.97
    assert scores.precision(THIRD_PARTY_NAMES) >= 0.90
    assert scores.recall(IDENTIFIERS) >= 0.99
    assert scores.requester_redacted_rate <= 0.02
