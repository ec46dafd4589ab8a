"""Fixtures for redaction review: a caseworker, and a case whose requester is Zebedee Unusualname."""

from datetime import date

import pytest

from pledge.casework.models import Case
from pledge.casework.tests.factories import make_case
from pledge.core.models import User
from pledge.core.roles import Role


@pytest.fixture
def caseworker(db: None) -> User:
    return User.objects.create_user(
        username="casey", password=None, role=Role.CASEWORKER, first_name="Helen", last_name="Carewell"
    )


@pytest.fixture
def case(caseworker: User) -> Case:
    return make_case(received_on=date(2026, 3, 2), actor=caseworker)
