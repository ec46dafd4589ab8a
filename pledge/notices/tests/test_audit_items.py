"""Checklist decisions PN01-PN16 on short notices (UK GDPR Arts 13/14)."""

from datetime import date

from pledge.notices.audit import ITEM_IDS, ItemStatus, audit_text

FOUND, UNCLEAR, MISSING = ItemStatus.FOUND, ItemStatus.UNCLEAR, ItemStatus.MISSING


def status(text: str, item: str, **kwargs) -> ItemStatus:
    return audit_text(text, filename="n.md", **kwargs).status_of(item)


def test_it_reports_every_item_in_checklist_order():
    report = audit_text("Nothing useful here.")
    assert [i.id for i in report.items] == list(ITEM_IDS) and len(ITEM_IDS) == 16
    assert all(i.status == MISSING for i in report.items if i.id != "PN04")


def test_it_reports_a_dpo_with_an_email_as_found():
    assert status("Contact our Data Protection Officer at dpo@northby.gov.uk.", "PN03") == FOUND


def test_it_reports_a_dpo_without_contact_details_as_unclear():
    assert status("We have appointed a Data Protection Officer who oversees our compliance.", "PN03") == UNCLEAR


def test_it_reads_a_dpo_address_block_under_the_mention():
    text = "Or write to:\nData Protection Officer\nNorthby Council\nMarket Square\nNorthby\nZZ1 4NB.\n"
    assert status(text, "PN03") == FOUND


def test_it_needs_a_period_or_criteria_for_retention():
    assert status("We keep your information no longer than necessary.", "PN10") == UNCLEAR
    assert status("We keep council tax records for six years after the account closes.", "PN10") == FOUND
    assert status("## How long we keep it\n\nIn line with our retention schedule.", "PN10") == FOUND


def test_it_counts_terse_rights_under_a_rights_heading():
    text = "## Your rights\n\n- Access\n- Correction of errors\n- Erasure in some cases\n"
    assert status(text, "PN11") == FOUND
    assert status("You have the right to access your information.", "PN11") == UNCLEAR


def test_it_needs_both_complaint_routes_after_19_june_2026():
    ico_only = "You can complain to the Information Commissioner's Office."
    both = ico_only + " If you are unhappy with how we handled your data, complain to us at dpo@northby.gov.uk."
    assert status(ico_only, "PN13", as_of=date(2026, 11, 1)) == UNCLEAR
    assert status(ico_only, "PN13", as_of=date(2026, 1, 1)) == FOUND
    assert status(both, "PN13", as_of=date(2026, 11, 1)) == FOUND


def test_it_reads_a_negated_transfer_as_an_answer():
    assert status("We do not transfer your information outside the UK.", "PN09") == FOUND
    assert status("Some suppliers may store your data outside the UK.", "PN09") == UNCLEAR


def test_it_treats_conditional_automated_decision_wording_as_unclear():
    assert status("If we use automated decision-making, we will tell you.", "PN16") == UNCLEAR
    assert status("We do not make decisions based solely on automated processing.", "PN16") == FOUND


def test_it_asks_for_an_article_9_condition_when_special_category_data_is_mentioned():
    basis = "We rely on public task (Article 6(1)(e))."
    assert status(basis, "PN05") == FOUND
    assert status(basis + " We hold health information.", "PN05") == UNCLEAR
    assert status(basis + " We hold health information under Article 9(2)(h).", "PN05") == FOUND


def test_it_reports_a_representative_honestly():
    assert status("Northby Council is the data controller.", "PN02") == MISSING
    text = "As a UK public authority we are not required to appoint a representative under Article 27."
    assert status(text, "PN02") == FOUND


def test_it_separates_named_recipients_from_vague_sharing():
    assert status("We share your information with the police and the NHS.", "PN08") == FOUND
    assert status("We may share your information with third parties.", "PN08") == UNCLEAR


def test_it_gives_the_sentence_that_decided_as_evidence():
    report = audit_text("Intro.\n\nWe keep records for six years.\n")
    item = next(i for i in report.items if i.id == "PN10")
    assert item.to_dict() == {"id": "PN10", "status": "found", "evidence": ["We keep records for six years."]}
    assert item.evidence[0].line == 3
