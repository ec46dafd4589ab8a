"""P119: an activity screened as needing a DPIA cannot be approved until a complete DPIA is signed off."""

from datetime import date

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client

from pledge.core.models import AuditEvent, User
from pledge.core.roles import Permission, Role, roles_with
from pledge.dpia import services
from pledge.dpia.models import DpiaState
from pledge.law.dpia import Question
from pledge.register.models import ProcessingActivity, Status
from pledge.register.services import ApprovalBlocked, approve_activity

pytestmark = pytest.mark.django_db
MINIMAL = settings.BASE_DIR / "pledge" / "register" / "tests" / "fixtures" / "minimal"
TODAY = date(2026, 12, 1)


@pytest.fixture
def activity() -> ProcessingActivity:
    call_command("register", "import", str(MINIMAL))
    return ProcessingActivity.objects.get(slug="council-tax-billing")


@pytest.fixture
def dpo() -> User:
    return User.objects.create_user(username="dee", password="x", role=Role.DPO)


def complete_dpia(activity: ProcessingActivity, dpo: User, *, residual: str = "remote"):
    dpia = services.open_dpia(title="DPIA", activity=activity, description="Billing", actor=dpo)
    services.update_assessment(dpia=dpia, necessity="The law requires it", consultation="", review_on=TODAY, actor=dpo)
    services.add_risk(
        dpia=dpia,
        actor=dpo,
        description="Wrong bill",
        likelihood="possible",
        severity="significant",
        mitigation="Checks",
        residual_likelihood=residual,
        residual_severity="severe",
    )
    services.record_dpo_advice(dpia=dpia, advice="Proceed", actor=dpo)
    return dpia


def test_an_activity_screened_as_needing_a_dpia_cannot_be_approved_without_one(activity, dpo):
    ProcessingActivity.objects.filter(pk=activity.pk).update(status=Status.SUBMITTED)
    activity.refresh_from_db()
    services.screen_activity(activity=activity, answers=[Question.DATA_MATCHING], notes="", actor=dpo)
    with pytest.raises(ApprovalBlocked, match="DPIA is required"):
        approve_activity(activity=activity, actor=dpo, effective_from=TODAY)
    activity.refresh_from_db()
    assert activity.status == Status.SUBMITTED


def test_a_signed_off_dpia_lets_it_go_live(activity, dpo):
    services.screen_activity(activity=activity, answers=[Question.DATA_MATCHING], notes="", actor=dpo)
    services.sign_off_dpia(dpia=complete_dpia(activity, dpo), actor=dpo)
    approve_activity(activity=activity, actor=dpo, effective_from=TODAY)
    activity.refresh_from_db()
    assert activity.status == Status.APPROVED


def test_an_activity_screened_as_not_needing_one_is_approved_as_before(activity, dpo):
    services.screen_activity(activity=activity, answers=[], notes="", actor=dpo)
    approve_activity(activity=activity, actor=dpo, effective_from=TODAY)


def test_sign_off_lists_everything_missing(activity, dpo):
    dpia = services.open_dpia(title="DPIA", activity=activity, description="Billing", actor=dpo)
    with pytest.raises(services.DpiaError) as refused:
        services.sign_off_dpia(dpia=dpia, actor=dpo)
    assert len(refused.value.problems) == 4
    dpia.refresh_from_db()
    assert dpia.state == DpiaState.DRAFT


def test_a_high_residual_risk_means_consulting_the_ico_before_going_live(activity, dpo):
    services.screen_activity(activity=activity, answers=[Question.DATA_MATCHING], notes="", actor=dpo)
    dpia = complete_dpia(activity, dpo, residual="probable")
    services.sign_off_dpia(dpia=dpia, actor=dpo)
    assert services.prior_consultation(dpia)
    with pytest.raises(ApprovalBlocked, match="consult the ICO"):
        approve_activity(activity=activity, actor=dpo, effective_from=TODAY)


