"""The registry of every URL pattern of the project, with who may use it.

`tests/test_url_inventory.py` fails when a URL pattern is missing here (or an entry names a URL
that no longer exists); the security tests (`tests/security/`) and the accessibility sweep
(`tests/e2e/`) are generated from it. A new feature adds its routes in a few lines:

    EVENTS = [
        Route("events:event_list", Access.PUBLIC),
        Route("events:event_edit", Access.REGION_EDITOR, kwargs=lambda w: {"slug": ...},
              methods=POST_FORM, unpublished_sample=True),
    ]

and appends its list to `ROUTES` below. `w` is the `world` fixture: every shared fixture object
(`w.region_a`, `w.instrument_a`, `w.owner`, ...; see tests/conftest.py).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum

from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from allauth.account.utils import user_pk_to_url_str

from interventures.notifications.models import Notification

from . import factories

ROLES = ("anonymous", "stakeholder", "colleague", "owner", "outsider", "coordinator")
"""The roles every entry is checked for; `superuser` is added for STAFF entries."""


class Access(Enum):
    """Who may use a URL. The expected answer for each role follows from it (`expected`)."""

    PUBLIC = "anyone, signed in or not"
    VISITOR = "visitors without a session (sign in, sign up); signed-in users are sent on"
    SIGNED_IN = "any signed-in user"
    COORDINATOR = "coordinators only (project-wide)"
    REGION_READER = (
        "the sample object's region partners (editors, viewers) and the coordinators: it is "
        "unpublished, so anyone else gets 404, visitors included"
    )
    REGION_EDITOR = "editors of the sample object's region only"
    STAFF = "Django staff, through allauth's login (the Django admin)"
    TOKEN = "whoever holds the one-time secret in the link"
    FLOW_STEP = (
        "a step inside an allauth flow the sample user is not in: visitors are sent to sign "
        "in, signed-in users are sent on"
    )


class Outcome(Enum):
    """What a response must be. Compared by `tests.harness.checks.matches`."""

    OK = "200"
    REDIRECT_TO_LOGIN = "redirect to the sign-in page"
    REDIRECT = "redirect elsewhere"
    FORBIDDEN = "403"
    NOT_FOUND = "404"
    FORBIDDEN_OR_NOT_FOUND = "403 or 404"


GET_PAGE = ("GET",)
POST_ACTION = ("POST",)
POST_FORM = ("GET", "POST")


def _no_kwargs(world) -> dict:
    return {}


@dataclass(frozen=True)
class Route:
    """One URL name (or a whole namespace, ending in ":") and who may use it.

    - `kwargs(world)` builds the sample URL's kwargs from the fixture objects; it may create
      objects (e.g. an invitation) and is called once per test.
    - `methods`: "GET" when it shows a page, "POST" when it accepts an action or a form.
    - `unpublished_sample` (REGION_EDITOR): the sample object is a draft, so an editor of another
      region must get 404; otherwise (a public object) 403 or 404.
    - `reauthenticated`: allauth asks for the password again first; the harness signs in with
      the password and reauthenticates, instead of `force_login`.
    - `prepare(user)`: puts the user in the state the page needs (e.g. MFA activated).
    - `expect`: exceptions to the access class's rule per role, explained in `reason`.
    - `bogus_kwargs` (TOKEN): kwargs with a wrong secret, and `bogus_outcome` its answer.
    - `sample`: for a namespace entry, the URL name used as its sample.
    - `html`: False for responses that are not pages (plain text, downloads); axe skips them.
    """

    name: str
    access: Access
    kwargs: Callable[[object], dict] = _no_kwargs
    methods: tuple[str, ...] = GET_PAGE
    unpublished_sample: bool = False
    reauthenticated: bool = False
    prepare: Callable[[object], None] | None = None
    expect: dict[str, Outcome] = field(default_factory=dict)
    reason: str = ""
    bogus_kwargs: Callable[[object], dict] | None = None
    bogus_outcome: Outcome = Outcome.NOT_FOUND
    sample: str = ""
    html: bool = True

    def __post_init__(self):
        if (self.access is Access.TOKEN or self.expect) and not self.reason:
            raise ValueError(f"{self.name}: TOKEN entries and exceptions need a reason")
        if self.is_namespace and not self.sample:
            raise ValueError(f"{self.name}: a namespace entry needs a sample URL name")

    def __str__(self):
        return self.name

    @property
    def is_namespace(self) -> bool:
        return self.name.endswith(":")

    @property
    def url_name(self) -> str:
        return self.sample or self.name

    @property
    def is_page(self) -> bool:
        return "GET" in self.methods

    @property
    def accepts_post(self) -> bool:
        return "POST" in self.methods

    @property
    def roles(self) -> tuple[str, ...]:
        return (*ROLES, "superuser") if self.access is Access.STAFF else ROLES

    def expected(self, role: str) -> Outcome:
        """The answer `role` must get to a GET (or, for a refused role, to a POST)."""
        if role in self.expect:
            return self.expect[role]
        return _RULES[self.access](self, role)

    def allowed_roles(self) -> list[str]:
        return [role for role in self.roles if self.expected(role) is Outcome.OK]

    def viewing_roles(self) -> list[str]:
        """The roles that get the page; a TOKEN link that redirects is followed as a visitor."""
        return self.allowed_roles() or ["anonymous"]

    def refused_roles(self) -> list[str]:
        return [
            role for role in self.roles if self.expected(role) not in (Outcome.OK, Outcome.REDIRECT)
        ]

    @property
    def user_role(self) -> str:
        """A role allowed to use the URL: used for CSRF and header checks."""
        allowed = self.allowed_roles()
        return allowed[0] if allowed else "stakeholder"


def _signed_in(route, role):
    return Outcome.REDIRECT_TO_LOGIN if role == "anonymous" else Outcome.OK


def _cannot_see(route, role) -> bool:
    """Roles for whom an unpublished sample object does not exist."""
    return route.unpublished_sample and role in ("outsider", "stakeholder")


def _coordinator(route, role):
    if role == "anonymous":
        return Outcome.REDIRECT_TO_LOGIN
    if role == "coordinator":
        return Outcome.OK
    return Outcome.NOT_FOUND if _cannot_see(route, role) else Outcome.FORBIDDEN


def _region_reader(route, role):
    if role in ("owner", "colleague", "coordinator"):
        return Outcome.OK
    if role == "anonymous" and route.accepts_post and not route.is_page:
        return Outcome.REDIRECT_TO_LOGIN
    return Outcome.NOT_FOUND


def _region_editor(route, role):
    if role == "anonymous":
        return Outcome.REDIRECT_TO_LOGIN
    if role == "owner":
        return Outcome.OK
    if _cannot_see(route, role):
        return Outcome.NOT_FOUND
    if role == "outsider":
        return Outcome.FORBIDDEN_OR_NOT_FOUND
    # viewers read but do not edit; coordinators review but do not edit regions' content.
    return Outcome.FORBIDDEN


def _staff(route, role):
    return Outcome.OK if role == "superuser" else Outcome.REDIRECT_TO_LOGIN


def _flow_step(route, role):
    return Outcome.REDIRECT_TO_LOGIN if role == "anonymous" else Outcome.REDIRECT


_RULES = {
    Access.PUBLIC: lambda route, role: Outcome.OK,
    Access.VISITOR: lambda route, role: Outcome.OK if role == "anonymous" else Outcome.REDIRECT,
    Access.SIGNED_IN: _signed_in,
    Access.COORDINATOR: _coordinator,
    Access.REGION_READER: _region_reader,
    Access.REGION_EDITOR: _region_editor,
    Access.STAFF: _staff,
    Access.TOKEN: lambda route, role: Outcome.OK,
    Access.FLOW_STEP: _flow_step,
}


# --- sample objects that a URL needs and the shared fixtures do not provide -------------------


def _open_invitation(world) -> dict:
    _invitation, token = factories.make_invitation(world.org_a, invited_by=world.coordinator)
    return {"token": token}


def _revocable_invitation(world) -> dict:
    invitation, _token = factories.make_invitation(world.org_b, invited_by=world.coordinator)
    return {"pk": invitation.pk}


def _email_confirmation_key(world) -> dict:
    user = factories.make_user(verified=False)
    address = EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)
    return {"key": EmailConfirmationHMAC(address).key}


def _password_reset_key(world) -> dict:
    user = world.stakeholder
    return {"uidb36": user_pk_to_url_str(user), "key": default_token_generator.make_token(user)}


def _some_activity(world) -> dict:
    """A report that went through review: the activity page then has entries to show."""
    from reports.services import report_transition

    report = _draft_report(world)
    report_transition(report=report, actor=world.owner, action="submit")
    report_transition(
        report=report, actor=world.coordinator, action="request_changes", reason="More data."
    )
    return {}


def _draft_report(world):
    """Region A's draft report, every section written; unpublished, so hidden from others."""
    return factories.make_report(world.region_a, texts=factories.complete_texts())


