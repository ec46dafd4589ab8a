"""Fixtures for disclosure tests: a frozen London clock, staff of each role, signed-in clients, register recipients
(one with complete due-diligence checks), a person on the consent ledger and factories for entries."""

from collections.abc import Callable, Iterator
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client

from pledge.consent.models import Channel, PurposeKind
from pledge.consent.services import ensure_purpose, ensure_wording, record_consent, subject_for_email
from pledge.core.models import User
from pledge.core.roles import Role
from pledge.disclosures import services
from pledge.disclosures.models import Disclosure
from pledge.disclosures.telling import record_due_diligence
from pledge.register.models import Recipient, RecipientKind
from pledge.register.tests.factories import make_recipient

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 12, 2, 10, 0, tzinfo=LONDON)
PERSON_EMAIL = "sam.example@anyshire.example"


@pytest.fixture(autouse=True)
def frozen_clock() -> Iterator[Any]:
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def staff(db: None) -> Callable[..., User]:
    def make(role: Role, name: str = "") -> User:
        user, _ = User.objects.get_or_create(
            username=name or f"{role.value}-person", defaults={"role": role, "email": f"{role.value}@anyshire.example"}
        )
        return user

    return make


@pytest.fixture
def client_as(staff: Callable[..., User]) -> Callable[[Role], Client]:
    def sign_in(role: Role) -> Client:
        client = Client()
        client.force_login(staff(role))
        return client

    return sign_in


@pytest.fixture
def police(staff: Callable[..., User]) -> Recipient:
    """Anyshire Constabulary, in the register with complete checks reviewed next June."""
    recipient = make_recipient(
        slug="anyshire-constabulary", kind=RecipientKind.PUBLIC_BODY, name="Anyshire Constabulary"
    )
    record_due_diligence(
        recipient=recipient,
        actor=staff(Role.DPO),
        agreement="yes",
        security_assurance="yes",
        contract="not_needed",
        review_on=date(2027, 6, 1),
    )
    return recipient


@pytest.fixture
def unchecked(db: None) -> Recipient:
    return make_recipient(slug="anyshire-leisure", kind=RecipientKind.PARTNER, name="Anyshire Leisure Trust")


@pytest.fixture
def person(db: None) -> str:
    """A person's subject id on the ledger, with explicit consent to sharing with the leisure trust."""
    return subject_for_email(PERSON_EMAIL)


@pytest.fixture
def sharing_consent(person: str, staff: Callable[..., User]) -> str:
    ensure_purpose(
        slug="sharing:leisure-referrals",
        name="Referrals to Anyshire Leisure Trust",
        kind=PurposeKind.SHARING,
        recipient="Anyshire Leisure Trust",
    )
    ensure_wording(purpose="sharing:leisure-referrals", version="v1", text="You can pass my details to the trust.")
    record_consent(
        subject=person,
        purpose="sharing:leisure-referrals",
        wording_version="v1",
        channel=Channel.STAFF_FORM,
        actor=staff(Role.CASEWORKER),
        explicit=True,
    )
    return "sharing:leisure-referrals"


def police_details(recipient: Recipient | None, **changes: Any) -> services.DisclosureDetails:
    values: dict[str, Any] = {
        "kind": "police",
        "purpose": "Tracing a suspect in a burglary investigation",
        "data_items": ["Current address", "Council tax account start date"],
        "route": "exemption",
        "exemption": "crime_tax",
        "recipient": recipient,
        "requester_reference": "ACP-DP-2026-0441",
        "justification": "The constabulary's form says not knowing the address would prejudice the arrest",
        "necessity": "The address is needed to make an arrest; nothing else was asked for",
        "minimum_data": "Current address and the date the account started",
        "consent_sought": False,
        "consent_not_sought_reason": "unsafe",
        **changes,
    }
    return services.DisclosureDetails(**values)


@pytest.fixture
def logged(police: Recipient, staff: Callable[..., User], person: str) -> Disclosure:
    """A police request logged by a caseworker, awaiting approval."""
    return services.log_disclosure(actor=staff(Role.CASEWORKER), details=police_details(police, subject_ids=[person]))


@pytest.fixture
def approved(logged: Disclosure, staff: Callable[..., User]) -> Disclosure:
    return services.approve_disclosure(disclosure=logged, actor=staff(Role.SERVICE_LEAD))
