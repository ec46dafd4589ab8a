"""Other council systems ask which of their records are restricted: by system slug in the URL, records in a body."""

from datetime import date, datetime

import pytest
from django.test import Client

from pledge.casework.models import CaseKind
from pledge.core.models import ServiceToken
from pledge.core.roles import Role
from pledge.fulfilment.services import lift_restriction
from pledge.fulfilment.tests.api_calls import LOOKUP, send
from pledge.fulfilment.tests.conftest import LONDON
from pledge.fulfilment.tests.factories import make_case, make_restriction

pytestmark = pytest.mark.django_db


@pytest.fixture
def token(register) -> str:
    return ServiceToken.issue(name="revenues-system", role=Role.AUDITOR)[1]


@pytest.fixture
def restrictions(today, register, revenues, housing, caseworker):
    """CT-1 and CT-2 restricted in revenues (CT-2 lifted on 15 December), HSG-1 in housing."""
    today(date(2026, 12, 10))
    case = make_case(kind=CaseKind.RESTRICTION, received_on=date(2026, 12, 1))
    first = make_restriction(case=case, system=revenues, actor=caseworker, on=date(2026, 12, 2), reference="CT-1")
    second = make_restriction(
        case=case, system=revenues, actor=caseworker, on=date(2026, 12, 3), reference="CT-2", ground="d"
    )
    make_restriction(case=case, system=housing, actor=caseworker, on=date(2026, 12, 3), reference="HSG-1")
    today(date(2026, 12, 15))
    lift_restriction(
        restriction=second,
        person_told_on=date(2026, 12, 14),
        person_told_how="email",
        reasons="Objection decided",
        lifted_on=date(2026, 12, 15),
        actor=caseworker,
    )
    today(date(2026, 12, 16))
    return first, second


def _get(client: Client, query: str, token: str):
    return send(client, "GET", f"/api/v1/restrictions?{query}", token=token)


def test_it_lists_the_active_restrictions_of_one_system(client, token, restrictions) -> None:
    response = _get(client, "system=revenues-system", token)

    assert response.status_code == 200
    body = response.json()
    assert body["system"] == "revenues-system"
    assert body["as_of"].startswith("2026-12-16T12:00:00")
    assert "Store the data only" in body["permitted_processing"]
    assert body["restrictions"] == [
        {
            "id": restrictions[0].pk,
            "record_reference": "CT-1",
            "ground": "a",
            "ground_title": "Accuracy contested (Art 18(1)(a))",
            "scope": "Council tax account details",
            "started_on": "2026-12-02",
            "active": True,
            "lifted_on": None,
            "lifted_at": None,
        }
    ]


def test_changed_since_adds_the_restrictions_lifted_since_then(client, token, restrictions) -> None:
    before_lift = _get(client, "system=revenues-system&changed_since=2026-12-14T09:00:00Z", token).json()
    after_lift = _get(client, "system=revenues-system&changed_since=2026-12-15T13:00:00%2B00:00", token).json()

    assert [(r["record_reference"], r["active"]) for r in before_lift["restrictions"]] == [
        ("CT-1", True),
        ("CT-2", False),
    ]
    lifted = before_lift["restrictions"][1]
    assert (lifted["lifted_on"], lifted["lifted_at"][:10]) == ("2026-12-15", "2026-12-15")
    assert [r["record_reference"] for r in after_lift["restrictions"]] == ["CT-1"]


def test_a_changed_since_without_a_zone_is_read_as_uk_time(client, token, restrictions) -> None:
    # The lift happened at noon London time (12:00 GMT in December); 11:59 local is before it.
    lifted_at = restrictions[1]
    lifted_at.refresh_from_db()
    assert lifted_at.lifted_at == datetime(2026, 12, 15, 12, tzinfo=LONDON)

    found = _get(client, "system=revenues-system&changed_since=2026-12-15T11:59:00", token).json()
    assert [r["record_reference"] for r in found["restrictions"]] == ["CT-1", "CT-2"]


def test_an_unknown_system_is_a_404_with_a_message(client, token, restrictions) -> None:
    response = _get(client, "system=no-such-system", token)

    assert response.status_code == 404
    assert response.json() == {"detail": "No system with the slug 'no-such-system' is in the register."}


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("system=revenues-system&changed_since=yesterday", "changed_since"),
        ("system=revenues-system&changed_since=2026-13-45T10:00:00", "changed_since"),
        ("changed_since=2026-12-01T10:00:00Z", "system"),
        ("system=", "system"),
    ],
)
def test_bad_query_parameters_are_a_422_naming_the_field(client, token, restrictions, query, field) -> None:
    response = _get(client, query, token)

    assert response.status_code == 422
    assert response.json()["detail"] == "The request is not valid."
    assert [e["field"] for e in response.json()["errors"]] == [field]


def test_lookup_answers_for_each_record_asked_about_in_order(client, token, restrictions) -> None:
    body = {"system": "revenues-system", "records": ["CT-2", "CT-1", "CT-404", " CT-1 "]}

    response = send(client, "POST", LOOKUP, body, token=token)

    assert response.status_code == 200
    results = response.json()["results"]
    assert [(r["record_reference"], r["restricted"]) for r in results] == [
        ("CT-2", False),
        ("CT-1", True),
        ("CT-404", False),
    ]
    assert results[1]["restrictions"][0]["ground"] == "a"


def test_lookup_of_a_record_restricted_in_another_system_says_not_restricted(client, token, restrictions) -> None:
    response = send(client, "POST", LOOKUP, {"system": "revenues-system", "records": ["HSG-1"]}, token=token)

    assert response.json()["results"] == [{"record_reference": "HSG-1", "restricted": False, "restrictions": []}]


def test_lookup_in_an_unknown_system_is_a_404(client, token, restrictions) -> None:
    response = send(client, "POST", LOOKUP, {"system": "nope", "records": ["CT-1"]}, token=token)

    assert response.status_code == 404
    assert "nope" in response.json()["detail"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"system": "revenues-system", "records": []}, "records"),
        ({"system": "revenues-system", "records": ["  "]}, "records.0"),
        ({"system": "revenues-system", "records": ["x" * 201]}, "records.0"),
        ({"system": "revenues-system", "records": [f"CT-{n}" for n in range(1001)]}, "records"),
        ({"system": "revenues-system", "records": "CT-1"}, "records"),
        ({"records": ["CT-1"]}, "system"),
    ],
)
def test_a_bad_lookup_body_is_a_422_naming_the_field(client, token, restrictions, body, field) -> None:
    response = send(client, "POST", LOOKUP, body, token=token)

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == [field]


def test_a_lookup_body_that_is_not_json_is_a_4xx(client, token, restrictions) -> None:
    response = client.post(
        LOOKUP,
        data="system=revenues-system",
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )

    assert 400 <= response.status_code < 500
    assert "detail" in response.json()


def test_the_routes_are_documented_in_the_openapi_schema(client) -> None:
    schema = client.get("/api/v1/openapi.json").json()

    listing = schema["paths"]["/api/v1/restrictions"]["get"]
    lookup = schema["paths"]["/api/v1/restrictions/lookup"]["post"]
    assert listing["tags"] == ["restrictions"] and lookup["tags"] == ["restrictions"]
    assert {p["name"] for p in listing["parameters"]} == {"system", "changed_since"}
    assert {"200", "401", "403", "404", "422"} <= set(listing["responses"]) & set(lookup["responses"])
    assert listing["security"] and lookup["security"]