def _report_kwargs(world) -> dict:
    return {"pk": _draft_report(world).pk}


def _report_in_review(world) -> dict:
    return {"pk": factories.make_report(world.region_a, status="in_review").pk}


def _approved_report(world) -> dict:
    return {"pk": factories.make_report(world.region_a, status="approved").pk}


def _approved_section(world) -> dict:
    return {**_approved_report(world), "key": "opportunities"}


def _section_kwargs(world) -> dict:
    return {"pk": _draft_report(world).pk, "key": "opportunities"}


def _comment_kwargs(world) -> dict:
    from reports.services import comment_add

    report = _draft_report(world)
    comment = comment_add(report=report, author=world.colleague, body="Please add figures.")
    return {"pk": report.pk, "comment_pk": comment.pk}


def _resolved_comment_kwargs(world) -> dict:
    from reports.models import ReviewComment
    from reports.services import comment_resolve

    kwargs = _comment_kwargs(world)
    comment = ReviewComment.objects.get(pk=kwargs["comment_pk"])
    comment_resolve(comment=comment, user=world.colleague)
    return kwargs


THREAD_AUTHOR_OR_COORDINATOR = (
    "a thread is resolved and reopened by whoever started it (the sample's is the colleague's) "
    "or by a coordinator: the region's other partners may read it, not close it"
)


def _old_version_kwargs(world) -> dict:
    from reports.services import section_save

    section = _draft_report(world).sections.get(key="opportunities")
    for text in ("<p>First text.</p>", "<p>Second text.</p>"):
        section = section_save(
            section=section, author=world.owner, body=text, base_version=section.version
        )
    oldest = section.history.earliest("history_date")
    return {"pk": section.report_id, "key": section.key, "history_id": oldest.history_id}


def _indicator_code(world) -> dict:
    from reports.models import IndicatorCode

    code, _created = IndicatorCode.objects.get_or_create(
        code="SME-EXPORT", defaults={"name": "SMEs exporting, %", "unit": "%"}
    )
    return {"pk": code.pk}


def _compendium(world, status: str = "queued") -> dict:
    """A coordinator's compendium of region A's approved report, in the given state."""
    from django.core.files.base import ContentFile

    from reports.models import Compendium

    report = factories.make_report(world.region_a, status="approved")
    compendium = Compendium.objects.create(
        requested_by=world.coordinator,
        language="en",
        report_ids=[report.pk],
        status=status,
        total=1,
        done=1 if status == "done" else 0,
        error="The sample failed." if status == "failed" else "",
    )
    if status == "done":
        compendium.pdf.save(f"{compendium.pk}.pdf", ContentFile(b"%PDF-1.7 sample"))
    return {"pk": compendium.pk}


def _event_kwargs(world) -> dict:
    """A published upcoming event hosted by region A, with open registration."""
    return {"slug": factories.make_event(world.region_a).slug}


