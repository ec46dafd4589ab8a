"""``pledge identity index|find|link|evaluate``: build the identity index, find a person, link two files (P070).

``index`` reads every connected system (``--systems``, default ``settings.PLEDGE_SYSTEMS``) into the index
(``--index``, default ``settings.PLEDGE_IDENTITY_INDEX``) with progress on standard error. ``find`` prints the
candidate records with their probability and why each field agreed or not (``--json`` for machines). ``link``
links two CSV files with the same engine and writes ``left_id,right_id,probability``. ``evaluate`` looks up people
of a generated estate (``pledge demo estate``) and prints recall, precision and latency by hazard.
"""

import csv
import json
import sys
import time
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from pledge.discovery.matching import CANDIDATE_THRESHOLD, IdentityIndex, Match, Query, link
from pledge.discovery.matching.linkage import LINK_THRESHOLD
from pledge.discovery.sources import IdentityField

FIELDS = [name.value for name in IdentityField]
# Column names that map themselves when no --map is given (FEBRL's and the common ones).
DEFAULT_COLUMNS = {
    "name": IdentityField.FULL_NAME,
    "full_name": IdentityField.FULL_NAME,
    "given_name": IdentityField.GIVEN_NAME,
    "first_name": IdentityField.GIVEN_NAME,
    "forename": IdentityField.GIVEN_NAME,
    "surname": IdentityField.FAMILY_NAME,
    "family_name": IdentityField.FAMILY_NAME,
    "last_name": IdentityField.FAMILY_NAME,
    "date_of_birth": IdentityField.DATE_OF_BIRTH,
    "dob": IdentityField.DATE_OF_BIRTH,
    "email": IdentityField.EMAIL,
    "phone": IdentityField.PHONE,
    "phone_number": IdentityField.PHONE,
    "street_number": IdentityField.ADDRESS,
    "address": IdentityField.ADDRESS,
    "address_1": IdentityField.ADDRESS,
    "address_2": IdentityField.ADDRESS,
    "suburb": IdentityField.ADDRESS,
    "postcode": IdentityField.POSTCODE,
    "nhs_number": IdentityField.NHS_NUMBER,
    "ni_number": IdentityField.NI_NUMBER,
    "soc_sec_id": IdentityField.ACCOUNT_REFERENCE,
}


