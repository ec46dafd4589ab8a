"""The cookie register on the DPO dashboard: the register version, how many items need consent, and the banner
choices of the last 30 days (the consent log, UK GDPR Art 7(1))."""

from datetime import date, datetime, time, timedelta
from typing import Any

from django.utils import timezone

from pledge.cookies import services
from pledge.cookies.models import ConsentRecord, CookieItem

WINDOW_DAYS = 30


def dashboard_figures(*, today: date) -> dict[str, Any]:
    """Register size and version, and accepted/rejected analytics choices in the 30 days up to ``today``."""
    since = timezone.make_aware(datetime.combine(today - timedelta(days=WINDOW_DAYS - 1), time.min))
    until = timezone.make_aware(datetime.combine(today + timedelta(days=1), time.min))
    records = ConsentRecord.objects.filter(recorded_at__gte=since, recorded_at__lt=until)
    items = list(CookieItem.objects.all())
    return {
        "window_days": WINDOW_DAYS,
        "version": services.current_version(),
        "items": len(items),
        "needing_consent": sum(1 for item in items if services.item_needs_consent(item)),
        "choices": records.count(),
        "analytics_accepted": records.filter(answers__analytics=True).count(),
        "analytics_rejected": records.filter(answers__analytics=False).count(),
    }
