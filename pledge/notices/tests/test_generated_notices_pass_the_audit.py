"""Every notice generated from the demo register passes the Art 13/14 audit (promise P028, P032)."""

from datetime import date

import pytest
from django.conf import settings
from django.core.management import call_command

from pledge.notices.audit import audit_text
from pledge.notices.generation import build_notice_document, ensure_notices, load_ico_details
from pledge.notices.models import NoticeScope
from pledge.notices.render import notice_text

DEMO = settings.BASE_DIR / "demo" / "anyshire" / "register"
# Items that only apply when the notice uses them; a notice that says "we do not ..." may be judged either way.
CONDITIONAL = {"PN02", "PN06", "PN09", "PN12", "PN16"}


@pytest.fixture
def demo_texts(db: None) -> list[tuple[str, str, str]]:
    call_command("register", "import", str(DEMO))
    return [(n.slug, n.scope, notice_text(build_notice_document(n))) for n in ensure_notices()]


def test_the_demo_register_has_at_least_thirty_service_notices(demo_texts: list[tuple[str, str, str]]) -> None:
    assert sum(1 for _, scope, _ in demo_texts if scope == NoticeScope.SERVICE) >= 30


def test_every_generated_notice_has_every_mandatory_item(demo_texts: list[tuple[str, str, str]]) -> None:
    failures = []
    for slug, _, text in demo_texts:
        report = audit_text(text, filename=slug, ico=load_ico_details(), as_of=date(2026, 11, 24))
        for item in report.to_dict()["items"]:
            if item["id"] not in CONDITIONAL and item["status"] != "found":
                failures.append(f"{slug} {item['id']} {item['status']}")
    assert failures == []


def test_no_generated_notice_claims_consent_by_browsing_or_cites_repealed_law(
    demo_texts: list[tuple[str, str, str]],
) -> None:
    bad = {"consent-by-use", "repealed-law", "retired-domain", "ico-details-differ"}
    flagged = []
    for slug, _, text in demo_texts:
        codes = {flag["code"] for flag in audit_text(text, filename=slug, ico=load_ico_details()).to_dict()["flags"]}
        flagged += [f"{slug}: {code}" for code in codes & bad]
    assert flagged == []


def test_a_service_notice_lists_the_declared_flows_within_the_council(demo_texts: list[tuple[str, str, str]]) -> None:
    council_tax = next(text for slug, _, text in demo_texts if slug == "council-tax")
    assert "## Sharing within the council" in council_tax
    assert "We pass to Housing benefit and council tax support" in council_tax
    assert "Local Government Finance Act 1992 s.13A" in council_tax
