"""Steps that several browser tests take: signing staff in, and running the jobs the background worker would run."""

from django_tasks import TaskResultStatus
from django_tasks.base import Task
from django_tasks_db.models import DBTaskResult
from playwright.sync_api import Page

from tests.browser.conftest import follow

PASSWORD = "a-long-enough-password"


def sign_in(page: Page, live_server, username: str = "casey") -> None:
    """Sign a member of staff in (their password is ``PASSWORD``) and check they reach the staff dashboard."""
    page.goto(live_server.url + "/staff/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    follow(page, page.get_by_role("button", name="Sign in"))
    assert page.locator("h1").inner_text() == "Dashboard"


def run_queued(task: Task) -> list[object]:
    """Run every job of ``task`` waiting in the database queue, oldest first, as ``pledge db_worker`` would;
    returns what each returned. Fails if none was waiting, so a test cannot pass on a job that was never queued."""
    waiting = DBTaskResult.objects.filter(task_path=task.module_path, status=TaskResultStatus.READY).order_by(
        "enqueued_at", "id"
    )
    results = []
    for job in waiting:
        results.append(task.call(*job.args_kwargs["args"], **job.args_kwargs["kwargs"]))
        DBTaskResult.objects.filter(pk=job.pk).update(status=TaskResultStatus.SUCCESSFUL)
    assert results, f"no {task.module_path} job was queued"
    return results
