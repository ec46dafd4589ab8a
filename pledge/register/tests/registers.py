"""Small register directories, written from YAML strings whose line numbers the tests can count."""

from pathlib import Path

from pledge.register.tests.factories import write_register

# Each text is valid on its own terms; the comments are the line numbers the tests assert.
CONTROLLERS = """\
controllers:
  - slug: testshire-council
    name: Testshire Council
    kind: council
    address: Town Hall, Testshire
    email: info@testshire.example
    phone: 01632 960100
    ico_registration: ZX999001
    dpo_name: Data Protection Officer
    dpo_email: dpo@testshire.example
    dpo_address: Town Hall, Testshire
"""

SHARED = """\
recipients:
  - slug: mailing-house
    name: Example Mailing Ltd
    kind: processor
    contract_reference: CON-1
    contract_start: 2025-01-01
    contract_end: 2028-01-01
  - slug: dwp
    name: Department for Work and Pensions
    kind: public_body
systems:
  - slug: revenues-system
    name: Revenues system
retention_rules:
  - slug: six-years-after-closure
    name: Six years after the account closes
    trigger: account_closed
    years: 6
    source: Limitation Act 1980 s.5
"""
# line 2: mailing-house; 6: contract_start; 7: contract_end; 8: dwp; 12: revenues-system; 15: retention rule

SERVICE = """\
services:
  - slug: council-tax
    name: Council tax
    controller: testshire-council
    summary: We bill and collect council tax.
    owner_role: Head of Revenues
    activities:
      - slug: council-tax-billing
        name: Billing and collecting council tax
        status: approved
        purposes: [to bill and collect council tax]
        lawful_basis: c
        legislation: [Local Government Finance Act 1992]
        data_subjects: [council tax payers]
        data_categories: [name, address]
        sources: [you]
        automated_processing: false
        recipients: [mailing-house, dwp]
        systems: [revenues-system]
        retention_rule: six-years-after-closure
"""
# line 2: service; 4: controller; 8: activity; 10: status; 11: purposes; 12: lawful_basis; 13: legislation;
# 17: automated_processing; 18: recipients; 19: systems; 20: retention_rule


def small_register(*, to: Path, **replacements: str) -> Path:
    """The three small files, with any of ``controllers``, ``shared`` or ``service`` replaced by new text."""
    files = {
        "controllers.yaml": replacements.get("controllers", CONTROLLERS),
        "shared.yaml": replacements.get("shared", SHARED),
        "services/council-tax.yaml": replacements.get("service", SERVICE),
    }
    return write_register(to=to / "register", files=files)


def replace_line(text: str, *, line: int, new: str) -> str:
    """``text`` with its 1-based ``line`` replaced by ``new`` (which may span several lines)."""
    lines = text.splitlines()
    lines[line - 1] = new
    return "\n".join(lines) + "\n"


def insert_after(text: str, *, line: int, new: str) -> str:
    """``text`` with ``new`` inserted after its 1-based ``line``."""
    lines = text.splitlines()
    lines.insert(line, new)
    return "\n".join(lines) + "\n"
