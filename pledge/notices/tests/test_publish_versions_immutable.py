"""A published version never changes: not by the register moving on, not by save or delete."""

import pytest

from pledge.notices.models import ImmutableVersionError, NoticeVersion
from pledge.notices.services import publish_notice
from pledge.register.models import ProcessingActivity, Service
from pledge.register.tests.factories import NOW, TODAY, import_minimal, make_service_notice

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def register(time_machine):
    time_machine.move_to(NOW, tick=False)
    import_minimal()


@pytest.fixture
def version():
    notice = make_service_notice(service=Service.objects.get(slug="council-tax"))
    return publish_notice(notice=notice, actor="test", change_summary="First notice.", effective_from=TODAY)


def test_saving_a_published_version_is_refused(version) -> None:
    version.change_summary = "Rewritten history."

    with pytest.raises(ImmutableVersionError):
        version.save()

    assert NoticeVersion.objects.get(pk=version.pk).change_summary == "First notice."


def test_deleting_a_published_version_is_refused(version) -> None:
    with pytest.raises(ImmutableVersionError):
        version.delete()

    assert NoticeVersion.objects.filter(pk=version.pk).exists()


def test_a_published_version_keeps_its_wording_when_the_register_changes(version) -> None:
    text = version.text
    ProcessingActivity.objects.filter(slug="council-tax-billing").update(purposes=["to run the council tax service"])

    stored = NoticeVersion.objects.get(pk=version.pk)

    assert stored.text == text
    assert "to bill and collect council tax" in stored.text
    assert stored.document["activities"][0]["purposes"] == ["to bill and collect council tax"]
