"""``pledge demo load``: the fictional Anyshire Council, its register, staff, published notices and connected systems.

``pledge demo estate --people N --seed S --out DIR [--db URL]``: a synthetic estate of council systems (issue 5).
"""

from argparse import ArgumentParser
from datetime import date
from importlib import import_module
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from pledge.core.models import User
from pledge.core.roles import Role
from pledge.register.services import RegisterInvalid, approve_activity, import_register

DEMO_REGISTER = settings.BASE_DIR / "demo" / "anyshire" / "register"
FIRST_PUBLISHED = date(2026, 4, 1)

# Demo logins only: printed by `make run`; never used outside the fictional demo.
DEMO_STAFF = [
    ("dpo", Role.DPO, "Dee Peoh"),
    ("ig-officer", Role.IG_OFFICER, "Ivy Gee"),
    ("caseworker", Role.CASEWORKER, "Casey Worker"),
    ("service-lead", Role.SERVICE_LEAD, "Lee Service"),
    ("auditor", Role.AUDITOR, "Audrey Tor"),
]
DEMO_PASSWORD_SUFFIX = "-demo-pass"
# The demo requests are assigned to and worked by these; the first, the IG officer, assigns them.
DEMO_CASE_WORKERS = ["ig-officer", "caseworker", "dpo"]


DOMAIN_DEMOS = (
    "pledge.consent.demo",
    "pledge.newsletters.demo",
    "pledge.cookies.demo",
    "pledge.disclosures.demo",
    "pledge.complaints.demo",
    "pledge.redaction.demo",
    "pledge.retention.demo",
)


