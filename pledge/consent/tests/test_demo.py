"""The demo ledger loads once and again without duplicating anything."""

from pledge.consent import services
from pledge.consent.demo import load_demo
from pledge.consent.models import ConsentEvent, ConsentPurpose


def test_it_loads_the_demo_ledger_idempotently(db):
    first = load_demo()
    assert "7 events for 4 fictional people" in first
    assert load_demo().endswith("demo events already there")
    assert ConsentEvent.objects.count() == 7 and ConsentPurpose.objects.count() == 4


def test_the_demo_shows_each_kind_of_answer(db):
    load_demo()
    amira, tom, grace, joan = (
        services.subject_for_email(e)
        for e in (
            "amira.okafor@example.org",
            "tom.lindqvist@example.org",
            "grace.mbeki@example.org",
            "joan.hartley@example.org",
        )
    )
    assert services.may_send(subject=amira, purpose="promotional").given is True
    assert services.may_send(subject=tom, purpose="promotional").basis.startswith("opted out")
    assert services.may_send(subject=grace, purpose="marketing:events").basis.startswith("objected")
    covered = services.consent_covers(
        subject=joan, recipient="Anyshire Carers Trust", purpose="sharing:anyshire-carers-trust", explicit_required=True
    )
    assert covered.given is True and "by a representative" in covered.basis
