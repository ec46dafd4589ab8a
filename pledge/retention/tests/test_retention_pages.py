"""Retention staff pages: anonymous visitors go to sign in, a role without the permission gets 403, and the queue,
approval, task, certificate and legal-hold pages work through plain form posts (P102, P104)."""

from pathlib import Path

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import reverse

from pledge.core.models import AuditEvent, User
from pledge.core.roles import Role
from pledge.retention.execution import approve_batch
from pledge.retention.models import BatchState, DisposalBatch, DisposalRun, DisposalTask, LegalHold
from pledge.retention.tests.conftest import run_now

READ_PAGES = ["dashboard", "queue", "runs", "certificates", "holds"]


def client_for(role: Role, name: str = "") -> Client:
    user = User.objects.create_user(username=name or role.value, password="x", role=role)
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("name", READ_PAGES)
def test_an_anonymous_visitor_is_sent_to_sign_in(db: None, name: str) -> None:
    response = Client().get(reverse(f"retention:{name}"))
    assert response.status_code == 302 and response["Location"].startswith(resolve_url(settings.LOGIN_URL))


@pytest.mark.parametrize("name", READ_PAGES)
def test_a_caseworker_may_not_see_retention_pages(db: None, name: str) -> None:
    assert client_for(Role.CASEWORKER).get(reverse(f"retention:{name}")).status_code == 403


def test_an_auditor_reads_but_may_not_approve_start_runs_or_place_holds(estate: Path) -> None:
    run_now()
    client = client_for(Role.AUDITOR)
    batch = DisposalBatch.objects.filter(state=BatchState.DUE).first()
    assert client.get(reverse("retention:queue")).status_code == 200
    assert client.post(reverse("retention:approve", kwargs={"pk": batch.pk})).status_code == 403
    assert client.post(reverse("retention:runs"), {"dry_run": "on"}).status_code == 403
    assert client.get(reverse("retention:hold_new")).status_code == 403


def test_the_queue_shows_each_due_batch_and_the_dpo_approves_one(estate: Path) -> None:
    run_now()
    client = client_for(Role.DPO)
    page = client.get(reverse("retention:queue")).content.decode()
    assert "Council Tax: accounts" in page and "Council tax account" in page
    batch = DisposalBatch.objects.get(system="council-tax", table="accounts", state=BatchState.DUE)
    response = client.post(reverse("retention:approve", kwargs={"pk": batch.pk}), {"note": "Reviewed"}, follow=True)
    assert "Approved: the next run will dispose of 2 record(s)." in response.content.decode()
    batch.refresh_from_db()
    assert batch.state == BatchState.APPROVED
    again = client.post(reverse("retention:approve", kwargs={"pk": batch.pk}))
    assert again.status_code == 400 and "not waiting for approval" in again.content.decode()


def test_starting_a_run_queues_it_for_the_worker(estate: Path) -> None:
    client = client_for(Role.IG_OFFICER)
    response = client.post(reverse("retention:runs"), {"dry_run": "on", "system": "webchat"})
    run = DisposalRun.objects.get()
    assert response.status_code == 302 and (run.dry_run, run.system) == (True, "webchat")
    refused = client.post(reverse("retention:runs"), {})
    assert refused.status_code == 400 and "already" in refused.content.decode()


def test_an_owner_task_is_completed_and_its_certificate_downloads_without_personal_data(estate: Path) -> None:
    run_now()
    dpo = User.objects.create_user(username="dpo", password="x", role=Role.DPO)
    approve_batch(batch=DisposalBatch.objects.get(system="webchat", state=BatchState.DUE), actor=dpo)
    run_now()
    client = Client()
    client.force_login(dpo)
    task = DisposalTask.objects.get()
    empty = client.post(reverse("retention:task", kwargs={"pk": task.pk}), {"note": ""})
    assert empty.status_code == 400 and "Enter what the system owner did" in empty.content.decode()
    done = client.post(reverse("retention:task", kwargs={"pk": task.pk}), {"note": "Deleted today"}, follow=True)
    page = done.content.decode()
    assert "Disposal certificate" in page and "DC-2026-0001" in page and "ada@example.com" not in page
    csv_file = client.get(reverse("retention:certificate_file", kwargs={"reference": "DC-2026-0001", "fmt": "csv"}))
    text = csv_file.content.decode()
    assert "webchat/sessions/W1" in text and "ada@example.com" not in text
    pdf = client.get(reverse("retention:certificate_file", kwargs={"reference": "DC-2026-0001", "fmt": "pdf"}))
    assert pdf.content.startswith(b"%PDF")


def test_a_hold_is_placed_with_errors_shown_then_lifted(estate: Path) -> None:
    client = client_for(Role.DPO)
    missing = client.post(reverse("retention:hold_new"), {"reason": "", "review_on": "2027-01-01"})
    assert missing.status_code == 400 and "Enter why the records must be kept" in missing.content.decode()
    assert not LegalHold.objects.exists()
    response = client.post(
        reverse("retention:hold_new"),
        {"reason": "Claim 26-CL-1", "review_on": "2027-01-01", "email": "ada@example.com"},
    )
    hold = LegalHold.objects.get()
    assert response["Location"] == reverse("retention:hold", kwargs={"pk": hold.pk})
    assert "ada@example.com" not in AuditEvent.objects.get(object_type="legal_hold").summary
    client.post(reverse("retention:hold", kwargs={"pk": hold.pk}), {"reasons": "Claim settled"})
    hold.refresh_from_db()
    assert not hold.active and hold.lifted_reasons == "Claim settled"


def test_the_dashboard_shows_due_overdue_and_held_per_system(estate: Path) -> None:
    run_now()
    page = client_for(Role.SERVICE_LEAD).get(reverse("retention:dashboard")).content.decode()
    assert "Per system" in page and "Council Tax" in page and "Per service" in page


def test_a_review_keeps_the_hold_with_a_new_date_and_refuses_a_past_one(estate: Path) -> None:
    client = client_for(Role.IG_OFFICER)
    client.post(reverse("retention:hold_new"), {"reason": "Claim 26-CL-2", "review_on": "2026-12-02", "email": "x@y.z"})
    hold = LegalHold.objects.get()
    url = reverse("retention:hold", kwargs={"pk": hold.pk})
    past = client.post(url, {"step": "review", "notes": "Still in court", "review_on": "2026-12-01"})
    assert past.status_code == 400 and "The next review date must be in the future" in past.content.decode()
    client.post(url, {"step": "review", "notes": "Still in court", "review_on": "2027-06-30"})
    hold.refresh_from_db()
    assert str(hold.review_on) == "2027-06-30" and hold.active
