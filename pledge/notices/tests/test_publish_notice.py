"""Publishing freezes a complete notice as a new version, and refuses an unchanged or incomplete one."""

from datetime import date

import pytest

from pledge.core.models import AuditAction, AuditEvent
from pledge.notices.completeness import MissingItem
from pledge.notices.generation import build_notice_document
from pledge.notices.models import NoticeVersion
from pledge.notices.render import notice_text
from pledge.notices.services import NoticeIncomplete, NoticeUnchanged, document_hash, publish_notice
from pledge.register.models import ProcessingActivity, Service
from pledge.register.tests.factories import NOW, TODAY, import_minimal, make_service_notice, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def register(time_machine):
    time_machine.move_to(NOW, tick=False)
    import_minimal()


@pytest.fixture
def notice():
    return make_service_notice(service=Service.objects.get(slug="council-tax"))


@pytest.fixture
def dpo():
    return make_user(username="dana")


def test_it_publishes_the_first_version(notice, dpo) -> None:
    version = publish_notice(notice=notice, actor=dpo, change_summary="First notice.", effective_from=TODAY)

    assert version.number == 1
    assert version.effective_from == TODAY
    assert version.published_at == NOW
    assert version.published_by == dpo
    assert version.change_summary == "First notice."
    assert version.document == build_notice_document(notice)
    assert version.text == notice_text(version.document)
    assert version.content_hash == document_hash(version.document)
    assert notice.current_version() == version


def test_it_audits_the_publication(notice, dpo) -> None:
    publish_notice(notice=notice, actor=dpo, change_summary="  First notice.  ", effective_from=TODAY)

    event = AuditEvent.objects.get(action=AuditAction.PUBLISH)
    assert (event.object_type, event.object_ref, event.summary) == ("notice", "council-tax@1", "First notice.")
    assert event.actor == dpo


def test_it_refuses_to_republish_an_unchanged_notice(notice, dpo) -> None:
    publish_notice(notice=notice, actor=dpo, change_summary="First notice.", effective_from=TODAY)
    events = AuditEvent.objects.count()

    with pytest.raises(NoticeUnchanged, match="has not changed since version 1"):
        publish_notice(notice=notice, actor=dpo, change_summary="Again.", effective_from=TODAY)

    assert NoticeVersion.objects.count() == 1
    assert AuditEvent.objects.count() == events


def test_it_publishes_version_2_after_the_register_changes(notice, dpo) -> None:
    publish_notice(notice=notice, actor=dpo, change_summary="First notice.", effective_from=TODAY)
    ProcessingActivity.objects.filter(slug="garden-waste-subscription").update(data_categories=["name", "address"])

    version = publish_notice(
        notice=notice, actor=dpo, change_summary="We no longer ask for email.", effective_from=date(2026, 12, 1)
    )

    assert version.number == 2
    assert list(notice.versions.values_list("number", flat=True)) == [2, 1]


def test_it_refuses_an_incomplete_notice_with_the_missing_items_and_writes_nothing(notice, dpo) -> None:
    ProcessingActivity.objects.filter(slug="council-tax-billing").update(retention_rule=None, purposes=[])

    with pytest.raises(NoticeIncomplete) as incomplete:
        publish_notice(notice=notice, actor=dpo, change_summary="First notice.", effective_from=TODAY)

    assert incomplete.value.missing == [
        MissingItem("PN04", "Billing and collecting council tax: no purpose"),
        MissingItem("PN10", "Billing and collecting council tax: no retention period"),
    ]
    assert str(incomplete.value) == "2 item(s) missing"
    assert NoticeVersion.objects.count() == 0
    assert not AuditEvent.objects.filter(action=AuditAction.PUBLISH).exists()


@pytest.mark.parametrize("summary", ["", "   "])
def test_it_needs_a_change_summary(notice, dpo, summary: str) -> None:
    with pytest.raises(ValueError, match="change summary"):
        publish_notice(notice=notice, actor=dpo, change_summary=summary, effective_from=TODAY)

    assert NoticeVersion.objects.count() == 0


def test_a_system_actor_publishes_without_a_user(notice) -> None:
    version = publish_notice(notice=notice, actor="scheduled republish", change_summary="First.", effective_from=TODAY)

    assert version.published_by is None
    assert AuditEvent.objects.get(action=AuditAction.PUBLISH).actor_label == "scheduled republish"


def test_the_version_in_force_depends_on_the_date(notice, dpo) -> None:
    first = publish_notice(notice=notice, actor=dpo, change_summary="First.", effective_from=TODAY)
    ProcessingActivity.objects.filter(slug="garden-waste-subscription").update(data_categories=["name"])
    second = publish_notice(notice=notice, actor=dpo, change_summary="Second.", effective_from=date(2026, 12, 1))

    assert notice.current_version() == first
    assert notice.current_version(on=date(2026, 11, 30)) == first
    assert notice.current_version(on=date(2026, 12, 1)) == second
    assert notice.current_version(on=date(2026, 11, 1)) is None
