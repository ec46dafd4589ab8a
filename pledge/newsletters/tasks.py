"""Background jobs of newsletters, run by ``pledge db_worker``: confirmation emails, sends in batches, and the
daily purge of requests never confirmed. Each is queued on commit by the service that needs it."""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks import task

from pledge.newsletters import sending, services
from pledge.newsletters.addresses import open_address
from pledge.newsletters.emails import confirmation_email
from pledge.newsletters.models import Send, SendState, Subscription, SubscriptionState


@task()
def send_confirmation(*, subscription_id: int) -> bool:
    """Email the double opt-in link; False when the request was cancelled or confirmed before the job ran."""
    subscription = Subscription.objects.filter(pk=subscription_id).exclude(confirm_nonce="").first()
    if subscription is None:
        return False
    lists = [
        m.newsletter
        for m in subscription.memberships.filter(state=SubscriptionState.PENDING).select_related("newsletter")
    ]
    if not lists:
        return False
    confirmation_email(subscription=subscription, email=open_address(subscription.email_sealed), lists=lists).send()
    return True


@task()
def deliver_send(*, send_id: int) -> str:
    """Send the next batches of a newsletter; queues its own continuation until the send is finished (a send held
    by another worker is left to it)."""
    run = sending.deliver(send_id=send_id)
    if run is sending.Run.MORE:
        transaction.on_commit(lambda: deliver_send.enqueue(send_id=send_id))
    return run.value


@task()
def resume_sends() -> int:
    """Queue again every send a stopped worker left unfinished (its lease has run out); returns how many."""
    now = timezone.now()
    lost = Q(lease_until__lt=now) | Q(lease_until__isnull=True, queued_at__lt=now - sending.LEASE)
    stalled = Send.objects.exclude(state=SendState.FINISHED).filter(lost)
    ids = list(stalled.values_list("pk", flat=True))
    for send_id in ids:
        deliver_send.enqueue(send_id=send_id)
    return len(ids)


@task()
def purge_unconfirmed() -> int:
    """Delete sign-ups never confirmed within the link's lifetime; schedule it daily."""
    return services.purge_unconfirmed()
