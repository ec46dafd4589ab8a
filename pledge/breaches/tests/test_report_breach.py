"""Reporting a breach (P121): a reference, the clock from awareness, an audit row, and the DPO told."""

from datetime import datetime, timedelta

import pytest
from django_tasks_db.models import DBTaskResult

from pledge.breaches import services
from pledge.breaches.models import Breach, BreachKept, BreachState
from pledge.breaches.tests.conftest import AWARE, LONDON
from pledge.core.models import AuditEvent
from pledge.core.roles import Role

pytestmark = pytest.mark.django_db


def _report(staff, **kwargs):
    values = {
        "actor": staff(Role.SERVICE_LEAD),
        "description": "Letters went to the wrong address.",
        "aware_at": AWARE,
        "data_categories": "Names and addresses",
        "people_affected": 4,
    }
    values.update(kwargs)
    return services.report_breach(**values)


def test_it_gives_each_breach_a_yearly_reference(staff, at) -> None:
    at(datetime(2026, 12, 24, 17, 0, tzinfo=LONDON))
    first, second = _report(staff), _report(staff)
    assert (first.reference, second.reference) == ("BR-2026-0001", "BR-2026-0002")
    at(datetime(2027, 1, 2, 9, 0, tzinfo=LONDON))
    assert _report(staff).reference == "BR-2027-0001"


def test_it_starts_the_clock_from_awareness_and_audits_without_the_description(staff, at) -> None:
    at(datetime(2026, 12, 24, 17, 0, tzinfo=LONDON))
    breach = _report(staff)
    assert breach.state == BreachState.REPORTED
    assert services.countdown_for(breach, now=AWARE + timedelta(hours=31)).sentence() == (
        "Decide by Sun 27 Dec 2026 16:30: 41 hours left"
    )
    event = AuditEvent.objects.get(object_type="breach", object_ref=breach.reference)
    assert event.actor_label == "service_lead-person"
    assert "wrong address" not in event.summary + str(event.after)


def test_it_queues_an_email_to_the_dpo_on_commit(staff, at, django_capture_on_commit_callbacks) -> None:
    at(datetime(2026, 12, 24, 17, 0, tzinfo=LONDON))
    with django_capture_on_commit_callbacks(execute=True):
        breach = _report(staff)
    job = DBTaskResult.objects.get(task_path="pledge.breaches.tasks.tell_dpo_of_breach")
    assert job.args_kwargs["kwargs"] == {"breach_id": breach.pk}


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"description": "  "}, "description"),
        ({"data_categories": ""}, "data_categories"),
        ({"aware_at": datetime(2026, 12, 25, 9, 0, tzinfo=LONDON)}, "aware_at"),
        ({"occurred_at": AWARE + timedelta(minutes=1)}, "occurred_at"),
    ],
)
def test_it_refuses_a_bad_report_and_saves_nothing(staff, at, change, field) -> None:
    at(datetime(2026, 12, 24, 17, 0, tzinfo=LONDON))
    with pytest.raises(services.BreachInvalid) as refused:
        _report(staff, **change)
    assert set(refused.value.problems) == {field}
    assert not Breach.objects.exists()
    assert not AuditEvent.objects.filter(object_type="breach").exists()


def test_a_breach_can_never_be_deleted(breach) -> None:
    with pytest.raises(BreachKept):
        breach.delete()
    with pytest.raises(BreachKept):
        Breach.objects.all().delete()
    assert Breach.objects.count() == 1


def test_the_case_a_breach_came_from_cannot_take_it_with_it(staff, at) -> None:
    from django.db.models import ProtectedError

    from pledge.casework.tests.factories import make_case

    at(datetime(2026, 12, 24, 17, 0, tzinfo=LONDON))
    case = make_case(received_on=AWARE.date())
    _report(staff, case=case)
    with pytest.raises(ProtectedError):
        case.delete()