def _published_practice(world) -> dict:
    return {"slug": factories.make_practice(world.region_a).slug}


def _draft_practice(world) -> dict:
    return {"slug": factories.make_practice(world.region_a, status="draft").slug}


def _submitted_practice(world) -> dict:
    return {"slug": factories.make_practice(world.region_a, status="submitted").slug}


def _transfer_kwargs(world) -> dict:
    """Region B (the outsider's) studying region A's published practice."""
    from practices.models import Transfer

    practice = factories.make_practice(world.region_a)
    transfer = Transfer.objects.create(practice=practice, region=world.region_b, stage="study")
    return {"slug": practice.slug, "pk": transfer.pk}


_LEARNERS = {"owner": Outcome.FORBIDDEN, "outsider": Outcome.OK}
_LEARNERS_REASON = (
    "transfers are recorded by the learning region's editors: another region's editor may, "
    "the practice's own region may not"
)

_ORGANISERS = {"coordinator": Outcome.OK}
_ORGANISERS_REASON = "coordinators organise events in every region, beside the host's editors"


def _activate_mfa(user) -> None:
    factories.activate_mfa(user)


def _add_security_key(user) -> None:
    factories.make_security_key(user)


def _security_key_of_owner(world) -> dict:
    # With an authenticator app too: the harness signs in with its code where allauth asks.
    factories.activate_mfa(world.owner)
    return {"pk": factories.make_security_key(world.owner).pk}


_ONLY_THE_OWNER = {role: Outcome.NOT_FOUND for role in ROLES if role not in ("anonymous", "owner")}
_ONLY_THE_OWNER_REASON = "a security key is its owner's alone: allauth answers 404 to anyone else"


# --- the registry ---------------------------------------------------------------------------

SITE = [
    Route("home", Access.PUBLIC),
    Route("dashboard", Access.SIGNED_IN),
    Route("accessibility", Access.PUBLIC),
    Route("privacy", Access.PUBLIC),
    Route("open_data", Access.PUBLIC),
    Route("catalogue_jsonld", Access.PUBLIC, html=False),
    Route("catalogue_ttl", Access.PUBLIC, html=False),
    Route("sitemap", Access.PUBLIC, html=False),
    Route("robots_txt", Access.PUBLIC, html=False),
    Route("web_manifest", Access.PUBLIC, html=False),
    Route("activity_list", Access.COORDINATOR, kwargs=_some_activity),
    Route("healthz", Access.PUBLIC, html=False),
    Route("set_language", Access.PUBLIC, methods=POST_ACTION),
]

PARTNERS = [
    Route("region_list", Access.PUBLIC),
    Route("region_detail", Access.PUBLIC, kwargs=lambda w: {"slug": w.region_a.slug}),
    Route(
        "partners:instrument_create",
        Access.REGION_EDITOR,
        kwargs=lambda w: {"slug": w.region_a.slug},
        methods=POST_FORM,
    ),
    Route(
        "partners:instrument_edit",
        Access.REGION_EDITOR,
        kwargs=lambda w: {"slug": w.region_a.slug, "pk": w.instrument_a.pk},
        methods=POST_FORM,
    ),
    Route(
        "partners:instrument_delete",
        Access.REGION_EDITOR,
        kwargs=lambda w: {"slug": w.region_a.slug, "pk": w.instrument_a.pk},
        methods=POST_FORM,
    ),
    Route("partners:invitation_list", Access.COORDINATOR),
    Route("partners:invitation_create", Access.COORDINATOR, methods=POST_FORM),
    Route(
        "partners:invitation_revoke",
        Access.COORDINATOR,
        kwargs=_revocable_invitation,
        methods=POST_ACTION,
    ),
    Route(
        "partners:invitation_accept",
        Access.TOKEN,
        kwargs=_open_invitation,
        methods=POST_FORM,
        reason="the invitation link carries the only copy of its secret; a new address is "
        "asked for a password, whoever is signed in",
        bogus_kwargs=lambda w: {"token": "not-a-real-invitation-token"},
        bogus_outcome=Outcome.NOT_FOUND,
    ),
    Route("partners:account_name", Access.SIGNED_IN, methods=POST_FORM),
]

