"""Exporting the register writes YAML that validates and re-imports to identical records."""

import pytest

from pledge.core.models import AuditAction, AuditEvent
from pledge.register.records import IMPORT_ORDER, MODELS, to_record
from pledge.register.services import export_register, import_register
from pledge.register.tests.factories import MINIMAL, TODAY, make_activity, make_recipient
from pledge.register.yaml.validate import read_register

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_clock")]


def all_records() -> dict[str, dict[str, dict]]:
    records = {}
    for entity in IMPORT_ORDER:
        rows = MODELS[entity]._default_manager.all()
        records[entity] = {obj.slug: to_record(entity, obj, include_empty=True) for obj in rows}
    return records


def test_it_writes_one_file_per_shared_entity_and_one_per_service(tmp_path) -> None:
    import_register(directory=MINIMAL, actor="test")

    files = export_register(directory=tmp_path / "out", actor="test export")

    assert sorted(str(p.relative_to(tmp_path / "out")) for p in files) == [
        "agreements.yaml",
        "controllers.yaml",
        "flows.yaml",
        "recipients.yaml",
        "retention.yaml",
        "services/council-tax.yaml",
        "systems.yaml",
    ]
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT, summary="7 files").count() == 1


def test_the_export_validates(tmp_path) -> None:
    import_register(directory=MINIMAL, actor="test")

    export_register(directory=tmp_path / "out", actor="test")

    _, problems = read_register(tmp_path / "out", today=TODAY)
    assert problems == []


def test_export_then_import_round_trips_to_identical_records(tmp_path) -> None:
    import_register(directory=MINIMAL, actor="test")
    before = all_records()

    export_register(directory=tmp_path / "out", actor="test")
    result = import_register(directory=tmp_path / "out", actor="test")

    assert result.created == result.updated == result.deleted == {}
    assert all_records() == before


def test_a_richer_register_round_trips_too(tmp_path) -> None:
    import_register(directory=MINIMAL, actor="test")
    from pledge.register.models import RetentionRule, Service

    host = make_recipient(
        slug="cloud-host",
        country="US",
        transfer_mechanism="idta",
        transfer_risk_assessment="TRA-7",
        contract_reference="CON-9",
        contract_start=TODAY,
    )
    make_activity(
        service=Service.objects.get(slug="council-tax"),
        slug="single-person-discount-review",
        status="draft",
        lawful_basis="e",
        retention_rule=RetentionRule.objects.get(),
        recipients=(host,),
        special_categories=["health"],
        art9_condition="g",
        schedule1_conditions=["sch1-p2-6"],
        appropriate_policy_document="APD v2",
        automated_decision=True,
        automated_decision_logic="We match the register of electors against discount claims.",
        automated_decision_safeguards="An officer checks every proposed removal.",
    )
    before = all_records()

    export_register(directory=tmp_path / "out", actor="test")
    _, problems = read_register(tmp_path / "out", today=TODAY)
    result = import_register(directory=tmp_path / "out", actor="test")

    assert problems == []
    assert result.created == result.updated == result.deleted == {}
    assert all_records() == before
