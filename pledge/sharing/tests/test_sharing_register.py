"""The sharing-agreement register: status, uncovered partners, review reminders before the date (P117)."""

from datetime import date

import pytest
import time_machine
from django.conf import settings
from django.core.management import call_command
from django.test import Client

from pledge.core.models import User
from pledge.core.roles import Permission, Role, roles_with
from pledge.law.sharing import AgreementStatus
from pledge.register.models import ProcessingActivity, Recipient, RecipientKind, SharingAgreement
from pledge.register.reminders import overdue_reviews
from pledge.sharing import services

pytestmark = pytest.mark.django_db
MINIMAL = settings.BASE_DIR / "pledge" / "register" / "tests" / "fixtures" / "minimal"
TODAY = date(2026, 12, 1)


@pytest.fixture
def activity() -> ProcessingActivity:
    call_command("register", "import", str(MINIMAL))
    activity = ProcessingActivity.objects.get(slug="council-tax-billing")
    partner = Recipient.objects.create(slug="friendly-trust", name="Friendly Trust", kind=RecipientKind.PARTNER)
    activity.recipients.add(partner)
    return activity


def agreement(**fields) -> SharingAgreement:
    defaults = {
        "slug": "isa",
        "title": "Friendly Trust agreement",
        "parties": ["Council", "Friendly Trust"],
        "starts_on": date(2025, 1, 1),
        "review_on": date(2027, 6, 1),
    }
    return SharingAgreement.objects.create(**{**defaults, **fields})


@time_machine.travel(TODAY)
def test_an_activity_sharing_with_a_partner_and_no_agreement_is_flagged(activity):
    found = services.uncovered_activities(today=TODAY)
    assert [(u.activity.slug, [p.slug for p in u.partners]) for u in found] == [
        ("council-tax-billing", ["friendly-trust"])
    ]


def test_an_agreement_in_force_naming_the_partner_covers_it(activity):
    isa = agreement()
    isa.recipients.add(Recipient.objects.get(slug="friendly-trust"))
    activity.sharing_agreements.add(isa)
    assert services.uncovered_activities(today=TODAY) == []


def test_an_expired_agreement_covers_nothing(activity):
    isa = agreement(expires_on=date(2026, 6, 30), review_on=date(2026, 6, 1))
    activity.sharing_agreements.add(isa)
    assert services.uncovered_activities(today=TODAY)
    assert services.status_of(isa, today=TODAY) == AgreementStatus.EXPIRED


def test_agreements_needing_attention_come_first():
    agreement(slug="fine", title="A fine one")
    agreement(slug="late", title="Z late one", review_on=date(2026, 10, 1))
    assert [r.agreement.slug for r in services.agreement_rows(today=TODAY)] == ["late", "fine"]


def test_the_review_reminder_names_agreements_before_their_review_date():
    agreement(slug="soon", title="Due soon", review_on=date(2027, 1, 15))
    agreement(slug="later", title="Due later", review_on=date(2027, 6, 1))
    found = {(item.name, item.kind) for item in overdue_reviews(today=TODAY)}
    assert ("Due soon", "sharing agreement, review due") in found
    assert not any(name == "Due later" for name, _ in found)


def test_the_demo_agreements_carry_their_basis_data_and_dpia():
    call_command("register", "import", str(settings.BASE_DIR / "demo" / "anyshire" / "register"))
    for isa in SharingAgreement.objects.all():
        assert isa.legal_basis and isa.data_shared and (isa.dpia_reference or isa.no_dpia_reason)


def client_as(role: Role) -> Client:
    user, _ = User.objects.get_or_create(username=f"{role.value}-person", defaults={"role": role})
    client = Client()
    client.force_login(user)
    return client


def test_the_pages_show_each_agreement_and_the_gaps(activity):
    agreement()
    client = client_as(Role.AUDITOR)
    index = client.get("/staff/sharing/").content.decode()
    assert "Friendly Trust agreement" in index and "Sharing with partners without an agreement" in index
    detail = client.get("/staff/sharing/isa/").content.decode()
    assert "Friendly Trust" in detail


def test_every_role_reads_the_register_but_an_account_without_a_role_is_refused():
    assert set(roles_with(Permission.VIEW_REGISTER)) == set(Role)
    user = User.objects.create_user(username="no-role", password="x", role="")
    client = Client()
    client.force_login(user)
    assert client.get("/staff/sharing/").status_code == 403


def test_an_anonymous_visitor_is_sent_to_sign_in():
    assert Client().get("/staff/sharing/").status_code == 302


@time_machine.travel(TODAY)
def test_the_dashboard_lists_agreements_past_their_review(activity):
    agreement(slug="late", title="A late agreement", review_on=date(2026, 10, 1))
    agreement(slug="fine", title="A fine agreement")
    page = client_as(Role.DPO).get("/staff/").content.decode()
    assert "A late agreement" in page and "review overdue" in page
    assert "A fine agreement" not in page