REPORTS = [
    Route("reports:report_list", Access.PUBLIC),
    Route("reports:section_across_regions", Access.PUBLIC),
    Route(
        "reports:report_create",
        Access.REGION_EDITOR,
        methods=POST_FORM,
        expect={"outsider": Outcome.OK},
        reason="any region's editor may start a report, for their own region",
    ),
    Route(
        "reports:report_detail",
        Access.REGION_READER,
        kwargs=_report_kwargs,
        unpublished_sample=True,
    ),
    Route(
        "reports:report_submit",
        Access.REGION_EDITOR,
        kwargs=_report_kwargs,
        methods=POST_ACTION,
        unpublished_sample=True,
    ),
    Route(
        "reports:report_request_changes",
        Access.COORDINATOR,
        kwargs=_report_in_review,
        methods=POST_ACTION,
        unpublished_sample=True,
    ),
    Route(
        "reports:report_approve",
        Access.COORDINATOR,
        kwargs=_report_in_review,
        methods=POST_FORM,
        unpublished_sample=True,
    ),
    Route("reports:report_reopen", Access.COORDINATOR, kwargs=_approved_report, methods=POST_FORM),
    Route(
        "reports:report_due_date",
        Access.COORDINATOR,
        kwargs=_report_kwargs,
        methods=POST_ACTION,
        unpublished_sample=True,
    ),
    Route(
        "reports:comment_add",
        Access.REGION_READER,
        kwargs=_report_kwargs,
        methods=POST_ACTION,
        unpublished_sample=True,
    ),
    Route(
        "reports:comment_resolve",
        Access.REGION_READER,
        kwargs=_comment_kwargs,
        methods=POST_ACTION,
        unpublished_sample=True,
        expect={"owner": Outcome.FORBIDDEN},
        reason=THREAD_AUTHOR_OR_COORDINATOR,
    ),
    Route(
        "reports:comment_reopen",
        Access.REGION_READER,
        kwargs=_resolved_comment_kwargs,
        methods=POST_ACTION,
        unpublished_sample=True,
        expect={"owner": Outcome.FORBIDDEN},
        reason=THREAD_AUTHOR_OR_COORDINATOR,
    ),
    Route(
        "reports:comment_people",
        Access.REGION_READER,
        kwargs=_report_kwargs,
        unpublished_sample=True,
        html=False,
    ),
    Route(
        "reports:section_edit",
        Access.REGION_EDITOR,
        kwargs=_section_kwargs,
        methods=POST_FORM,
        unpublished_sample=True,
    ),
    Route(
        "reports:section_autosave",
        Access.REGION_EDITOR,
        kwargs=_section_kwargs,
        methods=POST_ACTION,
        unpublished_sample=True,
    ),
    Route(
        "reports:section_draft_discard",
        Access.REGION_EDITOR,
        kwargs=_section_kwargs,
        methods=POST_ACTION,
        unpublished_sample=True,
    ),
    # An approved report is public, its history is not: versions, their authors and the
    # review are the partnership's working record.
    Route("reports:report_history", Access.REGION_READER, kwargs=_approved_report),
    # Until the worker has made the PDF, its URL answers with the progress page (HTML).
    Route(
        "reports:report_pdf",
        Access.REGION_READER,
        kwargs=_report_kwargs,
        unpublished_sample=True,
    ),
    Route(
        "reports:report_pdf_status",
        Access.REGION_READER,
        kwargs=_report_kwargs,
        unpublished_sample=True,
        html=False,
    ),
    Route(
        "reports:report_docx",
        Access.REGION_READER,
        kwargs=_report_kwargs,
        unpublished_sample=True,
        html=False,
    ),
    Route(
        "reports:report_odt",
        Access.REGION_READER,
        kwargs=_report_kwargs,
        unpublished_sample=True,
        html=False,
    ),
    Route("reports:section_compare", Access.REGION_READER, kwargs=_approved_section),
    Route(
        "reports:section_restore",
        Access.REGION_EDITOR,
        kwargs=_old_version_kwargs,
        methods=POST_ACTION,
        unpublished_sample=True,
    ),
    Route(
        "reports:indicators_edit",
        Access.REGION_EDITOR,
        kwargs=_report_kwargs,
        methods=POST_FORM,
        unpublished_sample=True,
    ),
    Route("reports:indicator_code_list", Access.COORDINATOR),
    Route("reports:indicator_code_create", Access.COORDINATOR, methods=POST_FORM),
    Route(
        "reports:indicator_code_edit",
        Access.COORDINATOR,
        kwargs=_indicator_code,
        methods=POST_FORM,
    ),
    Route("reports:compendium_create", Access.COORDINATOR, methods=POST_FORM),
    Route("reports:compendium_detail", Access.COORDINATOR, kwargs=_compendium),
    Route("reports:compendium_status", Access.COORDINATOR, kwargs=_compendium, html=False),
    Route(
        "reports:compendium_download",
        Access.COORDINATOR,
        kwargs=lambda w: _compendium(w, "done"),
        html=False,
    ),
    Route(
        "reports:compendium_retry",
        Access.COORDINATOR,
        kwargs=lambda w: _compendium(w, "failed"),
        methods=POST_ACTION,
    ),
]

EVENTS = [
    Route("events:event_list", Access.PUBLIC),
    Route(
        "events:event_create",
        Access.REGION_EDITOR,
        methods=POST_FORM,
        expect={"outsider": Outcome.OK, **_ORGANISERS},
        reason="any region's editor hosts events for their region; " + _ORGANISERS_REASON,
    ),
    Route("events:event_detail", Access.PUBLIC, kwargs=_event_kwargs),
    Route(
        "events:event_edit",
        Access.REGION_EDITOR,
        kwargs=_event_kwargs,
        methods=POST_FORM,
        expect=_ORGANISERS,
        reason=_ORGANISERS_REASON,
    ),
    Route("events:calendar_feed", Access.PUBLIC, html=False),
    Route("events:event_feed", Access.PUBLIC, html=False),
    Route("events:event_ics", Access.PUBLIC, kwargs=_event_kwargs, html=False),
    Route("events:register", Access.SIGNED_IN, kwargs=_event_kwargs, methods=POST_ACTION),
    Route(
        "events:cancel_registration", Access.SIGNED_IN, kwargs=_event_kwargs, methods=POST_ACTION
    ),
    Route(
        "events:participants",
        Access.REGION_EDITOR,
        kwargs=_event_kwargs,
        expect=_ORGANISERS,
        reason=_ORGANISERS_REASON,
    ),
    Route(
        "events:participants_csv",
        Access.REGION_EDITOR,
        kwargs=_event_kwargs,
        expect=_ORGANISERS,
        reason=_ORGANISERS_REASON,
        html=False,
    ),
]

