# ruff: noqa: E501
"""Regenerate the PDF notices of the evaluation set from the texts below (reportlab).

Run: .venv/bin/python tests/data/notice_audit/make_pdfs.py
"""

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate, Spacer

HERE = Path(__file__).parent

D09 = """# Housing register privacy notice
Ashby Vale District Council (Council House, Station Road, Ashby Vale, ZZ5 6AV) is the data controller for your housing application. Our Data Protection Officer can be contacted at dpo@ashbyvale.gov.uk.
## What information we ask for
To assess your application we ask for the names and dates of birth of everyone in your household, your current address and tenancy, your income and savings, and any medical or disability needs that affect your housing.
## Why we need it
We use it to decide whether you qualify to join the housing register, to assess your priority band, and to nominate you to housing associations when homes become available.
## Our legal basis
We process this information to carry out our public task under Part 6 of the Housing Act 1996. Medical information is processed under Article 9(2)(g) and Schedule 1 paragraph 6 (statutory and government purposes).
## Checks we make
We may contact your landlord, your GP and other councils to check what you tell us.
## Sharing
If you are nominated for a home we share your application with the housing association that owns it.
## Keeping your information
We will keep your information for as long as you are on the register and for one year after your application is closed.
## Your rights
* You can ask for a copy of your information.
* You can ask us to correct it.
* You can ask us to restrict how we use it while a correction is checked.
## Complaints
Please tell us if you are unhappy with how we have handled your data by emailing dpo@ashbyvale.gov.uk. You also have the right to complain to the Information Commissioner's Office.
"""

H04 = """# School admissions privacy notice
Kingsmere County Council is the admissions authority for community schools and the controller of the information in your application. Write to School Admissions, County Hall, Kingsmere, ZZ1 9KM or call 01632 960777.
The council's Data Protection Officer can be contacted at dpo@kingsmere.gov.uk.
## Information we use
We use your child's name, date of birth and address, the names and contact details of parents and carers, details of brothers and sisters at the school, and, where you tell us, medical or social needs and looked-after status.
## Why we use it
We use it to allocate school places according to the published admission arrangements, to offer places, and to manage waiting lists and appeals.
## Legal basis
Processing is necessary for our public task under the School Standards and Framework Act 1998 and the School Admissions Code. Information about medical or social needs is processed under Article 9(2)(g) and Schedule 1 paragraph 6.
## Who we share it with
We share application details with the schools you name, with other admission authorities and neighbouring councils, and with the Department for Education.
## Where information comes from
We receive information from you and from your child's current school or nursery.
## How long we keep it
Applications are kept for one year after the end of the admissions round, and appeal records for seven years.
## Automated processing
Our admissions system ranks applications automatically using the oversubscription criteria and distances measured from your home address. Every allocation is checked by an officer before offers are made, and you can appeal.
## Your rights
You can ask for a copy of your information. You can ask us to correct inaccurate details.
## Complaints
If you are unhappy with the way we have used your information, contact our Data Protection Officer. You can also complain to the ICO.
"""


def build(text: str, target: Path) -> None:
    styles = getSampleStyleSheet()
    story: list = []
    bullets: list = []
    for line in text.strip().splitlines():
        if line.startswith("* "):
            bullets.append(ListItem(Paragraph(line[2:], styles["BodyText"])))
            continue
        if bullets:
            story.append(ListFlowable(bullets, bulletType="bullet"))
            bullets = []
        if line.startswith("## "):
            story.append(Paragraph(line[3:], styles["Heading2"]))
        elif line.startswith("# "):
            story.append(Paragraph(line[2:], styles["Heading1"]))
        else:
            story.append(Paragraph(line, styles["BodyText"]))
            story.append(Spacer(1, 6))
    if bullets:
        story.append(ListFlowable(bullets, bulletType="bullet"))
    SimpleDocTemplate(str(target), pagesize=A4, title=target.stem, invariant=1).build(story)


if __name__ == "__main__":
    build(D09, HERE / "d09_housing_register.pdf")
    build(H04, HERE / "h04_school_admissions.pdf")
