"""The worker's side of packages: building one, and emailing a portability transfer's one-time link."""

from django_tasks import task

from pledge.fulfilment import package_services


@task()
def build_access_package(*, package_id: int) -> str:
    """Build the package (see ``package_services.build_package``); returns its state for the task's result."""
    return str(package_services.build_package(package_id=package_id).state)


@task()
def send_transfer_link(*, transfer_id: int) -> bool:
    """Email a portability transfer's one-time link to the receiving organisation (``package_transfers``)."""
    from pledge.fulfilment.package_transfers import send_link

    return send_link(transfer_id=transfer_id)