PRACTICES = [
    Route("practices:practice_list", Access.PUBLIC),
    Route("practices:export_csv", Access.PUBLIC, html=False),
    Route("practices:export_json", Access.PUBLIC, html=False),
    Route("practices:export_jsonld", Access.PUBLIC, html=False),
    Route("practices:practice_feed", Access.PUBLIC, html=False),
    Route("practices:transfer_matrix", Access.PUBLIC),
    Route("practices:practice_detail", Access.PUBLIC, kwargs=_published_practice),
    Route(
        "practices:practice_create",
        Access.REGION_EDITOR,
        methods=POST_FORM,
        expect={"outsider": Outcome.OK},
        reason="any region's editor writes practices, for their own region",
    ),
    Route(
        "practices:practice_edit",
        Access.REGION_EDITOR,
        kwargs=_draft_practice,
        methods=POST_FORM,
        unpublished_sample=True,
    ),
    Route(
        "practices:practice_submit",
        Access.REGION_EDITOR,
        kwargs=_draft_practice,
        methods=POST_ACTION,
        unpublished_sample=True,
    ),
    Route(
        "practices:practice_publish",
        Access.COORDINATOR,
        kwargs=_submitted_practice,
        methods=POST_FORM,
        unpublished_sample=True,
    ),
    Route(
        "practices:practice_return",
        Access.COORDINATOR,
        kwargs=_submitted_practice,
        methods=POST_ACTION,
        unpublished_sample=True,
    ),
    Route(
        "practices:interest_send",
        Access.PUBLIC,
        kwargs=_published_practice,
        methods=POST_FORM,
    ),
    Route(
        "practices:contact_withdraw",
        Access.REGION_EDITOR,
        kwargs=_published_practice,
        methods=POST_ACTION,
    ),
    Route(
        "practices:transfer_create",
        Access.REGION_EDITOR,
        kwargs=_published_practice,
        methods=POST_FORM,
        expect=_LEARNERS,
        reason=_LEARNERS_REASON,
    ),
    Route(
        "practices:transfer_edit",
        Access.REGION_EDITOR,
        kwargs=_transfer_kwargs,
        methods=POST_FORM,
        expect=_LEARNERS,
        reason=_LEARNERS_REASON,
    ),
]

ACCOUNT = [
    Route("account_login", Access.VISITOR, methods=POST_FORM),
    Route("account_signup", Access.VISITOR, methods=POST_FORM),
    Route(
        "account_logout",
        Access.SIGNED_IN,
        methods=POST_FORM,
        expect={"anonymous": Outcome.REDIRECT},
        reason="signing out without a session just goes home",
    ),
    Route("account_inactive", Access.PUBLIC),
    Route("account_email", Access.SIGNED_IN, methods=POST_FORM),
    Route("account_email_verification_sent", Access.PUBLIC),
    Route("account_change_password", Access.SIGNED_IN, methods=POST_FORM),
    Route(
        "account_set_password",
        Access.FLOW_STEP,
        methods=POST_FORM,
        reason="only for accounts without a password; the others are sent to change theirs",
    ),
    Route("account_reset_password", Access.PUBLIC, methods=POST_FORM),
    Route("account_reset_password_done", Access.PUBLIC),
    Route(
        "account_reset_password_from_key",
        Access.TOKEN,
        kwargs=_password_reset_key,
        methods=POST_FORM,
        expect=dict.fromkeys(ROLES, Outcome.REDIRECT),
        reason="the link carries a password-reset token; allauth moves the token into the "
        "session and redirects to a URL without it",
        bogus_kwargs=lambda w: {"uidb36": user_pk_to_url_str(w.stakeholder), "key": "bad-key"},
        bogus_outcome=Outcome.OK,  # allauth's "bad token" page, which names no account
    ),
    Route("account_reset_password_from_key_done", Access.PUBLIC),
    Route(
        "account_confirm_email",
        Access.TOKEN,
        kwargs=_email_confirmation_key,
        methods=POST_FORM,
        reason="the link carries a signed email-confirmation key",
        bogus_kwargs=lambda w: {"key": "not-a-key"},
        bogus_outcome=Outcome.OK,  # allauth's "link expired or invalid" page
    ),
    Route(
        "account_confirm_login_code",
        Access.FLOW_STEP,
        methods=POST_FORM,
        reason="entering a login code only happens after asking for one on the sign-in page",
    ),
    Route("account_reauthenticate", Access.SIGNED_IN, methods=POST_FORM),
    Route("account_request_reauthentication_code", Access.SIGNED_IN, methods=POST_FORM),
    Route(
        "account_confirm_reauthentication_code",
        Access.FLOW_STEP,
        methods=POST_FORM,
        reason="entering a reauthentication code only happens after asking for one",
    ),
]

MFA = [
    Route("mfa_index", Access.SIGNED_IN),
    Route(
        "mfa_authenticate",
        Access.FLOW_STEP,
        methods=POST_FORM,
        reason="the second-factor challenge only happens inside a sign-in with MFA",
    ),
    Route("mfa_reauthenticate", Access.SIGNED_IN, methods=POST_FORM, prepare=_activate_mfa),
    Route(
        "mfa_activate_totp",
        Access.SIGNED_IN,
        methods=POST_FORM,
        reauthenticated=True,
        expect={"coordinator": Outcome.REDIRECT},
        reason="coordinators have an authenticator app already (their role requires one): "
        "allauth sends them to the page that removes it",
    ),
    Route("mfa_list_webauthn", Access.SIGNED_IN),
    Route("mfa_add_webauthn", Access.SIGNED_IN, methods=POST_FORM, reauthenticated=True),
    Route(
        "mfa_reauthenticate_webauthn",
        Access.SIGNED_IN,
        methods=POST_FORM,
        prepare=_add_security_key,
    ),
    Route(
        "mfa_edit_webauthn",
        Access.SIGNED_IN,
        kwargs=_security_key_of_owner,
        methods=POST_FORM,
        reauthenticated=True,
        expect=_ONLY_THE_OWNER,
        reason=_ONLY_THE_OWNER_REASON,
    ),
    Route(
        "mfa_remove_webauthn",
        Access.SIGNED_IN,
        kwargs=_security_key_of_owner,
        methods=POST_FORM,
        reauthenticated=True,
        expect=_ONLY_THE_OWNER,
        reason=_ONLY_THE_OWNER_REASON,
    ),
    Route(
        "mfa_deactivate_totp",
        Access.SIGNED_IN,
        methods=POST_FORM,
        reauthenticated=True,
        prepare=_activate_mfa,
    ),
    Route(
        "mfa_view_recovery_codes",
        Access.SIGNED_IN,
        reauthenticated=True,
        prepare=_activate_mfa,
    ),
    Route(
        "mfa_generate_recovery_codes",
        Access.SIGNED_IN,
        methods=POST_FORM,
        reauthenticated=True,
        prepare=_activate_mfa,
    ),
    Route(
        "mfa_download_recovery_codes",
        Access.SIGNED_IN,
        reauthenticated=True,
        prepare=_activate_mfa,
        html=False,
    ),
]

