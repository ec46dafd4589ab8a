"""Sharing agreements: review and expiry status, and partners an activity shares with that no agreement covers."""

from datetime import date

import pytest

from pledge.law.sharing import AgreementStatus, agreement_status, uncovered_partners

TODAY = date(2026, 12, 1)


@pytest.mark.parametrize(
    ("starts", "review", "expires", "status"),
    [
        (date(2025, 1, 1), date(2027, 6, 1), None, AgreementStatus.CURRENT),
        (date(2025, 1, 1), date(2027, 1, 30), None, AgreementStatus.REVIEW_DUE),  # 60 days ahead
        (date(2025, 1, 1), date(2027, 1, 31), None, AgreementStatus.CURRENT),  # 61 days ahead
        (date(2025, 1, 1), TODAY, None, AgreementStatus.REVIEW_DUE),  # the review day itself
        (date(2025, 1, 1), date(2026, 11, 30), None, AgreementStatus.REVIEW_OVERDUE),
        (date(2025, 1, 1), None, None, AgreementStatus.REVIEW_OVERDUE),
        (date(2025, 1, 1), date(2027, 6, 1), date(2026, 11, 30), AgreementStatus.EXPIRED),
        (date(2025, 1, 1), date(2027, 6, 1), TODAY, AgreementStatus.CURRENT),  # in force on its last day
        (date(2027, 1, 1), date(2028, 1, 1), None, AgreementStatus.NOT_STARTED),
    ],
)
def test_agreement_status(starts, review, expires, status):
    assert (
        agreement_status(starts_on=starts, review_on=review, expires_on=expires, today=TODAY, warning_days=60) == status
    )


def test_an_activity_with_no_agreement_in_force_leaves_every_partner_uncovered():
    assert uncovered_partners(partner_recipients=["b", "a"], agreement_recipients=[], agreements_in_force=0) == (
        "a",
        "b",
    )


def test_partners_no_agreement_names_are_uncovered():
    found = uncovered_partners(
        partner_recipients=["a", "b", "c"], agreement_recipients=[["a"], ["b"]], agreements_in_force=2
    )
    assert found == ("c",)


def test_an_agreement_naming_no_recipients_covers_them_all():
    assert uncovered_partners(partner_recipients=["a"], agreement_recipients=[[]], agreements_in_force=1) == ()
