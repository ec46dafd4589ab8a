from pledge.site.durations import describe_duration

DAY = 24 * 3600


def test_it_says_days():
    assert describe_duration(2 * DAY) == "2 days"
    assert describe_duration(DAY) == "1 day"


def test_it_says_weeks_for_whole_weeks():
    assert describe_duration(14 * DAY) == "2 weeks"


def test_it_says_a_year_for_djangos_csrf_cookie_age():
    assert describe_duration(31449600) == "1 year"


def test_it_says_hours_below_a_day():
    assert describe_duration(3 * 3600) == "3 hours"