USERSESSIONS = [
    Route("usersessions_list", Access.SIGNED_IN, methods=POST_FORM),
]

DATA_RIGHTS = [
    Route("account_data", Access.SIGNED_IN),
    Route("account_data_export", Access.SIGNED_IN, methods=POST_ACTION, html=False),
    Route("account_delete", Access.SIGNED_IN, methods=POST_ACTION),
]


def _notification_of_the_owner(world) -> dict:
    notification = Notification.objects.create(
        recipient=world.owner,
        kind="report.changes_requested",
        channel="app",
        url=world.region_a.get_absolute_url(),
    )
    return {"pk": notification.pk}


NOTIFICATIONS = [
    Route("notifications:notification_list", Access.SIGNED_IN),
    Route(
        "notifications:notification_open",
        Access.SIGNED_IN,
        kwargs=_notification_of_the_owner,
        expect={
            "owner": Outcome.REDIRECT,
            **dict.fromkeys(
                ("stakeholder", "colleague", "outsider", "coordinator"), Outcome.NOT_FOUND
            ),
        },
        reason="a notification is its recipient's alone: opening it leads them to where it "
        "happened; anyone else gets 404",
        html=False,
    ),
    Route("notifications:mark_all_read", Access.SIGNED_IN, methods=POST_ACTION),
    Route("notifications:preferences", Access.SIGNED_IN, methods=POST_FORM),
]

ADMIN = [
    # Every URL the admin generates (changelists, change forms, the catch-all redirect...).
    Route("admin:", Access.STAFF, sample="admin:index", methods=POST_FORM),
]

# --- action plans and their monitoring --------------------------------------------------------


def _plan(world, status: str = "draft"):
    """A plan of region A for an instrument of its own: a sample may be built several times in
    one test (once per role), and a region has one plan per instrument."""
    instrument = factories.make_instrument(world.region_a)
    return factories.make_plan(world.region_a, status=status, instrument=instrument)


def _draft_plan(world) -> dict:
    return {"pk": _plan(world).pk}


def _plan_in_review(world) -> dict:
    return {"pk": _plan(world, "in_review").pk}


def _approved_plan(world) -> dict:
    return {"pk": _plan(world, "approved").pk}


def _plan_comment_kwargs(world) -> dict:
    from interventures.comments.services import comment_add
    from plans.comments import PLAN_COMMENTS

    plan = _plan(world)
    comment = comment_add(
        commentable=PLAN_COMMENTS, target=plan, author=world.colleague, body="Add the costs."
    )
    return {"pk": plan.pk, "comment_pk": comment.pk}


def _resolved_plan_comment_kwargs(world) -> dict:
    from interventures.comments.services import comment_resolve
    from plans.comments import PLAN_COMMENTS
    from plans.models import PlanComment

    kwargs = _plan_comment_kwargs(world)
    comment = PlanComment.objects.get(pk=kwargs["comment_pk"])
    comment_resolve(commentable=PLAN_COMMENTS, comment=comment, user=world.colleague)
    return kwargs


def _action_kwargs(world) -> dict:
    plan = _plan(world)
    return {"pk": plan.pk, "action_pk": plan.actions.get().pk}


def _monitoring(world, status: str = "draft", progress: str | None = "in_progress"):
    return factories.make_monitoring(_plan(world, "approved"), status=status, progress=progress)


def _monitoring_kwargs(report) -> dict:
    return {"pk": report.plan_id, "period": report.period_id}


def _draft_monitoring(world) -> dict:
    return _monitoring_kwargs(_monitoring(world))


def _progress_kwargs(world) -> dict:
    report = _monitoring(world, progress=None)
    return {**_monitoring_kwargs(report), "action_pk": report.plan.actions.get().pk}


def _evidence_kwargs(world) -> dict:
    from django.core.files.base import ContentFile

    progress = _monitoring(world).progress.get()
    evidence = progress.files.create(
        file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="minutes.pdf"),
        name="minutes.pdf",
        content_type="application/pdf",
        size=15,
    )
    return {"file_pk": evidence.pk}


