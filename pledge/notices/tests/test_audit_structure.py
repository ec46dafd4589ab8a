"""Lists introduced by a lead-in and "Label: value" fact lines are read as statements (Arts 13/14 audit)."""

from datetime import date

from pledge.notices.audit import ItemStatus, audit_text
from pledge.notices.audit.reader import read_text

FOUND, UNCLEAR, MISSING = ItemStatus.FOUND, ItemStatus.UNCLEAR, ItemStatus.MISSING


def item(text: str, item_id: str, filename: str = "n.md") -> tuple[ItemStatus, list[str]]:
    report = audit_text(text, filename=filename, as_of=date(2026, 11, 24)).to_dict()
    row = next(i for i in report["items"] if i["id"] == item_id)
    return ItemStatus(row["status"]), row["evidence"]


def test_the_reader_attaches_list_items_to_their_lead_in_and_finds_labels():
    doc = read_text("The kinds of personal information we use are:\n\n- name\n- bank details\n\nHow long: 6 years.\n")
    lead, first, second, labelled = doc.sentences
    assert lead.items == ("name", "bank details") and lead.label == "The kinds of personal information we use are"
    assert first.lead_in == second.lead_in == lead.label and labelled.label == "How long"


def test_a_lead_in_with_its_list_of_kinds_of_data_is_found_and_shown_as_one_statement():
    status, evidence = item("The kinds of personal information we use are:\n\n- name\n- bank details\n", "PN07")
    assert status == FOUND and evidence == ["The kinds of personal information we use are: name; bank details"]


def test_long_lists_show_the_first_items_only():
    text = "We share this information with these recipients:\n\n- Alpha Ltd\n- Beta Trust\n- Gamma CIC\n- Delta plc\n"
    status, evidence = item(text, "PN08")
    assert status == FOUND and evidence[0].endswith("Alpha Ltd; Beta Trust; Gamma CIC; … (1 more)")


def test_a_recipient_list_of_vague_values_stays_unclear():
    assert item("Recipients: third parties where necessary\n", "PN08")[0] == UNCLEAR


def test_sources_in_a_list_or_a_label_are_named_sources():
    assert item("We get this information from these sources:\n\n- the person\n- registrars\n", "PN14")[0] == FOUND
    assert item("- Where we get it from: the person, Companies House\n", "PN14")[0] == FOUND
    assert item("Sources: other organisations\n", "PN14")[0] == UNCLEAR


def test_how_we_collect_it_is_a_method_not_a_named_source():
    assert item("How we collect it: email, phone, post.\n", "PN14")[0] != FOUND


def test_a_labelled_purpose_list_and_a_labelled_basis_are_found():
    assert item("- Why we use it: Send bills; Give discounts; Recover arrears\n", "PN04")[0] == FOUND
    assert item("Legal basis: legal obligation (Local Government Finance Act 1988)\n", "PN05")[0] == FOUND


def test_labelled_statements_that_something_does_not_apply_are_found():
    assert item("Transfers abroad: none\n", "PN09")[0] == FOUND
    assert item("- Automated decision-making: not used\n", "PN16")[0] == FOUND


def test_a_labelled_automated_decision_with_its_logic_is_found_but_a_rights_label_is_not_enough():
    text = (
        "- Automated decisions: When DWP sends a change, the system recalculates your support using the "
        "published income bands.\n"
    )
    assert item(text, "PN16")[0] == FOUND
    rights_only = "- Rights about automated decisions: to be told about a decision made only by a computer\n"
    assert item(rights_only, "PN16")[0] == UNCLEAR


def test_the_title_of_an_appropriate_policy_document_is_not_special_category_use():
    text = (
        "We use it to comply with a legal obligation under the Local Government Finance Act 1992.\n\n"
        "[Appropriate policy document (special category and criminal offence data)](https://example.org/apd)\n"
    )
    assert item(text, "PN05")[0] == FOUND


def test_a_dpo_lead_in_with_labelled_contact_items_is_one_piece_of_evidence():
    text = "Our Data Protection Officer can be contacted at:\n\n- Email: dpo@northby.gov.uk\n- Phone: 01632 960111\n"
    status, evidence = item(text, "PN03")
    assert status == FOUND
    assert evidence == [
        "Our Data Protection Officer can be contacted at: Email: dpo@northby.gov.uk; Phone: 01632 960111"
    ]


def test_html_paragraph_lead_ins_own_the_following_list():
    html = "<p>The details we record are:</p><ul><li>name</li><li>date of birth</li></ul>"
    assert item(html, "PN07", filename="n.html")[0] == FOUND
