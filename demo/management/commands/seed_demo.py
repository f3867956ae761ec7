from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand
from django.db import transaction

from demo import partners as partnership
from demo.events import link_event_practices, seed_events
from demo.plans import seed_plans
from demo.practices import seed_practices
from demo.reports import seed_reports
from demo.synthesis import seed_synthesis
from demo.workspace import seed_workspace
from partners.models import Membership, PartnerOrganisation, PolicyInstrument, Region, User

DEMO_DOMAIN = "demo.interventures.eu"
DEFAULT_PASSWORD = "interventures-demo"  # noqa: S105 - documented demo password
# The demo coordinator's authenticator app (TOTP): coordinators must sign in with a second
# factor, so the README publishes this secret for people and scripted checks. Demo only.
DEMO_TOTP_SECRET = "LQ55RD4ZVROLSLK73CI6GQJKMEI6OWZK"  # noqa: S105 - documented demo secret
# Demo people have names usual in their region, so pages read as the partnership would.
DEMO_NAMES = {
    "coordinator": ("Anna", "Horváth"),
    "stakeholder": ("Sofia", "Romano"),
    "editor.pecs": ("Eszter", "Kovács"),
    "viewer.pecs": ("Bence", "Nagy"),
    "editor.lombardy": ("Giulia", "Bianchi"),
    "viewer.lombardy": ("Marco", "Ferrari"),
    "editor.podkarpackie": ("Katarzyna", "Nowak"),
    "viewer.podkarpackie": ("Piotr", "Wiśniewski"),
    "editor.castilla-y-leon": ("Lucía", "García"),
    "viewer.castilla-y-leon": ("Javier", "Martín"),
    "editor.klaipeda": ("Rūta", "Petrauskienė"),
    "viewer.klaipeda": ("Tomas", "Kazlauskas"),
}


class Command(BaseCommand):
    help = "Load the partnership's real regions, partners and instruments and the demo accounts."
    # The server started after it (make run) runs the system checks; twice costs a second.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser):
        parser.add_argument(
            "--password",
            help=(
                f"set every demo account's password to this (default: new accounts get "
                f"{DEFAULT_PASSWORD!r}, existing ones keep theirs)"
            ),
        )

    @transaction.atomic
    def handle(self, *args, password, **options):
        # Hashing is slow by design: hash once, and only when an account needs a password.
        self._hashed = None
        self._password = password
        regions = {}
        for row in partnership.REGIONS:
            regions[row["slug"]], _ = Region.objects.update_or_create(
                slug=row["slug"], defaults={k: v for k, v in row.items() if k != "slug"}
            )
        organisations = {}
        for row in partnership.ORGANISATIONS:
            defaults = {**row, "region": regions.get(row["region"])}
            del defaults["name"]
            organisations[row["short_name"]], _ = PartnerOrganisation.objects.update_or_create(
                name=row["name"], defaults=defaults
            )
        for row in partnership.INSTRUMENTS:
            PolicyInstrument.objects.update_or_create(
                region=regions[row["region"]],
                name=row["name"],
                defaults={k: v for k, v in row.items() if k not in {"region", "name"}},
            )
        for row in partnership.STAKEHOLDERS:
            regions[row["region"]].stakeholders.update_or_create(
                organisation_name=row["organisation_name"], defaults={"kind": row["kind"]}
            )

        coordinator = self._account("coordinator", is_coordinator=True)
        if not Authenticator.objects.filter(
            user=coordinator, type=Authenticator.Type.TOTP
        ).exists():
            TOTP.activate(coordinator, DEMO_TOTP_SECRET)
        self._account("stakeholder")
        for slug, short_name in partnership.DEMO_ACCOUNT_ORGANISATION.items():
            for role in Membership.Role:
                user = self._account(f"{role}.{slug}")
                Membership.objects.update_or_create(
                    user=user, organisation=organisations[short_name], defaults={"role": role}
                )
        new_reports = seed_reports(demo_domain=DEMO_DOMAIN)
        new_events = seed_events()
        new_practices = seed_practices()
        link_event_practices()
        new_workspace = seed_workspace(demo_domain=DEMO_DOMAIN)
        new_plans = seed_plans(demo_domain=DEMO_DOMAIN)
        new_synthesis = seed_synthesis(demo_domain=DEMO_DOMAIN)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data ready: {Region.objects.count()} regions, "
                f"{PartnerOrganisation.objects.count()} organisations, "
                f"{PolicyInstrument.objects.count()} policy instruments, "
                f"{new_reports} new Situation Analysis Reports, "
                f"{new_events} new events, "
                f"{new_practices} new good practices, "
                f"{new_workspace} new workspace items (due dates, comments, notifications, "
                f"registrations), "
                f"{new_plans} new action plans (with their monitoring), "
                f"{new_synthesis} new Interregional synthesis, "
                f"{User.objects.filter(email__endswith=DEMO_DOMAIN).count()} demo accounts "
                f"(password: {password or DEFAULT_PASSWORD} unless changed)."
            )
        )

    def _account(self, local_part: str, **fields) -> User:
        email = f"{local_part}@{DEMO_DOMAIN}"
        first_name, last_name = DEMO_NAMES[local_part]
        user, created = User.objects.update_or_create(
            email=email, defaults={"first_name": first_name, "last_name": last_name, **fields}
        )
        if created or self._password is not None:
            user.password = self._password_hash()
            user.save(update_fields=["password"])
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        return user

    def _password_hash(self) -> str:
        if self._hashed is None:
            self._hashed = make_password(self._password or DEFAULT_PASSWORD)
        return self._hashed
