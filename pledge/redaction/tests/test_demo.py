from pledge.redaction.demo import TITLE, load_demo
from pledge.redaction.models import Document


def test_the_demo_adds_one_scanned_document_and_is_idempotent(db) -> None:
    first = load_demo()
    assert "redactions proposed" in first
    assert "already there" in load_demo()
    document = Document.objects.get(title=TITLE)
    redacted = {document.text[r.start : r.end] for r in document.redactions.filter(proposed=True)}
    assert {"Kevin Walsh", "07700 900999", "Siobhan Quigley", "CT00004567", "999 000 0018"} <= redacted
    kept = {document.text[r.start : r.end] for r in document.redactions.filter(proposed=False)}
    assert "Tom Caseby" in kept and document.case.requester_name in kept