class Command(BaseCommand):
    help = "Load the fictional Anyshire Council demo (idempotent)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("action", choices=["load", "logins", "estate"])
        parser.add_argument("--register", type=Path, default=DEMO_REGISTER)
        parser.add_argument("--reset", action="store_true", help="re-import the demo register over any changes")
        parser.add_argument(
            "--skip-estate",
            action="store_true",
            help="load: leave out the connected-systems estate, its identity index and its requests",
        )
        estate = parser.add_argument_group("estate", "pledge demo estate: generate a synthetic council estate")
        estate.add_argument("--people", type=int, default=None, help="how many people (default: the demo's 3,000)")
        estate.add_argument("--seed", type=int, default=None, help="the same seed always writes the same files")
        estate.add_argument(
            "--out", type=Path, default=None, help="folder to write into (default: beside PLEDGE_SYSTEMS)"
        )
        estate.add_argument(
            "--db",
            default=None,
            help="SQLAlchemy URL: put every SQL system in this one database, tables prefixed 'council_tax__'; "
            "write a password as ${NAME} to take it from the environment and keep it out of systems.yaml",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "logins":
            self._print_logins()
            return
        if options["action"] == "estate":
            self._generate_estate(options)
            return
        from pledge.register.models import Controller

        if Controller.objects.exists() and not options["reset"]:
            # Keep what people have done in the demo (approvals, edits); --reset starts again from the YAML.
            self.stdout.write("The demo is already loaded; use `pledge demo load --reset` to start again.")
            self._create_staff()
            self._load_requests(reset=False)
            self._load_breaches()
            self._load_estate(options)
            self._load_domain_demos()
            self._print_logins()
            return
        try:
            with transaction.atomic():  # an invalid register leaves the demo requests as they were
                if options["reset"]:
                    self._remove_requests()
                result = import_register(directory=options["register"], actor="demo loader")
        except RegisterInvalid as invalid:
            for problem in invalid.problems:
                self.stderr.write(str(problem))
            raise CommandError("the demo register is invalid") from None
        self.stdout.write(f"Register: {result.summary()}")
        self._create_staff()
        published = self._publish_notices()
        self.stdout.write(f"Notices: {published} version(s) published")
        self._load_requests(reset=options["reset"])
        self._load_breaches()
        self._load_estate(options)
        self._load_domain_demos()
        self._print_logins()

    def _generate_estate(self, options: dict[str, Any]) -> None:
        from pledge.discovery.estate import generate_estate
        from pledge.discovery.estate.demo import DEMO_ESTATE_PEOPLE, DEMO_ESTATE_SEED

        people = options["people"] if options["people"] is not None else DEMO_ESTATE_PEOPLE
        if people < 1:
            raise CommandError("--people must be at least 1")
        out = options["out"] or Path(settings.PLEDGE_SYSTEMS).parent
        seed = options["seed"] if options["seed"] is not None else DEMO_ESTATE_SEED
        try:
            summary = generate_estate(people=people, seed=seed, out=out, db_url=options["db"], progress=self._progress)
        except Exception as error:  # a bad --db URL or an unwritable folder: say so plainly, not a traceback
            raise CommandError(f"the estate was not generated: {error}") from error
        for line in summary.lines():
            self.stdout.write(line)

    def _progress(self, system: str, done: int, total: int) -> None:
        self.stdout.write(f"  {system}: {done:,} of {total:,}" if done < total else f"  {system}: {done:,} records")

    def _load_domain_demos(self) -> None:
        """Each domain app's fictional demo data, in dependency order (the consent ledger before the newsletters and
        the disclosure log that ask it; retention after the estate it sweeps). Each loader is idempotent."""
        for module in DOMAIN_DEMOS:
            self.stdout.write(import_module(module).load_demo())

    def _load_breaches(self) -> None:
        from pledge.breaches.demo import load_demo_breaches

        self.stdout.write(f"Breaches: {load_demo_breaches()} demo breach(es) loaded")

    def _load_estate(self, options: dict[str, Any]) -> None:
        """The estate, then (it needs the estate) the identity index and the requests from its people."""
        if options["skip_estate"]:
            return
        from pledge.discovery.demo_cases import load_discovery_demo

        self._ensure_estate()
        self.stdout.write(load_discovery_demo())

    def _ensure_estate(self) -> None:
        """The demo's connected systems: a small synthetic estate where ``PLEDGE_SYSTEMS`` points, made once."""
        from pledge.discovery.estate.demo import ensure_demo_estate

        systems = Path(settings.PLEDGE_SYSTEMS)
        if systems.exists():
            return
        ensure_demo_estate(systems.parent)
        self.stdout.write(f"Connected systems: a demo estate of fictional people in {systems.parent}")

    def _remove_requests(self) -> None:
        """Remove the generated requests before the register changes under them; ones people logged stay."""
        from pledge.casework.demo_cases import remove_demo_cases

        self.stdout.write(f"Demo requests removed: {remove_demo_cases()}")

    def _load_requests(self, *, reset: bool) -> None:
        """Generate the demo's rights requests on a database with none yet, or again after --reset removed them."""
        from pledge.casework.demo_cases import DemoCasesError, generate_demo_cases
        from pledge.casework.models import Case
        from pledge.casework.regimes import RIGHTS_REQUEST_KINDS

        # Complaints are cases too, from the complaints app's own demo: only rights requests count here.
        if Case.objects.filter(kind__in=RIGHTS_REQUEST_KINDS).exists() and not reset:
            return
        workers = User.objects.filter(username__in=DEMO_CASE_WORKERS)
        try:
            result = generate_demo_cases(staff=sorted(workers, key=lambda user: DEMO_CASE_WORKERS.index(user.username)))
        except DemoCasesError as error:
            self.stderr.write(f"Demo requests not generated: {error}")
            return
        self.stdout.write(result.summary())

    def _create_staff(self) -> None:
        from pledge.register.models import Service

        for username, role, name in DEMO_STAFF:
            first, last = name.split(" ", 1)
            user, created = User.objects.get_or_create(
                username=username,
                defaults={
                    "role": role,
                    "first_name": first,
                    "last_name": last,
                    "email": f"{username}@anyshire.example",
                },
            )
            if created:
                user.set_password(username + DEMO_PASSWORD_SUFFIX)
                # One lapsed training record, so the dashboard shows what a lapse looks like.
                user.training_completed_on = date(2025, 6, 2) if role == Role.CASEWORKER else date(2026, 3, 2)
                user.save()
            if role == Role.SERVICE_LEAD:
                for service in Service.objects.filter(slug__in=["libraries", "waste-and-recycling", "garden-waste"]):
                    service.leads.add(user)

    def _publish_notices(self) -> int:
        from pledge.notices.generation import ensure_notices
        from pledge.notices.models import NoticeVersion
        from pledge.notices.services import NoticeIncomplete, publish_notice
        from pledge.register.models import ProcessingActivity, Status

        if NoticeVersion.objects.exists():
            ensure_notices()
            return 0
        count = 0
        with transaction.atomic():
            for notice in ensure_notices():
                try:
                    publish_notice(
                        notice=notice,
                        actor="demo loader",
                        change_summary="First published version.",
                        effective_from=FIRST_PUBLISHED,
                    )
                    count += 1
                except NoticeIncomplete as incomplete:
                    self.stderr.write(f"{notice.slug}: not published: " + "; ".join(map(str, incomplete.missing)))
            # Show the approval workflow and a public change history: approve one draft and republish.
            draft = ProcessingActivity.objects.filter(status=Status.DRAFT).order_by("slug").first()
            if draft is not None:
                approve_activity(activity=draft, actor="demo loader", effective_from=date(2026, 10, 1))
                for notice in draft.service.notices.all():
                    publish_notice(
                        notice=notice,
                        actor="demo loader",
                        change_summary=f"Added how we use your information for {draft.name.lower()}.",
                        effective_from=date(2026, 10, 1),
                    )
                    count += 1
        return count

    def _print_logins(self) -> None:
        self.stdout.write("Demo staff sign-ins (fictional demo only):")
        for username, role, _ in DEMO_STAFF:
            self.stdout.write(f"  {role.label:<32} username {username:<13} password {username + DEMO_PASSWORD_SUFFIX}")