PLANS = [
    Route("plans:plan_list", Access.PUBLIC),
    Route(
        "plans:plan_create",
        Access.REGION_EDITOR,
        methods=POST_FORM,
        expect={"outsider": Outcome.OK},
        reason="any region's editor may start an action plan, for their own region",
    ),
    Route("plans:plan_detail", Access.REGION_READER, kwargs=_draft_plan, unpublished_sample=True),
    Route(
        "plans:plan_edit",
        Access.REGION_EDITOR,
        kwargs=_draft_plan,
        methods=POST_FORM,
        unpublished_sample=True,
    ),
    Route("plans:plan_history", Access.REGION_READER, kwargs=_draft_plan, unpublished_sample=True),
    Route(
        "plans:plan_comment_add",
        Access.REGION_READER,
        kwargs=_draft_plan,
        methods=POST_ACTION,
        unpublished_sample=True,
    ),
    Route(
        "plans:plan_comment_resolve",
        Access.REGION_READER,
        kwargs=_plan_comment_kwargs,
        methods=POST_ACTION,
        unpublished_sample=True,
        expect={"owner": Outcome.FORBIDDEN},
        reason=THREAD_AUTHOR_OR_COORDINATOR,
    ),
    Route(
        "plans:plan_comment_reopen",
        Access.REGION_READER,
        kwargs=_resolved_plan_comment_kwargs,
        methods=POST_ACTION,
        unpublished_sample=True,
        expect={"owner": Outcome.FORBIDDEN},
        reason=THREAD_AUTHOR_OR_COORDINATOR,
    ),
    Route(
        "plans:plan_comment_people",
        Access.REGION_READER,
        kwargs=_draft_plan,
        unpublished_sample=True,
        html=False,
    ),
    # The writer's private drafts: the autosaves answer JSON, the discards redirect.
    Route(
        "plans:plan_autosave",
        Access.REGION_EDITOR,
        kwargs=_draft_plan,
        methods=POST_ACTION,
        unpublished_sample=True,
        html=False,
    ),
    Route(
        "plans:plan_draft_discard",
        Access.REGION_EDITOR,
        kwargs=_draft_plan,
        methods=POST_ACTION,
        unpublished_sample=True,
    ),
    Route(
        "plans:action_autosave",
        Access.REGION_EDITOR,
        kwargs=_action_kwargs,
        methods=POST_ACTION,
        unpublished_sample=True,
        html=False,
    ),
    Route(
        "plans:action_draft_discard",
        Access.REGION_EDITOR,
        kwargs=_action_kwargs,
        methods=POST_ACTION,
        unpublished_sample=True,
    ),
    Route(
        "plans:action_create",
        Access.REGION_EDITOR,
        kwargs=_draft_plan,
        methods=POST_FORM,
        unpublished_sample=True,
    ),
    Route(
        "plans:action_edit",
        Access.REGION_EDITOR,
        kwargs=_action_kwargs,
        methods=POST_FORM,
        unpublished_sample=True,
    ),
    Route(
        "plans:action_remove",
        Access.REGION_EDITOR,
        kwargs=_action_kwargs,
        methods=POST_ACTION,
        unpublished_sample=True,
    ),
    Route(
        "plans:plan_submit",
        Access.REGION_EDITOR,
        kwargs=_draft_plan,
        methods=POST_ACTION,
        unpublished_sample=True,
    ),
    Route(
        "plans:plan_request_changes",
        Access.COORDINATOR,
        kwargs=_plan_in_review,
        methods=POST_ACTION,
        unpublished_sample=True,
    ),
    Route(
        "plans:plan_approve",
        Access.COORDINATOR,
        kwargs=_plan_in_review,
        methods=POST_FORM,
        unpublished_sample=True,
    ),
    Route("plans:plan_reopen", Access.COORDINATOR, kwargs=_approved_plan, methods=POST_FORM),
    Route(
        "plans:plan_due_date",
        Access.COORDINATOR,
        kwargs=_draft_plan,
        methods=POST_ACTION,
        unpublished_sample=True,
    ),
    Route("plans:plan_pdf", Access.REGION_READER, kwargs=_draft_plan, unpublished_sample=True),
    Route(
        "plans:plan_pdf_status",
        Access.REGION_READER,
        kwargs=_draft_plan,
        unpublished_sample=True,
        html=False,
    ),
    Route(
        "plans:plan_docx",
        Access.REGION_READER,
        kwargs=_draft_plan,
        unpublished_sample=True,
        html=False,
    ),
    Route(
        "plans:plan_odt",
        Access.REGION_READER,
        kwargs=_draft_plan,
        unpublished_sample=True,
        html=False,
    ),
    Route("plans:monitoring", Access.PUBLIC, kwargs=_approved_plan),
    Route(
        "plans:monitoring_report",
        Access.REGION_READER,
        kwargs=_draft_monitoring,
        methods=POST_FORM,
        unpublished_sample=True,
    ),
    Route(
        "plans:monitoring_start",
        Access.REGION_EDITOR,
        kwargs=lambda w: {"pk": _plan(w, "approved").pk, "period": factories.first_period().pk},
        methods=POST_ACTION,
    ),
    Route(
        "plans:progress_edit",
        Access.REGION_EDITOR,
        kwargs=_progress_kwargs,
        methods=POST_FORM,
        unpublished_sample=True,
    ),
    Route(
        "plans:monitoring_submit",
        Access.REGION_EDITOR,
        kwargs=_draft_monitoring,
        methods=POST_ACTION,
        unpublished_sample=True,
    ),
    Route(
        "plans:monitoring_request_changes",
        Access.COORDINATOR,
        kwargs=lambda w: _monitoring_kwargs(_monitoring(w, "in_review")),
        methods=POST_ACTION,
        unpublished_sample=True,
    ),
    Route(
        "plans:monitoring_approve",
        Access.COORDINATOR,
        kwargs=lambda w: _monitoring_kwargs(_monitoring(w, "in_review")),
        methods=POST_FORM,
        unpublished_sample=True,
    ),
    Route(
        "plans:monitoring_reopen",
        Access.COORDINATOR,
        kwargs=lambda w: _monitoring_kwargs(_monitoring(w, "approved")),
        methods=POST_FORM,
    ),
    Route(
        "plans:evidence_download",
        Access.REGION_READER,
        kwargs=_evidence_kwargs,
        unpublished_sample=True,
        html=False,
    ),
    Route(
        "plans:evidence_remove",
        Access.REGION_EDITOR,
        kwargs=_evidence_kwargs,
        methods=POST_ACTION,
        unpublished_sample=True,
    ),
    Route("plans:period_list", Access.COORDINATOR, methods=POST_FORM),
    Route("region_policy_change", Access.PUBLIC, kwargs=lambda w: {"slug": w.region_a.slug}),
]

# --- the Interregional synthesis --------------------------------------------------------------

SYNTHESIS_READERS = (
    "the synthesis is the whole partnership's: every region's partners (the outsider, an editor "
    "of region B, too) read its drafts and comment on them"
)
SYNTHESIS_WRITERS = (
    "coordinators write the synthesis; every region's partners read the draft, so the others "
    "are refused (403), not told it does not exist"
)


def _synthesis(world, status: str = "draft"):
    """A synthesis with every section written, started by the coordinator."""
    from synthesis.models import Synthesis, SynthesisSection
    from synthesis.services import synthesis_create

    synthesis = synthesis_create(
        title="Five regions compared", language="en", actor=world.coordinator
    )
    for section in SynthesisSection.objects.filter(synthesis=synthesis):
        SynthesisSection.objects.filter(pk=section.pk).update(
            body=f"<p>What the regions share about {section.key}.</p>", version=1
        )
    Synthesis.objects.filter(pk=synthesis.pk).update(status=status)
    return synthesis


