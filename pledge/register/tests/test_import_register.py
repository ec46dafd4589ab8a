"""Importing a YAML register makes the database match it exactly, with an audit row per change."""

import pytest

from pledge.core.models import AuditAction, AuditEvent
from pledge.register.models import (
    Controller,
    ProcessingActivity,
    Recipient,
    RetentionRule,
    Service,
    SharingAgreement,
    System,
)
from pledge.register.services import RegisterInvalid, import_register
from pledge.register.tests.factories import MINIMAL, copy_minimal

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_clock")]

MODELS = [Controller, Recipient, System, SharingAgreement, RetentionRule, Service, ProcessingActivity]


def row_counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def test_it_creates_every_entity_of_the_register() -> None:
    result = import_register(directory=MINIMAL, actor="test import")

    assert row_counts() == {
        "Controller": 1,
        "Recipient": 2,
        "System": 1,
        "SharingAgreement": 0,
        "RetentionRule": 1,
        "Service": 1,
        "ProcessingActivity": 2,
    }
    assert result.created == {
        "controllers": 1,
        "recipients": 2,
        "systems": 1,
        "retention_rules": 1,
        "services": 1,
        "activities": 2,
    }
    billing = ProcessingActivity.objects.get(slug="council-tax-billing")
    assert billing.service.slug == "council-tax"
    assert billing.lawful_basis == "c"
    assert billing.legislation == ["Local Government Finance Act 1992"]
    assert sorted(billing.recipients.values_list("slug", flat=True)) == ["dwp", "mailing-house"]
    assert billing.retention_rule.slug == "six-years-after-closure"


def test_it_writes_a_create_audit_row_per_entity_and_one_import_summary() -> None:
    import_register(directory=MINIMAL, actor="test import")

    creates = AuditEvent.objects.filter(action=AuditAction.CREATE)
    assert sorted(creates.values_list("object_type", "object_ref")) == [
        ("activities", "council-tax-billing"),
        ("activities", "garden-waste-subscription"),
        ("controllers", "testshire-council"),
        ("recipients", "dwp"),
        ("recipients", "mailing-house"),
        ("retention_rules", "six-years-after-closure"),
        ("services", "council-tax"),
        ("systems", "revenues-system"),
    ]
    assert all(event.before is None and event.after for event in creates)
    assert creates.get(object_ref="garden-waste-subscription").after["service"] == "council-tax"
    summary = AuditEvent.objects.get(action=AuditAction.IMPORT)
    assert summary.object_ref == "minimal"
    assert summary.actor_label == "test import"
    assert summary.summary.startswith("controllers: 1 (new 1); recipients: 2 (new 2)")


def test_reimporting_an_unchanged_register_changes_nothing_but_the_import_summary() -> None:
    import_register(directory=MINIMAL, actor="test import")
    rows_before = row_counts()
    events_before = AuditEvent.objects.count()

    result = import_register(directory=MINIMAL, actor="test import")

    assert row_counts() == rows_before
    assert result.created == result.updated == result.deleted == {}
    assert sum(result.unchanged.values()) == 8
    assert AuditEvent.objects.count() == events_before + 1
    assert AuditEvent.objects.order_by("-id").first().action == AuditAction.IMPORT


def test_it_updates_a_changed_field_and_audits_the_before_and_after(tmp_path) -> None:
    import_register(directory=MINIMAL, actor="test import")
    directory = copy_minimal(to=tmp_path)
    path = directory / "services" / "council-tax.yaml"
    path.write_text(
        path.read_text().replace("data_categories: [name, address, email]", "data_categories: [name, address]")
    )

    result = import_register(directory=directory, actor="test import")

    assert result.updated == {"activities": 1}
    assert ProcessingActivity.objects.get(slug="garden-waste-subscription").data_categories == ["name", "address"]
    event = AuditEvent.objects.get(action=AuditAction.UPDATE)
    assert (event.object_type, event.object_ref) == ("activities", "garden-waste-subscription")
    assert event.before["data_categories"] == ["name", "address", "email"]
    assert event.after["data_categories"] == ["name", "address"]
    assert {k for k in event.after if event.before.get(k) != event.after[k]} == {"data_categories"}


def test_it_updates_a_changed_date_and_records_it_as_text(tmp_path) -> None:
    import_register(directory=MINIMAL, actor="test import")
    directory = copy_minimal(to=tmp_path)
    path = directory / "shared.yaml"
    path.write_text(path.read_text().replace("contract_end: 2028-01-01", "contract_end: 2029-03-31"))

    import_register(directory=directory, actor="test import")

    assert str(Recipient.objects.get(slug="mailing-house").contract_end) == "2029-03-31"
    event = AuditEvent.objects.get(action=AuditAction.UPDATE)
    assert (event.before["contract_end"], event.after["contract_end"]) == ("2028-01-01", "2029-03-31")


def test_it_deletes_an_entity_removed_from_the_yaml(tmp_path) -> None:
    import_register(directory=MINIMAL, actor="test import")
    directory = copy_minimal(to=tmp_path)
    path = directory / "services" / "council-tax.yaml"
    text = path.read_text()
    path.write_text(text[: text.index("      - slug: garden-waste-subscription")])

    result = import_register(directory=directory, actor="test import")

    assert result.deleted == {"activities": 1}
    assert not ProcessingActivity.objects.filter(slug="garden-waste-subscription").exists()
    event = AuditEvent.objects.get(action=AuditAction.DELETE)
    assert (event.object_type, event.object_ref) == ("activities", "garden-waste-subscription")
    assert event.before["lawful_basis"] == "b"
    assert event.after is None


def test_it_refuses_an_invalid_directory_and_imports_nothing(tmp_path) -> None:
    directory = copy_minimal(to=tmp_path)
    path = directory / "services" / "council-tax.yaml"
    path.write_text(path.read_text().replace("lawful_basis: b", "lawful_basis: g"))

    with pytest.raises(RegisterInvalid) as invalid:
        import_register(directory=directory, actor="test import")

    assert [str(p) for p in invalid.value.problems] == [
        f"{path}:26: lawful_basis: 'g' is not one of: a, b, c, d, e, ea, f"
    ]
    assert set(row_counts().values()) == {0}
    assert AuditEvent.objects.count() == 0


def test_it_leaves_the_existing_register_alone_when_the_new_one_is_invalid(tmp_path) -> None:
    import_register(directory=MINIMAL, actor="test import")
    rows_before, events_before = row_counts(), AuditEvent.objects.count()
    directory = copy_minimal(to=tmp_path)
    (directory / "shared.yaml").write_text("recipients: [\n")

    with pytest.raises(RegisterInvalid):
        import_register(directory=directory, actor="test import")

    assert row_counts() == rows_before
    assert AuditEvent.objects.count() == events_before


def test_it_names_a_user_actor_in_the_audit_trail() -> None:
    from pledge.register.tests.factories import make_user

    dpo = make_user(username="dana")

    import_register(directory=MINIMAL, actor=dpo)

    assert set(AuditEvent.objects.values_list("actor_label", flat=True)) == {"dana"}
    assert AuditEvent.objects.filter(actor=dpo).count() == 9
