"""Before sending a request to erase, restrict, object or withdraw consent, the resident is warned it may affect a
service (promise P067); other requests carry no such warning."""

from collections.abc import Callable

import pytest
from django.test import Client

from pledge.rights.tests.conftest import CHECK, FOR_MYSELF, html

pytestmark = pytest.mark.django_db


def _answers_for(kind: str) -> list:
    return [("what-do-you-want-to-do", {"kind": kind}), *FOR_MYSELF[1:]]


@pytest.mark.parametrize("kind", ["erasure", "restriction", "objection", "consent_withdrawal"])
def test_it_warns_of_the_service_impact_before_sending(answered: Callable[..., Client], kind: str) -> None:
    warning = html(answered(_answers_for(kind)).get(CHECK)).select_one(".govuk-warning-text__text")
    assert warning is not None
    assert "may delay or prevent us providing a service" in warning.get_text()


@pytest.mark.parametrize("kind", ["access", "rectification", "portability"])
def test_it_does_not_warn_where_the_right_does_not_stop_a_service(answered: Callable[..., Client], kind: str) -> None:
    assert html(answered(_answers_for(kind)).get(CHECK)).select_one(".govuk-warning-text") is None