class Command(BaseCommand):
    help = "Build the identity index, find a person's records in it, or link two CSV files."

    def add_arguments(self, parser: ArgumentParser) -> None:
        commands = parser.add_subparsers(dest="action", required=True)
        index = commands.add_parser("index", help="build the identity index from every connected system")
        index.add_argument("--systems", type=Path, help="the connected-systems YAML (default PLEDGE_SYSTEMS)")
        index.add_argument("--index", type=Path, help="the index directory (default PLEDGE_IDENTITY_INDEX)")
        find = commands.add_parser("find", help="look a person up in the identity index")
        find.add_argument("--name", default="")
        find.add_argument("--dob", default="", help="date of birth (YYYY-MM-DD or dd/mm/yyyy)")
        find.add_argument("--email", default="")
        find.add_argument("--phone", default="")
        find.add_argument("--postcode", default="")
        find.add_argument("--address", default="")
        find.add_argument("--previous-address", action="append", default=[])
        find.add_argument("--previous-name", action="append", default=[])
        find.add_argument("--nhs-number", default="")
        find.add_argument("--ni-number", default="")
        find.add_argument("--limit", type=int, default=50)
        find.add_argument("--threshold", type=float, default=CANDIDATE_THRESHOLD)
        find.add_argument("--index", type=Path, help="the index directory (default PLEDGE_IDENTITY_INDEX)")
        find.add_argument("--json", action="store_true", help="print JSON instead of text")
        pair = commands.add_parser("link", help="link two CSV files; writes left_id,right_id,probability")
        pair.add_argument("left", type=Path)
        pair.add_argument("right", type=Path)
        pair.add_argument("--out", type=Path, required=True)
        pair.add_argument("--left-id", default="id")
        pair.add_argument("--right-id", default="id")
        pair.add_argument("--map", action="append", default=[], metavar="COLUMN=FIELD", help=f"one of {FIELDS}")
        pair.add_argument("--threshold", type=float, default=LINK_THRESHOLD)
        pair.add_argument(
            "--engine",
            choices=["pledge", "spark"],
            default="pledge",
            help="pledge: this process; spark: a local Spark session (pledge.discovery.spark), the route for "
            "estate-wide batch linkage beyond one machine",
        )
        measure = commands.add_parser("evaluate", help="recall, precision and latency by hazard on a demo estate")
        measure.add_argument("--estate", type=Path, required=True, help="a folder written by 'pledge demo estate'")
        measure.add_argument("--index", type=Path, help="the index directory (default PLEDGE_IDENTITY_INDEX)")
        measure.add_argument("--people", type=int, default=2000, help="how many people to look up (default 2000)")
        measure.add_argument("--threshold", type=float, default=CANDIDATE_THRESHOLD)

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "index":
            self.build(options)
        elif action == "find":
            self.find(options)
        elif action == "evaluate":
            self.evaluate(options)
        else:
            self.link(options)

    def build(self, options: dict[str, Any]) -> None:
        from pledge.discovery.connectors import SystemsInvalid, connect, load_systems

        systems_path = options["systems"] or Path(settings.PLEDGE_SYSTEMS)
        index_path = options["index"] or Path(settings.PLEDGE_IDENTITY_INDEX)
        try:
            configs = load_systems(systems_path)
        except FileNotFoundError as missing:
            raise CommandError(f"No connected-systems file at {systems_path}", returncode=1) from missing
        except SystemsInvalid as invalid:
            raise CommandError("\n".join(invalid.problems), returncode=1) from invalid
        started = time.monotonic()
        shown = [0.0]

        def progress(done: int, total: int | None) -> None:
            now = time.monotonic()
            if now - shown[0] >= 1.0:  # once a second is enough to show it is moving
                shown[0] = now
                of = f" of {total:,}" if total else ""
                sys.stderr.write(f"\rIndexed {done:,}{of} records ({now - started:.0f}s)")
                sys.stderr.flush()

        index = IdentityIndex.build(
            connectors=[connect(config) for config in configs], path=index_path, progress=progress
        )
        sys.stderr.write("\n")
        meta = index.meta
        self.stdout.write(
            f"Indexed {meta['records']:,} records from {len(configs)} systems in {time.monotonic() - started:.1f}s "
            f"into {index_path}."
        )
        for system in meta["systems"]:  # type: ignore[attr-defined]
            self.stdout.write(f"  {system['system']}: {system['records']:,} records")
        if meta["rejected_nhs_numbers"]:
            self.stdout.write(
                f"{meta['rejected_nhs_numbers']:,} NHS numbers failed the Modulus 11 check and were not indexed."
            )
        self.stdout.write(f"Parameters: {meta['parameters']['method']}.")  # type: ignore[index]

    def find(self, options: dict[str, Any]) -> None:
        query = Query(
            name=options["name"],
            date_of_birth=options["dob"],
            email=options["email"],
            phone=options["phone"],
            postcode=options["postcode"],
            address=options["address"],
            previous_addresses=tuple(options["previous_address"]),
            previous_names=tuple(options["previous_name"]),
            nhs_number=options["nhs_number"],
            ni_number=options["ni_number"],
        )
        if not any((query.name, query.date_of_birth, query.email, query.phone, query.nhs_number, query.ni_number)):
            raise CommandError("Give at least --name, --dob, --email, --phone or a national number", returncode=1)
        try:
            index = IdentityIndex.open(options["index"] or Path(settings.PLEDGE_IDENTITY_INDEX))
        except FileNotFoundError as missing:
            raise CommandError(str(missing), returncode=1) from missing
        matches = index.find(query, limit=options["limit"], min_probability=options["threshold"])
        if options["json"]:
            self.stdout.write(json.dumps([match_as_json(match) for match in matches], indent=2))
            return
        if not matches:
            self.stdout.write("No candidate records.")
        for match in matches:
            self.stdout.write(f"{match.probability:6.1%}  {match.ref}")
            for item in match.evidence:
                self.stdout.write(f"        {item.weight:+6.1f}  {item.detail}")

    def evaluate(self, options: dict[str, Any]) -> None:
        from pledge.discovery.matching.evaluate import evaluate

        if not (options["estate"] / "ground_truth.csv").exists():
            raise CommandError(f"No ground_truth.csv in {options['estate']}", returncode=1)
        try:
            index = IdentityIndex.open(options["index"] or Path(settings.PLEDGE_IDENTITY_INDEX))
        except FileNotFoundError as missing:
            raise CommandError(str(missing), returncode=1) from missing
        result = evaluate(estate=options["estate"], index=index, people=options["people"],
                          threshold=options["threshold"])  # fmt: skip
        self.stdout.write(result.table())

    def link(self, options: dict[str, Any]) -> None:
        mapping = parse_mapping(options["map"])
        left = read_csv(options["left"])
        right = left if options["right"].resolve() == options["left"].resolve() else read_csv(options["right"])
        if not mapping:
            columns = set(left[0]) if left else set()
            mapping = {column: name for column, name in DEFAULT_COLUMNS.items() if column in columns}
        if not mapping:
            raise CommandError("No columns to compare: map them with --map COLUMN=FIELD", returncode=1)
        if options["engine"] == "spark":
            self.link_on_spark(options, mapping, dedupe=right is left)
            return
        count = 0
        with options["out"].open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["left_id", "right_id", "probability"])
            pairs = link(
                left,
                right,
                mapping,
                left_id=options["left_id"],
                right_id=options["right_id"],
                threshold=options["threshold"],
                skip_same_id=right is left,
            )
            for left_id, right_id, chance in pairs:
                writer.writerow([left_id, right_id, f"{chance:.6f}"])
                count += 1
        self.stdout.write(f"Wrote {count:,} links to {options['out']}.")

    def link_on_spark(self, options: dict[str, Any], mapping: dict[str, IdentityField], *, dedupe: bool) -> None:
        try:
            from pledge.discovery.spark import link_on_spark
        except ImportError:
            raise CommandError("Spark is not installed here: install Pledge with its 'spark' extra") from None

        result = link_on_spark(
            options["left"],
            None if dedupe else options["right"],
            options["out"],
            left_columns=mapping,
            left_id=options["left_id"],
            right_id=options["right_id"],
            threshold=options["threshold"],
        )
        self.stdout.write(
            f"Wrote {result.links:,} links to {options['out']} (Spark: {result.candidate_pairs:,} candidate pairs)."
        )


def match_as_json(match: Match) -> dict[str, object]:
    return {
        "ref": str(match.ref),
        "probability": round(match.probability, 6),
        "evidence": [item.__dict__ for item in match.evidence],
        "summary": match.summary,
    }


def parse_mapping(items: list[str]) -> dict[str, IdentityField]:
    """``COLUMN=FIELD`` options as a mapping, or CommandError naming the bad one."""
    mapping = {}
    for item in items:
        column, equals, name = item.partition("=")
        if not equals or name not in FIELDS:
            raise CommandError(f"--map {item!r}: expected COLUMN=FIELD with FIELD one of {', '.join(FIELDS)}")
        mapping[column] = IdentityField(name)
    return mapping


def read_csv(path: Path) -> list[dict[str, str]]:
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            return [{key.strip(): value for key, value in row.items() if key} for row in csv.DictReader(handle)]
    except FileNotFoundError as missing:
        raise CommandError(f"No such file: {path}", returncode=1) from missing
