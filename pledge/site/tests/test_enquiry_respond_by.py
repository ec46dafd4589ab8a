from datetime import date

import pytest

from pledge.site.deadlines import enquiry_respond_by


def test_it_gives_thirty_days_by_default():
    assert enquiry_respond_by(received_on=date(2026, 11, 24)) == date(2026, 12, 24)


def test_it_counts_across_a_year_end():
    assert enquiry_respond_by(received_on=date(2026, 12, 15)) == date(2027, 1, 14)


def test_it_uses_the_number_of_days_it_is_given():
    assert enquiry_respond_by(received_on=date(2026, 2, 1), response_days=28) == date(2026, 3, 1)


def test_it_refuses_a_period_of_less_than_a_day():
    with pytest.raises(ValueError):
        enquiry_respond_by(received_on=date(2026, 2, 1), response_days=0)
