"""P053: after an erasure plan, the response letter lists each kept category with the reason it was kept."""

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from django.conf import LazySettings

from pledge.casework.models import CaseKind
from pledge.casework.response_letters import response_context
from pledge.core.models import User
from pledge.fulfilment.plan_build import build_plan
from pledge.fulfilment.plan_execute import execute_plan
from pledge.fulfilment.tests.factories import make_case
from pledge.fulfilment.tests.plan_estate import build_estate, confirm_records, register_estate_systems

DAY = date(2026, 12, 1)


def test_the_letter_lists_kept_categories_with_their_reasons(
    register: None, settings: LazySettings, tmp_path: Path, caseworker: User, today: Callable[[date], date]
) -> None:
    settings.PLEDGE_SYSTEMS = build_estate(tmp_path / "estate").yaml
    register_estate_systems()
    today(DAY)
    case = make_case(kind=CaseKind.ERASURE, received_on=DAY - timedelta(days=1), actor=caseworker)
    confirm_records(case=case, actor=caseworker)
    assert response_context(case=case, today=DAY)["kept_records"] == []
    execute_plan(plan=build_plan(case=case, actor=caseworker), actor=caseworker, erase_ground="no_longer_needed")
    kept = response_context(case=case, today=DAY)["kept_records"]
    assert kept == [
        "Council Tax: Account details, Financial and Identity and contact: kept because the law requires us to keep "
        "it for a set time (UK GDPR Article 17(3)(b)) under the retention rule Six years after the account closes: "
        "6 years after the account is closed, then destroy (Limitation Act 1980 s.5).",
        "Electoral register: Identity and contact: kept because it is held by Electoral Registration Officer, a "
        "separate controller, who you can ask directly.",
    ]
