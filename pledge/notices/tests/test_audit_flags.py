"""Extra findings: invalid consent (P032), repealed law (P035), readability (P038), ICO details (P146)."""

from pledge.notices.audit import DEFAULT_ICO_PATH, audit_text, load_ico


def codes(text: str, **kwargs) -> list[tuple[str, int]]:
    return [(f.code, f.line) for f in audit_text(text, **kwargs).flags if f.code != "hard-to-read"]


def test_it_flags_consent_by_browsing_wording():
    assert codes("Intro.\n\nBy using our site you agree to accept this privacy policy.") == [("invalid-consent", 3)]
    assert codes("By continuing to browse this site you consent to our use of cookies.")[0][0] == "invalid-consent"


def test_it_does_not_flag_ordinary_consent_wording():
    assert codes("We will ask for your consent before we share your information.") == []


def test_it_flags_the_claim_that_cookies_cannot_identify_anyone():
    claim = (
        "Cookies do not contain any personal information about you and cannot be used to identify an individual user."
    )
    assert codes(claim) == [("cookies-identify", 1)]
    assert codes("We use cookies to remember your choices. They cannot be used to identify you personally.") == [
        ("cookies-identify", 1)
    ]


def test_it_leaves_identification_wording_that_is_not_about_cookies():
    assert codes("Published statistics cannot be used to identify you.") == []
    assert codes("We use cookies to remember your choices for a year.") == []


def test_it_flags_repealed_law_and_retired_domains_with_line_numbers():
    text = "Line one.\nWe comply with the Data Protection Act 1998.\nSee [cookies](http://www.direct.gov.uk/x).\n"
    assert codes(text) == [("repealed-law", 2), ("retired-domain", 3)]
    assert codes("We follow Directive 95/46/EC.") == [("repealed-law", 1)]


def test_it_flags_ico_contact_details_that_differ_from_the_canonical_ones():
    wrong = "Call the Information Commissioner's Office on 01625 545 745 or visit ico.org.uk."
    assert codes(wrong) == [("ico-contact-mismatch", 1)]
    right = "Call the Information Commissioner's Office on 0303 123 1113 or visit ico.org.uk."
    assert codes(right) == []


def test_it_loads_the_ico_details_from_a_parameter():
    assert load_ico(DEFAULT_ICO_PATH)["phone"] == "0303 123 1113"
    custom = {"phone": "01625 545 745", "website": "https://ico.org.uk", "address": "Wycliffe House, SK9 5AF"}
    assert codes("Call the ICO on 01625 545 745.", ico=custom) == []


def test_it_scores_readability_and_flags_hard_paragraphs():
    plain = "We keep your data safe. We do not sell it. You can ask us for a copy."
    hard = (
        "Notwithstanding the aforementioned considerations, the organisation's information governance "
        "infrastructure necessitates comprehensive documentation of processing operations."
    )
    report = audit_text(plain + "\n\n" + hard, max_grade=12)
    assert report.readability["flesch_reading_ease"] > 0
    assert [f.line for f in report.flags if f.code == "hard-to-read"] == [3]
    assert report.readability["paragraphs_above_max_grade"] == 1
