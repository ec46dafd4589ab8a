"""Every activity needs a retention rule (Art 5(1)(e), Art 30(1)(f))."""

import pytest

from pledge.register.consistency import Finding, check_activity
from pledge.register.tests.factories import TODAY, activity_record


def test_it_accepts_an_activity_with_a_retention_rule() -> None:
    assert check_activity(activity_record(), controller_kind="council", recipients={}, today=TODAY) == []


@pytest.mark.parametrize("rule", ["", None])
def test_it_refuses_an_activity_without_a_retention_rule(rule: str | None) -> None:
    findings = check_activity(
        activity_record(retention_rule=rule), controller_kind="council", recipients={}, today=TODAY
    )

    assert findings == [Finding("retention_rule", "activity without a retention rule (Art 5(1)(e), Art 30(1)(f))")]
