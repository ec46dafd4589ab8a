"""The dashboard with many cases: one page at a time, counts from the database, team and kind filters, and a
number of queries that does not grow with the cases."""

from datetime import date, timedelta

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pledge.casework import services
from pledge.casework.dashboard import bucket_totals, clock_not_running, dashboard_page, dashboard_rows, open_cases
from pledge.casework.models import Case, CaseKind
from pledge.casework.states import OPEN_STATES
from pledge.casework.tests.factories import make_case
from pledge.core.roles import Role
from pledge.register.tests.factories import make_controller, make_service

pytestmark = pytest.mark.django_db
TODAY = date(2026, 10, 5)  # a Monday
URL = "/staff/cases/"


def html(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def references(response) -> list[str]:
    return [a.get_text() for a in html(response).select("tbody th a")]


@pytest.fixture
def many(today):
    """55 open cases received one a day, so they are due one a day, soonest first."""
    today(TODAY)
    return [make_case(received_on=date(2026, 8, 10) + timedelta(days=n)) for n in range(55)]


@pytest.fixture
def teams(today):
    today(TODAY)
    council = make_controller()
    return make_service(controller=council), make_service(controller=council, slug="housing", name="Housing")


def put_in_team(case: Case, team) -> None:
    # No screen gives a case its team yet; the column is set as the intake of the team issue will set it.
    Case.objects.filter(pk=case.pk).update(team=team)


def test_the_first_page_shows_fifty_cases_soonest_due_first(many, client_as) -> None:
    response = client_as(Role.CASEWORKER).get(URL)
    assert references(response) == [case.reference for case in many[:50]]
    caption = html(response).select_one("caption").get_text(" ", strip=True)
    assert caption.endswith("1 to 50 of 55")


def test_the_second_page_shows_the_rest(many, client_as) -> None:
    response = client_as(Role.CASEWORKER).get(URL + "?page=2")
    assert references(response) == [case.reference for case in many[50:]]
    nav = html(response).select_one("nav.govuk-pagination")
    assert nav["aria-label"] == "Pages of open requests"
    assert nav.select_one("[aria-current=page]").get_text(strip=True) == "2"
    assert nav.select_one("a[rel=prev]")["href"] == "?"
    assert nav.select_one("a[rel=next]") is None


@pytest.mark.parametrize(("asked", "shown"), [("99", "2"), ("0", "2"), ("nonsense", "1"), ("-1", "2"), ("", "1")])
def test_a_page_number_out_of_range_or_not_a_number_shows_a_real_page(many, client_as, asked, shown) -> None:
    nav = html(client_as(Role.AUDITOR).get(f"{URL}?page={asked}")).select_one("nav.govuk-pagination")
    assert nav.select_one("[aria-current=page]").get_text(strip=True) == shown


def test_one_page_of_cases_has_no_pagination(today, client_as) -> None:
    today(TODAY)
    make_case(received_on=date(2026, 9, 2))
    assert html(client_as(Role.CASEWORKER).get(URL)).select_one("nav.govuk-pagination") is None


def test_the_pagination_links_keep_the_filters(many, client_as) -> None:
    nav = html(client_as(Role.CASEWORKER).get(URL + "?kind=access&state=received&junk=<b>")).select_one(
        "nav.govuk-pagination"
    )
    assert nav.select_one("a[rel=next]")["href"] == "?state=received&kind=access&page=2"  # only the filters


def test_the_counts_cover_every_case_not_only_the_page(many, client_as) -> None:
    page = html(client_as(Role.CASEWORKER).get(URL))
    counts = {tag["data-bucket"]: int(tag.get_text(strip=True)) for tag in page.select("[data-bucket]")}
    expected = bucket_totals(open_cases(), today=TODAY).counts
    assert counts == expected
    assert sum(counts.values()) == 55


def test_the_database_counts_agree_with_the_rows_one_by_one(today, caseworker) -> None:
    today(TODAY)
    received = [date(2026, 8, 20) + timedelta(days=n) for n in range(0, 47, 2)]  # due 21 Sep to 5 Nov
    cases = [make_case(received_on=day, kind=kind) for day in received for kind in (CaseKind.ACCESS, CaseKind.ERASURE)]
    services.ask_for_identity(case=cases[0], on=TODAY, actor=caseworker)
    services.ask_for_clarification(case=cases[2], on=TODAY, actor=caseworker)  # access: clock stops
    services.ask_for_clarification(case=cases[3], on=TODAY, actor=caseworker)  # erasure: clock runs on
    services.mark_responded(case=cases[4], on=TODAY, actor=caseworker)
    rows = dashboard_rows(open_cases(), today=TODAY)
    one_by_one = dict.fromkeys(("overdue", "today", "this_week", "later"), 0)
    for row in rows:
        if row.bucket is not None:
            one_by_one[row.bucket.value] += 1
    totals = bucket_totals(open_cases(), today=TODAY)
    assert totals.counts == one_by_one
    assert all(one_by_one.values())  # every bucket is tested
    assert totals.total == len(rows) == len(cases) - 1


@pytest.mark.parametrize("kind", list(CaseKind))
@pytest.mark.parametrize("received", [date(2026, 2, 4), date(2026, 2, 5)])
def test_the_database_agrees_with_the_clock_about_which_clocks_stop(today, caseworker, kind, received) -> None:
    today(date(2026, 2, 10))
    case = make_case(received_on=received, kind=kind)
    services.ask_for_clarification(case=case, on=received, actor=caseworker)
    stopped_in_database = Case.objects.filter(clock_not_running(), pk=case.pk).exists()
    row = dashboard_rows(open_cases(), today=date(2026, 2, 10))[0]
    assert stopped_in_database == (row.clock_note != "")


def test_it_filters_by_team(teams, client_as) -> None:
    council_tax, housing = teams
    in_council_tax, in_housing, no_team = (make_case(received_on=date(2026, 9, n)) for n in (1, 2, 3))
    put_in_team(in_council_tax, council_tax)
    put_in_team(in_housing, housing)
    client = client_as(Role.CASEWORKER)
    assert references(client.get(f"{URL}?team={housing.pk}")) == [in_housing.reference]
    assert references(client.get(f"{URL}?team=none")) == [no_team.reference]
    assert len(references(client.get(URL))) == 3
    team_cells = [td.get_text(strip=True) for td in html(client.get(URL)).select("tbody td:nth-of-type(3)")]
    assert team_cells == ["Council tax", "Housing", "No team yet"]


def test_the_team_filter_lists_every_team(teams, client_as) -> None:
    options = [o.get_text() for o in html(client_as(Role.CASEWORKER).get(URL)).select("select[name=team] option")]
    assert options == ["Any team", "No team yet", "Council tax", "Housing"]


def test_it_filters_by_kind(today, client_as) -> None:
    today(TODAY)
    access = make_case(received_on=date(2026, 9, 1))
    erasure = make_case(received_on=date(2026, 9, 2), kind=CaseKind.ERASURE)
    client = client_as(Role.CASEWORKER)
    assert references(client.get(URL + "?kind=erasure")) == [erasure.reference]
    assert references(client.get(URL + "?kind=access")) == [access.reference]


def test_the_counts_follow_the_filters(today, client_as) -> None:
    today(TODAY)
    make_case(received_on=date(2026, 9, 2))  # overdue
    make_case(received_on=date(2026, 9, 2), kind=CaseKind.ERASURE)
    page = html(client_as(Role.CASEWORKER).get(URL + "?kind=erasure"))
    assert page.select_one('[data-bucket="overdue"]').get_text(strip=True) == "1"


@pytest.mark.parametrize("query", ["kind=nonsense", "team=abc", "team=99999", "assignee=99999&state=closed"])
def test_a_filter_that_matches_no_choice_is_not_an_error(today, client_as, query) -> None:
    today(TODAY)
    make_case(received_on=date(2026, 9, 2))
    assert client_as(Role.CASEWORKER).get(f"{URL}?{query}").status_code == 200


def test_a_filter_combination_that_matches_nothing_says_so(teams, client_as) -> None:
    make_case(received_on=date(2026, 9, 2))
    page = html(client_as(Role.CASEWORKER).get(f"{URL}?team={teams[0].pk}&kind=erasure"))
    assert "No open requests match." in page.get_text()
    assert page.select_one("nav.govuk-pagination") is None


def test_the_queries_do_not_grow_with_the_number_of_cases(today, teams, client_as, caseworker) -> None:
    client = client_as(Role.CASEWORKER)

    def queries_for_the_page() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL).status_code == 200
        return len(queries)

    today(TODAY)
    for n in range(3):
        put_in_team(make_case(received_on=date(2026, 9, 1 + n)), teams[n % 2])
    few = queries_for_the_page()
    for n in range(60):
        case = make_case(received_on=date(2026, 8, 1) + timedelta(days=n))
        put_in_team(case, teams[n % 2])
        services.assign(case=case, assignee=caseworker, actor=caseworker)
    assert queries_for_the_page() == few


