"""A disposal certificate as a download: CSV (the facts, then every record reference) or PDF (the facts and the
fingerprint of the reference list). No personal data: references, counts, the rule, dates and staff names."""

import csv
import io
from typing import Any

from django.conf import settings

from pledge.notices.downloads import blocks_file
from pledge.retention.execution import DONE_WORD, certificate_refs
from pledge.retention.models import DisposalCertificate


def facts(certificate: DisposalCertificate) -> list[tuple[str, str]]:
    """The certificate's facts as (label, value) rows, the same on the page and in each download."""
    approver = certificate.approved_by
    done = DONE_WORD.get(certificate.action, "disposed of")  # type: ignore[call-overload]
    return [
        ("Certificate", certificate.reference),
        ("System", f"{certificate.system_name} ({certificate.system})"),
        ("Table", certificate.table),
        ("Records " + done, f"{certificate.count:,}"),
        ("Approved records no longer due when carried out", f"{certificate.not_done_count:,}"),
        ("Retention rule", certificate.rule_name),
        ("Rule", certificate.rule_period),
        ("Authority for the rule", certificate.rule_source),
        ("Approved by", approver.get_full_name() or approver.get_username()),
        ("Approved on", f"{certificate.approved_at:%-d %B %Y at %H:%M}"),
        ("Carried out", f"{certificate.carried_out_at:%-d %B %Y at %H:%M}, {certificate.method}"),
        ("SHA-256 of the reference list", certificate.refs_sha256),
    ]


def certificate_csv(certificate: DisposalCertificate) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerows(facts(certificate))
    writer.writerow([])
    writer.writerow(["Record reference"])
    writer.writerows([ref] for ref in certificate_refs(certificate))
    return buffer.getvalue().encode()


def certificate_pdf(certificate: DisposalCertificate) -> bytes:
    council = settings.PLEDGE_COUNCIL["name"]
    blocks: list[dict[str, Any]] = [
        {
            "type": "p",
            "text": f"{council} certifies that the records below were disposed of under its retention "
            "schedule (UK GDPR Art 5(1)(e)). The list of record references is in the CSV download; its fingerprint "
            "is given here. This certificate holds no personal data.",
        },  # fmt: skip
        {"type": "ul", "items": [f"{label}: {value}" for label, value in facts(certificate)]},
    ]
    return blocks_file(
        blocks,
        "pdf",
        title=f"Disposal certificate {certificate.reference}",
        author=council,
        footer=f"{certificate.reference}.",
    )
