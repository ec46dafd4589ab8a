"""Demo-like register rows for the rights engine and response letter tests, modelled on the Anyshire register."""

from dataclasses import dataclass

from pledge.register.models import ProcessingActivity, RetentionAction, RetentionTrigger, Service
from pledge.register.tests.factories import (
    make_activity,
    make_controller,
    make_recipient,
    make_retention_rule,
    make_service,
)


@dataclass
class Register:
    council_tax: Service
    waste: Service
    social_care: Service
    billing: ProcessingActivity  # Art 6(1)(c), a processor abroad under the IDTA
    support: ProcessingActivity  # Art 6(1)(e), data from DWP, a solely automated decision
    garden_waste: ProcessingActivity  # Art 6(1)(b), automated: portability applies
    newsletter: ProcessingActivity  # Art 6(1)(a), direct marketing
    adult_care: ProcessingActivity  # Art 6(1)(e) with Art 9(2)(h) health data, archived at the end


def build_register() -> Register:
    """Three services and five approved activities with recipients, retention, sources and a transfer abroad."""
    council = make_controller(website="https://testshire.example", complaints_url="/how-to-complain/")
    council_tax = make_service(controller=council)
    waste = make_service(controller=council, slug="waste", name="Waste and recycling")
    social_care = make_service(controller=council, slug="adult-social-care", name="Adult social care")
    six_years = make_retention_rule()
    archive = make_retention_rule(
        slug="care-records",
        years=8,
        name="Eight years after the last contact, then the archive",
        trigger=RetentionTrigger.LAST_CONTACT,
        action=RetentionAction.ARCHIVE,
        source="Records Management Code of Practice 2023",
    )
    dwp = make_recipient(slug="dwp", name="Department for Work and Pensions", kind="public_body")
    printer = make_recipient(
        slug="bill-printer", name="Example Print Services Ltd", country="IN", transfer_mechanism="idta"
    )
    billing = make_activity(
        service=council_tax,
        slug="council-tax-billing",
        name="Billing and collecting council tax",
        lawful_basis="c",
        purposes=["to bill and collect council tax", "to recover unpaid council tax"],
        legislation=["Local Government Finance Act 1992"],
        data_categories=["name", "address", "council tax account number"],
        retention_rule=six_years,
        recipients=(printer,),
    )
    support = make_activity(
        service=council_tax,
        slug="council-tax-support",
        name="Council tax support",
        lawful_basis="e",
        purposes=["to work out council tax support"],
        legislation=["Local Government Finance Act 2012"],
        data_categories=["income", "household members"],
        sources=["you", "Department for Work and Pensions"],
        retention_rule=six_years,
        recipients=(dwp,),
        automated_processing=True,
        automated_decision=True,
        automated_decision_logic="When DWP sends a Universal Credit change, the system recalculates your support "
        "from the published income bands and sends a new bill.",
        automated_decision_safeguards="An assessor checks any change that would end your support.",
    )
    garden_waste = make_activity(
        service=waste,
        slug="garden-waste",
        name="Garden waste subscriptions",
        lawful_basis="b",
        purposes=["to collect garden waste you pay for"],
        data_categories=["name", "address", "payment reference"],
        automated_processing=True,
        retention_rule=six_years,
    )
    newsletter = make_activity(
        service=waste,
        slug="recycling-newsletter",
        name="Recycling newsletter",
        lawful_basis="a",
        purposes=["to send you our recycling newsletter"],
        data_categories=["email address"],
        direct_marketing=True,
        consent_withdrawal_route="the unsubscribe link in every newsletter",
        retention_rule=six_years,
    )
    adult_care = make_activity(
        service=social_care,
        slug="care-assessments",
        name="Care needs assessments",
        lawful_basis="e",
        purposes=["to assess and meet care needs"],
        legislation=["Care Act 2014"],
        data_categories=["name", "care needs"],
        special_categories=["health"],
        art9_condition="h",
        sources=["you", "your GP"],
        retention_rule=archive,
    )
    return Register(council_tax, waste, social_care, billing, support, garden_waste, newsletter, adult_care)
