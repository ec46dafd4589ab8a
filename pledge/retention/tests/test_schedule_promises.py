"""The public retention schedule (published by the notices app from the register) keeps P100 and P101 for the demo
council: a rule per service and activity with its period and trigger, each citing its authority, correspondence
(customer contact records) and complaints included."""

from django.conf import settings
from django.core.management import call_command

from pledge.notices.retention_schedule import retention_schedule_rows
from pledge.register.models import RetentionRule

DEMO_REGISTER = settings.BASE_DIR / "demo" / "anyshire" / "register"


def test_every_published_rule_has_a_period_a_trigger_and_an_authority(db: None) -> None:
    call_command("register", "import", str(DEMO_REGISTER), verbosity=0)
    rows = retention_schedule_rows()
    assert rows and all(row.source.strip() and " after " in row.period for row in rows)
    assert all(rule.source.strip() for rule in RetentionRule.objects.all())
    services = {row.service for row in rows}
    assert {"Complaints and compliments", "Customer contact centre"} <= services
    # P101: the demo schedule has rules for correspondence and for complaints, each with its authority.
    assert RetentionRule.objects.filter(
        name__startswith="Correspondence", source__contains="National Archives"
    ).exists()
    assert RetentionRule.objects.filter(slug="complaint-record").exists()
