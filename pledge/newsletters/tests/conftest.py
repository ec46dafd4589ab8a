"""Fixtures for newsletter tests: a real SMTP server on 127.0.0.1, staff, a list, subscribers and the worker."""

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django_tasks import TaskResultStatus
from django_tasks.base import Task
from django_tasks_db.models import DBTaskResult

from pledge.consent.models import Channel
from pledge.core.models import User
from pledge.core.roles import Role
from pledge.newsletters import lists, services
from pledge.newsletters.models import NewsletterList, Subscription
from pledge.newsletters.testing import Mailbox, smtp_server  # noqa: F401 (a fixture)

__all__ = ["smtp_server"]


@pytest.fixture(autouse=True)
def fast_sending(settings: Any) -> None:
    settings.PLEDGE_NEWSLETTER_RATE_PER_SECOND = 0
    settings.PLEDGE_SITE_URL = "https://pledge.anyshire.example"


@pytest.fixture
def staff(db: None) -> Callable[[Role], User]:
    def make(role: Role) -> User:
        user, _ = User.objects.get_or_create(username=f"{role.value}-person", defaults={"role": role})
        return user

    return make


@pytest.fixture
def client_as(staff: Callable[[Role], User]) -> Callable[[Role], Client]:
    def sign_in(role: Role) -> Client:
        client = Client()
        client.force_login(staff(role))
        return client

    return sign_in


@pytest.fixture
def newsletter(staff: Callable[[Role], User]) -> NewsletterList:
    return lists.create_list(
        slug="bin-news", name="Bins and recycling", topic="Waste", actor=staff(Role.DPO), description="Collections"
    )


@pytest.fixture
def other_newsletter(staff: Callable[[Role], User]) -> NewsletterList:
    return lists.create_list(slug="whats-on", name="What's on in Anyshire", actor=staff(Role.DPO))


@pytest.fixture
def run_jobs(django_capture_on_commit_callbacks: Any) -> Callable[[Task], list[object]]:
    """Run every waiting job of a task as ``pledge db_worker`` would, including jobs those jobs queue on commit."""

    def run(task: Task) -> list[object]:
        results: list[object] = []
        while job := (
            DBTaskResult.objects.filter(task_path=task.module_path, status=TaskResultStatus.READY)
            .order_by("enqueued_at", "id")
            .first()
        ):
            DBTaskResult.objects.filter(pk=job.pk).update(status=TaskResultStatus.SUCCESSFUL)
            with django_capture_on_commit_callbacks(execute=True):
                results.append(task.call(*job.args_kwargs["args"], **job.args_kwargs["kwargs"]))
        return results

    return run


@pytest.fixture
def subscribe(
    newsletter: NewsletterList,
    django_capture_on_commit_callbacks: Any,
    smtp_server: Mailbox,
    run_jobs: Callable[[Task], list[object]],
) -> Callable[..., Subscription]:
    """Sign an address up and confirm it through the link in the email the SMTP server received."""
    from pledge.newsletters.tasks import send_confirmation
    from pledge.newsletters.testing import text_of

    def sign_up(email: str, *slugs: str) -> Subscription:
        with django_capture_on_commit_callbacks(execute=True):
            services.request_subscription(email=email, list_slugs=slugs, channel=Channel.WEB, actor="the subscriber")
        run_jobs(send_confirmation)
        token = confirm_token_in(text_of(smtp_server.to(email)[-1]))
        services.confirm_subscription(token=token)
        return Subscription.objects.get(subject=services.consent.subject_for_email(email))

    return sign_up


def confirm_token_in(text: str) -> str:
    import re

    match = re.search(r"/newsletters/confirm/([^/\s]+)/", text)
    assert match, "no confirmation link in the email"
    return match.group(1)


def unsubscribe_token_in(text: str) -> str:
    import re

    match = re.search(r"/newsletters/unsubscribe/([^/\s>]+)/", text)
    assert match, "no unsubscribe link in the email"
    return match.group(1)
