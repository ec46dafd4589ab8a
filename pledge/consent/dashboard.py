"""The consent ledger on the DPO dashboard: what people said in the last 30 days (consents, withdrawals, opt-outs
of promotional messages, objections to direct marketing), how many were keyed in by staff, and how many were given
by a representative (P079, P081)."""

from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import Count
from django.utils import timezone

from pledge.consent.models import Channel, ConsentEvent, EventAction

WINDOW_DAYS = 30
STAFF_CHANNELS = (Channel.PHONE, Channel.LETTER, Channel.IN_PERSON, Channel.STAFF_FORM)


def dashboard_figures(*, today: date) -> dict[str, Any]:
    """Counts of ledger events in the 30 days up to and including ``today``."""
    since = timezone.make_aware(datetime.combine(today - timedelta(days=WINDOW_DAYS - 1), time.min))
    until = timezone.make_aware(datetime.combine(today + timedelta(days=1), time.min))
    events = ConsentEvent.objects.filter(occurred_at__gte=since, occurred_at__lt=until)
    by_action = dict(events.values_list("action").annotate(n=Count("id")).order_by())
    return {
        "today": today,
        "window_days": WINDOW_DAYS,
        "given": by_action.get(EventAction.GIVEN, 0),
        "withdrawn": by_action.get(EventAction.WITHDRAWN, 0),
        "opted_out": by_action.get(EventAction.OPTED_OUT, 0),
        "objected": by_action.get(EventAction.OBJECTED, 0),
        "keyed_by_staff": events.filter(channel__in=STAFF_CHANNELS).count(),
        "by_representative": events.exclude(representative_name="").count(),
    }