def test_the_page_reads_only_its_own_rows(many) -> None:
    with CaptureQueriesContext(connection) as queries:
        shown = dashboard_page(filters={}, page="2", today=TODAY, per_page=20)
        assert [row.case.reference for row in shown.rows] == [case.reference for case in many[20:40]]
        assert [row.case.team for row in shown.rows] == [None] * 20  # joined, not fetched one by one
    case_queries = [q["sql"] for q in queries if "casework_case" in q["sql"]]
    # Two for the counts; the first 40 ids of each open state, from the (state, due_on) index; the page's 20 rows.
    assert len(case_queries) == 2 + len(OPEN_STATES) + 1
    assert all("LIMIT 40" in sql for sql in case_queries[2:-1])
    assert "core_user" in case_queries[-1] and "register_service" in case_queries[-1]


def test_a_page_merges_the_states_in_due_order(today, caseworker) -> None:
    today(TODAY)
    cases = [make_case(received_on=date(2026, 9, 10) + timedelta(days=n)) for n in range(9)]
    for case in cases[1::3]:
        services.ask_for_identity(case=case, on=TODAY, actor=caseworker)
    for case in cases[2::3]:
        services.extend_deadline(case=case, reason="Many records", actor=caseworker, on=TODAY)
    expected = [c.reference for c in sorted(cases, key=lambda c: (c.due_on, c.pk))]
    pages = [dashboard_page(filters={}, page=str(n), today=TODAY, per_page=4) for n in (1, 2, 3)]
    assert [row.case.reference for page in pages for row in page.rows] == expected
    assert [len(page.rows) for page in pages] == [4, 4, 1]


def test_a_state_filter_reads_only_that_state(today, caseworker) -> None:
    today(TODAY)
    waiting = make_case(received_on=date(2026, 9, 1))
    make_case(received_on=date(2026, 9, 2))
    services.ask_for_identity(case=waiting, on=TODAY, actor=caseworker)
    with CaptureQueriesContext(connection) as queries:
        shown = dashboard_page(filters={"state": "awaiting_id"}, page=None, today=TODAY)
    assert [row.case.pk for row in shown.rows] == [waiting.pk]
    assert len([q for q in queries if "casework_case" in q["sql"]]) == 4  # two for the counts, the ids, the rows
