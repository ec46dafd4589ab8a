"""The difference between two versions shows the lines added and removed after a register change."""

import pytest

from pledge.notices.services import DiffLine, diff_versions, publish_notice
from pledge.register.models import ProcessingActivity, Service
from pledge.register.tests.factories import NOW, TODAY, import_minimal, make_service_notice

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def register(time_machine):
    time_machine.move_to(NOW, tick=False)
    import_minimal()


@pytest.fixture
def notice():
    return make_service_notice(service=Service.objects.get(slug="council-tax"))


def publish(notice, summary: str):
    return publish_notice(notice=notice, actor="test", change_summary=summary, effective_from=TODAY)


def changes(groups: list[list[DiffLine]]) -> list[DiffLine]:
    return [line for group in groups for line in group if line.kind != "same"]


def test_it_shows_a_changed_purpose_as_removed_and_added(notice) -> None:
    older = publish(notice, "First.")
    ProcessingActivity.objects.filter(slug="council-tax-billing").update(
        purposes=["to bill and collect council tax", "to find empty homes"]
    )
    newer = publish(notice, "New purpose.")

    assert changes(diff_versions(older=older, newer=newer)) == [DiffLine("added", "- to find empty homes")]


def test_it_shows_a_removed_category_and_lost_right(notice) -> None:
    older = publish(notice, "First.")
    ProcessingActivity.objects.filter(slug="garden-waste-subscription").update(
        data_categories=["name", "address"], automated_processing=False
    )
    newer = publish(notice, "Less data.")

    changed = changes(diff_versions(older=older, newer=newer))

    assert DiffLine("removed", "- email") in changed
    assert DiffLine("removed", "- Right to data portability") in changed
    assert all(line.kind == "removed" for line in changed)


def test_it_shows_a_replaced_line_as_removed_then_added(notice) -> None:
    older = publish(notice, "First.")
    ProcessingActivity.objects.filter(slug="council-tax-billing").update(legislation=["Local Government Act 2003"])
    newer = publish(notice, "New law.")

    assert changes(diff_versions(older=older, newer=newer)) == [
        DiffLine(
            "removed",
            "We are allowed to use it because the law requires us to "
            "(Art 6(1)(c) legal obligation; Local Government Finance Act 1992).",
        ),
        DiffLine(
            "added",
            "We are allowed to use it because the law requires us to "
            "(Art 6(1)(c) legal obligation; Local Government Act 2003).",
        ),
    ]


def test_it_gives_unchanged_context_around_each_change(notice) -> None:
    older = publish(notice, "First.")
    ProcessingActivity.objects.filter(slug="council-tax-billing").update(
        purposes=["to bill and collect council tax", "to find empty homes"]
    )
    newer = publish(notice, "New purpose.")

    (group,) = diff_versions(older=older, newer=newer)

    assert DiffLine("same", "- to bill and collect council tax") in group
    assert all(line.text.strip() for line in group)


def test_identical_texts_have_no_differences(notice) -> None:
    version = publish(notice, "First.")

    assert diff_versions(older=version, newer=version) == []
