"""Background tasks of discovery, run by ``pledge db_worker``."""

from django_tasks import task

from pledge.discovery.services import perform_discovery


@task()
def run_discovery(*, run_id: int) -> str:
    """Search every connected system for a queued discovery run; returns the run's final state."""
    return str(perform_discovery(run_id=run_id).state)