def _draft_synthesis(world) -> dict:
    return {"pk": _synthesis(world).pk}


def _synthesis_in_review(world) -> dict:
    return {"pk": _synthesis(world, "in_review").pk}


def _approved_synthesis(world) -> dict:
    return {"pk": _synthesis(world, "approved").pk}


def _synthesis_section(world) -> dict:
    return {**_draft_synthesis(world), "key": "common_barriers"}


def _citation_kwargs(world) -> dict:
    from synthesis.services import citation_add

    synthesis = _synthesis(world)
    report = factories.make_report(
        world.region_a, status="approved", texts=factories.complete_texts()
    )
    citation = citation_add(
        section=synthesis.sections.get(key="common_barriers"),
        paragraph=1,
        source=report.sections.get(key="barriers"),
        actor=world.coordinator,
    )
    return {"pk": synthesis.pk, "citation_pk": citation.pk}


def _synthesis_comment_kwargs(world) -> dict:
    from interventures.comments.services import comment_add
    from synthesis.comments import SYNTHESIS_COMMENTS

    synthesis = _synthesis(world)
    comment = comment_add(
        commentable=SYNTHESIS_COMMENTS,
        target=synthesis,
        author=world.colleague,
        body="Cite Pécs here.",
    )
    return {"pk": synthesis.pk, "comment_pk": comment.pk}


def _resolved_synthesis_comment_kwargs(world) -> dict:
    from interventures.comments.services import comment_resolve
    from synthesis.comments import SYNTHESIS_COMMENTS
    from synthesis.models import SynthesisComment

    kwargs = _synthesis_comment_kwargs(world)
    comment = SynthesisComment.objects.get(pk=kwargs["comment_pk"])
    comment_resolve(commentable=SYNTHESIS_COMMENTS, comment=comment, user=world.colleague)
    return kwargs


def _synthesis_reader(name: str, kwargs, **options) -> Route:
    return Route(
        name,
        Access.REGION_READER,
        kwargs=kwargs,
        unpublished_sample=True,
        **{
            "expect": {"outsider": Outcome.OK},
            "reason": SYNTHESIS_READERS,
            **options,
        },
    )


def _synthesis_writer(name: str, kwargs, methods) -> Route:
    return Route(
        name,
        Access.COORDINATOR,
        kwargs=kwargs,
        methods=methods,
        unpublished_sample=True,
        expect={"outsider": Outcome.FORBIDDEN},
        reason=SYNTHESIS_WRITERS,
    )


SYNTHESIS = [
    Route("synthesis:synthesis_list", Access.PUBLIC),
    Route("synthesis:synthesis_create", Access.COORDINATOR, methods=POST_FORM),
    _synthesis_reader("synthesis:synthesis_detail", _draft_synthesis),
    _synthesis_reader("synthesis:synthesis_history", _draft_synthesis),
    _synthesis_writer("synthesis:section_edit", _synthesis_section, POST_FORM),
    _synthesis_writer("synthesis:citation_add", _synthesis_section, POST_FORM),
    _synthesis_reader("synthesis:citation_detail", _citation_kwargs),
    _synthesis_writer("synthesis:citation_confirm", _citation_kwargs, POST_ACTION),
    _synthesis_writer("synthesis:citation_remove", _citation_kwargs, POST_ACTION),
    _synthesis_writer("synthesis:synthesis_submit", _draft_synthesis, POST_ACTION),
    _synthesis_writer("synthesis:synthesis_request_changes", _synthesis_in_review, POST_ACTION),
    _synthesis_writer("synthesis:synthesis_approve", _synthesis_in_review, POST_FORM),
    Route(
        "synthesis:synthesis_reopen",
        Access.COORDINATOR,
        kwargs=_approved_synthesis,
        methods=POST_FORM,
    ),
    _synthesis_reader("synthesis:comment_add", _draft_synthesis, methods=POST_ACTION),
    _synthesis_reader(
        "synthesis:comment_resolve",
        _synthesis_comment_kwargs,
        methods=POST_ACTION,
        expect={"owner": Outcome.FORBIDDEN, "outsider": Outcome.FORBIDDEN},
        reason=THREAD_AUTHOR_OR_COORDINATOR,
    ),
    _synthesis_reader(
        "synthesis:comment_reopen",
        _resolved_synthesis_comment_kwargs,
        methods=POST_ACTION,
        expect={"owner": Outcome.FORBIDDEN, "outsider": Outcome.FORBIDDEN},
        reason=THREAD_AUTHOR_OR_COORDINATOR,
    ),
    _synthesis_reader("synthesis:comment_people", _draft_synthesis, html=False),
    _synthesis_reader("synthesis:synthesis_pdf", _draft_synthesis),
    _synthesis_reader("synthesis:synthesis_pdf_status", _draft_synthesis, html=False),
    _synthesis_reader("synthesis:synthesis_docx", _draft_synthesis, html=False),
    _synthesis_reader("synthesis:synthesis_odt", _draft_synthesis, html=False),
]

ROUTES: list[Route] = [
    *SITE,
    *PARTNERS,
    *REPORTS,
    *EVENTS,
    *PRACTICES,
    *PLANS,
    *SYNTHESIS,
    *ACCOUNT,
    *MFA,
    *USERSESSIONS,
    *DATA_RIGHTS,
    *NOTIFICATIONS,
    *ADMIN,
]

UNNAMED_PATTERNS = {
    # pattern (as str(URLPattern.pattern)) → why it needs no name and no entry
    "^media/(?P<path>.*)$": "media files served by django.views.static only when DEBUG",
    "^static/(?P<path>.*)$": "static files served by django.views.static only when DEBUG",
}


def route(name: str) -> Route:
    """The registry entry for a URL name (namespace entries cover all names in them)."""
    for entry in ROUTES:
        if entry.name == name or (entry.is_namespace and name.startswith(entry.name)):
            return entry
    raise KeyError(name)
