"""The dashboard counts what people said to the ledger in the last 30 days."""

from datetime import date, datetime

from django.template.loader import render_to_string

from pledge.consent import services
from pledge.consent.dashboard import dashboard_figures
from pledge.consent.models import Channel

from .conftest import LONDON


def test_it_counts_the_last_30_days_by_kind_of_event(ledger, at):
    subject = ledger["subject"]
    at(datetime(2026, 1, 1, 10, 0, tzinfo=LONDON))
    services.record_consent(
        subject=subject, purpose="promotional", wording_version="v1", channel=Channel.WEB, actor="w"
    )
    at(datetime(2026, 3, 10, 10, 0, tzinfo=LONDON))
    services.record_consent(
        subject=subject,
        purpose="marketing:events",
        wording_version="v1",
        channel=Channel.PHONE,
        actor="clerk",
        representative=services.Representative(
            name="Carol Fictional", relationship="parent", authority_evidence="seen"
        ),
    )
    services.opt_out_of_promotional(subject=subject, channel=Channel.WEB, actor="web form")
    services.object_to_direct_marketing(subject=subject, channel=Channel.LETTER, actor="post room")
    figures = dashboard_figures(today=date(2026, 3, 10))
    assert (figures["given"], figures["withdrawn"], figures["opted_out"], figures["objected"]) == (1, 0, 1, 1)
    assert (figures["keyed_by_staff"], figures["by_representative"]) == (2, 1)


def test_the_panel_renders_for_someone_who_may_read_the_ledger(ledger):
    figures = dashboard_figures(today=date(2026, 3, 10))
    html = render_to_string("consent/_dashboard.html", {"figures": figures, "pledge_perms": {"view_consent"}})
    assert "Consent ledger" in html and "0 consents given" in html
    assert render_to_string("consent/_dashboard.html", {"figures": figures, "pledge_perms": set()}).strip() == ""
