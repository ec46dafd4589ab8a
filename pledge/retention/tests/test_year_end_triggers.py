"""A register rule can count its period from the end of the financial or tax year of the event ("current year plus
6"), and the disposal run's due dates follow it (pledge.law.retention anchors)."""

from datetime import date

import pytest

from pledge.law.retention import disposal_due
from pledge.register.models import RetentionRule, RetentionTrigger
from pledge.register.yaml.schema import RETENTION_TRIGGERS
from pledge.retention.sweep import ANCHORS


def test_every_year_end_trigger_of_the_register_has_an_anchor_in_the_run() -> None:
    for trigger in (RetentionTrigger.END_OF_FINANCIAL_YEAR, RetentionTrigger.END_OF_TAX_YEAR):
        assert trigger.value in ANCHORS
        assert trigger.value in RETENTION_TRIGGERS


def test_the_yaml_accepts_every_trigger_the_model_knows() -> None:
    assert set(RETENTION_TRIGGERS) == set(RetentionTrigger.values)


@pytest.mark.parametrize(
    ("trigger", "closed", "due"),
    [
        (RetentionTrigger.END_OF_FINANCIAL_YEAR, date(2020, 6, 15), date(2027, 4, 1)),  # 31 Mar 2021 + 6 years
        (RetentionTrigger.END_OF_FINANCIAL_YEAR, date(2021, 3, 31), date(2027, 4, 1)),
        (RetentionTrigger.END_OF_TAX_YEAR, date(2020, 4, 6), date(2027, 4, 6)),  # 5 Apr 2021 + 6 years
        (RetentionTrigger.ACCOUNT_CLOSED, date(2020, 6, 15), date(2026, 6, 16)),
    ],
)
def test_a_six_year_rule_is_due_the_day_after_its_year_end_plus_six(trigger, closed, due) -> None:
    assert disposal_due(trigger_date=closed, years=6, anchor=ANCHORS.get(trigger.value, "")) == due


@pytest.mark.django_db
def test_the_rule_reads_as_plain_english() -> None:
    rule = RetentionRule.objects.create(
        slug="ct", name="Council tax", trigger=RetentionTrigger.END_OF_FINANCIAL_YEAR, years=6, source="LGFA 1992"
    )
    assert rule.plain_english == "6 years after the end of the financial year (31 March) of the event, then destroy"