def test_a_signed_off_dpia_cannot_be_changed(activity, dpo):
    dpia = complete_dpia(activity, dpo)
    services.sign_off_dpia(dpia=dpia, actor=dpo)
    with pytest.raises(services.DpiaError, match="open a new one"):
        services.add_risk(
            dpia=dpia,
            actor=dpo,
            description="x",
            likelihood="remote",
            severity="minimal",
            mitigation="y",
            residual_likelihood="remote",
            residual_severity="minimal",
        )


def test_the_register_suggests_answers_it_already_knows(activity):
    activity.special_categories = ["Health"]
    activity.data_subjects = ["Children in care"]
    activity.save()
    assert {Question.SPECIAL_OR_CRIMINAL, Question.VULNERABLE_PEOPLE} <= services.suggested_answers(activity)


def test_every_step_is_audited(activity, dpo):
    services.screen_activity(activity=activity, answers=[Question.DATA_MATCHING], notes="", actor=dpo)
    services.sign_off_dpia(dpia=complete_dpia(activity, dpo), actor=dpo)
    assert AuditEvent.objects.filter(object_type="dpia_screening").count() == 1
    assert AuditEvent.objects.filter(object_type="dpia").count() == 5  # open, assess, risk, advice, sign-off


def client_as(role: Role) -> Client:
    user, _ = User.objects.get_or_create(username=f"{role.value}-person", defaults={"role": role})
    client = Client()
    client.force_login(user)
    return client


def test_the_dpo_is_told_why_approval_was_refused_on_the_activity_page(activity, dpo):
    services.screen_activity(activity=activity, answers=[Question.DATA_MATCHING], notes="", actor=dpo)
    client = Client()
    client.force_login(dpo)
    page = client.post("/staff/register/activities/council-tax-billing/approve/", {"decision": "approve"}, follow=True)
    text = page.content.decode()
    assert "Not approved: Screening says a DPIA is required" in text
    assert "Important" in text


def test_the_screening_page_records_the_outcome_and_the_activity_page_shows_it(activity):
    client = client_as(Role.IG_OFFICER)
    page = client.get("/staff/dpia/screen/council-tax-billing/")
    assert page.status_code == 200 and "DPIA screening" in page.content.decode()
    done = client.post("/staff/dpia/screen/council-tax-billing/", {"answers": ["data_matching"]}, follow=True)
    assert "Screened: DPIA required." in done.content.decode()
    assert "On the ICO&#x27;s list" in done.content.decode()


def test_a_risk_without_its_answers_gets_an_error_summary_and_saves_nothing(activity, dpo):
    dpia = services.open_dpia(title="DPIA", activity=activity, description="Billing", actor=dpo)
    page = client_as(Role.IG_OFFICER).post(f"/staff/dpia/{dpia.reference}/risk/", {"description": "Wrong bill"})
    assert page.status_code == 400
    assert "There is a problem" in page.content.decode()
    assert "Select the likelihood of harm" in page.content.decode()
    assert not dpia.risks.exists()


def test_only_the_dpo_can_record_advice_or_sign_off(activity, dpo):
    dpia = services.open_dpia(title="DPIA", activity=activity, description="Billing", actor=dpo)
    ig = client_as(Role.IG_OFFICER)
    assert ig.post(f"/staff/dpia/{dpia.reference}/advice/", {"advice": "Go"}).status_code == 403
    assert ig.post(f"/staff/dpia/{dpia.reference}/sign-off/").status_code == 403
    dpia.refresh_from_db()
    assert dpia.dpo_advice == ""


@pytest.mark.parametrize("role", [r for r in Role if r not in roles_with(Permission.EDIT_REGISTER)])
def test_a_role_that_cannot_edit_the_register_cannot_screen_or_start_a_dpia(activity, role):
    client = client_as(role)
    assert client.post("/staff/dpia/screen/council-tax-billing/", {"answers": []}).status_code == 403
    assert client.post("/staff/dpia/new/council-tax-billing/", {"title": "t", "description": "d"}).status_code == 403
    assert not activity.dpia_screenings.exists()


def test_an_anonymous_visitor_is_sent_to_sign_in(activity):
    assert Client().get("/staff/dpia/").status_code == 302
