"""Every page of the URL registry passes axe-core's WCAG 2.1 A and AA rules, for every role
that may see it, in English and in Hungarian (/hu/), in a real Chromium; so do each app's main
form showing validation errors, whose errors must also be announced and linked to their fields.
Links in text and statuses do not rely on colour alone."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from playwright.sync_api import expect

from plans.services import plans as plan_services
from reports import services as report_services
from reports.models import MAX_SECTION_CHARS, ReportSection
from tests.e2e.sessions import carry_session
from tests.harness import factories
from tests.harness.checks import client_for, url_of
from tests.harness.registry import ROUTES, Access, route

pytestmark = pytest.mark.browser

PAGES = [r for r in ROUTES if r.is_page and r.html]
LANGUAGES = ("en", "hu")


def visit(page, url):
    response = page.goto(url)
    assert response is not None
    assert response.status == 200, f"{url}: {response.status}"
    return page


def report(problems: dict[str, list[str]]) -> str:
    return "\n".join(
        f"{where}:\n    " + "\n    ".join(violations)
        for where, violations in problems.items()
        if violations
    )


@pytest.mark.parametrize("page_route", [pytest.param(r, id=r.name) for r in PAGES])
def test_page_passes_axe_in_english_and_hungarian_for_every_role_that_sees_it(
    page_route, world, browser_page, axe_violations, live_server
):
    problems = {}
    page = browser_page()
    for role in page_route.viewing_roles():
        carry_session(page.context, client_for(page_route, world, role), live_server.url)
        for language in LANGUAGES:
            url = url_of(page_route, world, language=language)
            visit(page, url)
            assert page.evaluate("document.documentElement.lang") == language, url
            problems[f"{page_route.name} as {role} in {language} ({page.url})"] = axe_violations(
                page
            )
    assert not any(problems.values()), "Accessibility violations:\n" + report(problems)


# --- forms showing errors ---------------------------------------------------------------------

# What a screen-reader user needs after a failed submission: the error summary is announced
# (role=alert) and focused, and every invalid field says so and points at its message.
ERRORS_ANNOUNCED = """() => {
  const problems = [];
  const summary = document.getElementById("error-summary");
  if (!summary) {
    problems.push("no error summary");
  } else {
    if (summary.getAttribute("role") !== "alert") problems.push("the summary is not an alert");
    if (document.activeElement !== summary) problems.push("the summary does not get focus");
  }
  const invalid = [...document.querySelectorAll("[aria-invalid=true]")];
  if (!invalid.length) problems.push("no field is marked aria-invalid");
  for (const field of invalid) {
    // A group of options is described by its fieldset.
    const holder = field.hasAttribute("aria-describedby")
      ? field : field.closest("fieldset[aria-describedby]");
    const ids = holder ? holder.getAttribute("aria-describedby").split(/\\s+/) : [];
    const messages = ids.map((id) => document.getElementById(id))
      .filter((el) => el && el.closest(".errorlist, [id$=_errormsg]") && el.textContent.trim());
    if (!messages.length) {
      problems.push(`${field.name || field.id}: aria-describedby names no error message`);
    }
  }
  return problems;
}"""

FOCUS_IS_ON_FIELD = """(id) => {
  const target = document.getElementById(id);
  const active = document.activeElement;
  // A rich-text field's textarea is hidden: its editable area stands for it.
  return active === target
    || (target !== null && active.isContentEditable && target.parentElement.contains(active));
}"""


def submit_empty(selector: str) -> Callable:
    """Send the form as it is, letting the server (not the browser) validate."""

    def _submit(page):
        form = page.locator(selector).first
        form.evaluate("form => { form.noValidate = true; }")
        form.locator("[type=submit]").first.click()

    return _submit


def sign_in_with_a_wrong_password(page):
    page.fill("input[name=login]", "owner@lombardy.example")
    page.fill("input[name=password]", "not the password")
    page.locator("main form[method=post] [type=submit]").first.click()


def send_a_section_that_is_too_long(page):
    # form.submit() skips the editor's submit handler, which would copy its own text back.
    page.locator("form.section-form").evaluate(
        "(form, size) => { form.querySelector('textarea[name=body]').value = 'x'.repeat(size);"
        " HTMLFormElement.prototype.submit.call(form); }",
        MAX_SECTION_CHARS + 1,
    )


@dataclass(frozen=True)
class FormWithErrors:
    role: str
    url: Callable[[object], str]
    provoke: Callable
    fields_marked: bool = True  # False: only an error about the whole form (no field is wrong)


FORMS_WITH_ERRORS = {
    "sign-in, empty": FormWithErrors(
        "anonymous",
        lambda w: reverse("account_login"),
        submit_empty("main form[method=post]"),
    ),
    "sign-in, wrong password": FormWithErrors(
        "anonymous",
        lambda w: reverse("account_login"),
        sign_in_with_a_wrong_password,
        fields_marked=False,
    ),
    "policy instrument": FormWithErrors(
        "owner",
        lambda w: url_of(route("partners:instrument_create"), w),
        submit_empty("main form[method=post]"),
    ),
    "good practice": FormWithErrors(
        "owner",
        lambda w: reverse("practices:practice_create"),
        submit_empty("main form.form[method=post]"),
    ),
    "interest in a practice": FormWithErrors(
        "anonymous",
        lambda w: reverse(
            "practices:interest_send", args=[factories.make_practice(w.region_a).slug]
        ),
        submit_empty("form[action$='/interest/']"),
    ),
    "event": FormWithErrors(
        "owner",
        lambda w: reverse("events:event_create"),
        submit_empty("main form.event-form"),
    ),
    "report section, too long": FormWithErrors(
        "owner",
        lambda w: factories.make_report(w.region_a).sections.first().get_edit_url(),
        send_a_section_that_is_too_long,
    ),
}


@pytest.mark.parametrize("case", list(FORMS_WITH_ERRORS), ids=list(FORMS_WITH_ERRORS))
def test_form_errors_are_announced_linked_to_their_fields_and_pass_axe(
    case, world, browser_page, axe_violations
):
    form = FORMS_WITH_ERRORS[case]
    client = client_for(route("home"), world, form.role)
    page = browser_page(client)
    visit(page, form.url(world))
    form.provoke(page)
    page.wait_for_load_state()
    page.wait_for_function("document.getElementById('error-summary') !== null")

    problems = [
        problem
        for problem in page.evaluate(ERRORS_ANNOUNCED)
        if form.fields_marked or problem != "no field is marked aria-invalid"
    ]
    assert not problems, f"{case}: {problems}"

    links = page.locator("#error-summary a")
    assert links.count() > 0 or not form.fields_marked, "the summary links to no field"
    for index in range(links.count()):
        target = links.nth(index).get_attribute("href").removeprefix("#")
        links.nth(index).focus()
        page.keyboard.press("Enter")
        assert page.evaluate(FOCUS_IS_ON_FIELD, target), f"{case}: the link to #{target}"

    violations = axe_violations(page)
    assert not violations, report({f"{case} with errors": violations})


# --- the states a page can be in ------------------------------------------------------------

# The sweep above sees each page in the state the registry's objects give it; these are the
# other states people meet (a draft offered, a conflict, a report returned, approved or
# overdue, lists with nothing to show), set up by factories and checked as the role meeting them.


def _section(w):
    return factories.make_report(w.region_a).sections.get(key="opportunities")


def _section_with_a_draft(w):
    section = _section(w)
    report_services.draft_autosave(
        section=section, author=w.owner, body="<p>Not saved yet.</p>", base_version=0
    )
    return section


def _report_after(w, *steps):
    report = factories.make_report(w.region_a, texts=factories.complete_texts())
    for actor, action, reason in steps:
        report_services.report_transition(
            report=report, actor=getattr(w, actor), action=action, reason=reason
        )
    return report


SUBMITTED = ("owner", "submit", "")
RETURNED = ("coordinator", "request_changes", "Add the 2019 export figures, please.")
APPROVED = ("coordinator", "approve", "")


def save_after_someone_else(page, w):
    """Someone else saves the section while the page is open; saving it gives the conflict."""
    section = ReportSection.objects.get(report__region=w.region_a, key="opportunities")
    other = factories.make_user(first_name="Sergio", last_name="Second")
    factories.make_membership(other, w.org_a)
    report_services.section_save(
        section=section, author=other, body="<p>Their text.</p>", base_version=section.version
    )
    with page.expect_response(lambda response: response.request.method == "POST") as posted:
        page.locator("form.section-form").evaluate(
            "form => HTMLFormElement.prototype.submit.call(form)"
        )
    assert posted.value.status == 409
    # The response arrives before the browser has replaced the page with it; wait for the page.
    expect(page.locator("#conflict")).to_have_count(1)


def _plan_returned(w):
    plan = factories.make_plan(w.region_a, instrument=factories.make_instrument(w.region_a))
    plan_services.plan_transition(plan=plan, actor=w.owner, action="submit")
    plan_services.plan_transition(
        plan=plan, actor=w.coordinator, action="request_changes", reason=RETURNED[2]
    )
    return plan


def _monitored_plan(w, status: str = "approved", progress: str | None = "implemented"):
    """An approved plan with its first period's monitoring report (in `status`, with `progress`
    recorded), its action linked to an approved report's section and a published practice."""
    plan = factories.make_plan(
        w.region_a, status="approved", instrument=factories.make_instrument(w.region_a)
    )
    action = plan.actions.get()
    action.practices.add(factories.make_practice(w.region_b))
    report = factories.make_report(w.region_a, status="approved", texts=factories.complete_texts())
    action.report_sections.add(report.sections.get(key="barriers"))
    factories.make_monitoring(plan, status=status, progress=progress)
    return plan


def _progress_form(w):
    plan = _monitored_plan(w, "draft", progress=None)
    report = plan.monitoring_reports.get()
    return reverse(
        "plans:progress_edit",
        kwargs={"pk": plan.pk, "period": report.period_id, "action_pk": plan.actions.get().pk},
    )


def save_partly_without_a_reason(page, w):
    page.get_by_label("Partly implemented").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Save the progress").click()
    expect(page.locator(".errorlist").first).to_be_visible()


@dataclass(frozen=True)
class PageState:
    role: str
    url: Callable[[object], str]
    then: Callable | None = None  # what the person does on the page to reach the state


PAGE_STATES = {
    "section editor, a draft offered": PageState(
        "owner", lambda w: _section_with_a_draft(w).get_edit_url()
    ),
    "section editor, continuing the draft": PageState(
        "owner", lambda w: _section_with_a_draft(w).get_edit_url() + "?draft=1"
    ),
    "section editor, a conflict": PageState(
        "owner", lambda w: _section(w).get_edit_url(), then=save_after_someone_else
    ),
    "report in review, for the coordinator": PageState(
        "coordinator", lambda w: _report_after(w, SUBMITTED).get_absolute_url()
    ),
    "report returned with a reason, for its editor": PageState(
        "owner", lambda w: _report_after(w, SUBMITTED, RETURNED).get_absolute_url()
    ),
    "report approved, for the coordinator": PageState(
        "coordinator", lambda w: _report_after(w, SUBMITTED, APPROVED).get_absolute_url()
    ),
    "report overdue, for its editor": PageState(
        "owner",
        lambda w: report_services.report_due_date_set(
            report=factories.make_report(w.region_a),
            due_date=timezone.localdate() - timedelta(days=3),
            actor=w.coordinator,
        ).get_absolute_url(),
    ),
    "action plan returned with a reason, for its editor": PageState(
        "owner", lambda w: _plan_returned(w).get_absolute_url()
    ),
    "monitoring timeline with an approved period, for a visitor": PageState(
        "anonymous", lambda w: reverse("plans:monitoring", kwargs={"pk": _monitored_plan(w).pk})
    ),
    "progress of an action, partly implemented without a reason": PageState(
        "owner", _progress_form, then=save_partly_without_a_reason
    ),
    "a region's policy change with results, for a visitor": PageState(
        "anonymous",
        lambda w: reverse("region_policy_change", kwargs={"slug": _monitored_plan(w).region.slug}),
    ),
    "practices, a search that finds nothing": PageState(
        "anonymous", lambda w: reverse("practices:practice_list") + "?q=nothing+matches+this"
    ),
    "events, a filter that finds nothing": PageState(
        "anonymous", lambda w: reverse("events:event_list") + "?kind=webinar"
    ),
}


@pytest.mark.parametrize("state", list(PAGE_STATES), ids=list(PAGE_STATES))
def test_page_in_each_of_its_states_passes_axe(state, world, browser_page, axe_violations):
    case = PAGE_STATES[state]
    page = browser_page(client_for(route("home"), world, case.role))
    visit(page, case.url(world))
    if case.then is not None:
        case.then(page, world)

    violations = axe_violations(page)
    assert not violations, report({state: violations})


# --- not by colour alone --------------------------------------------------------------------

LINKS_IN_TEXT_NOT_UNDERLINED = """() => [...document.querySelectorAll(
    "main p a:not(.button), main li > a:not(.button), main td a, main .prose a")]
  .filter((link) => link.closest("nav") === null && link.getClientRects().length > 0)
  .filter((link) => !getComputedStyle(link).textDecorationLine.includes("underline"))
  .map((link) => link.textContent.trim())"""

BADGES_WITHOUT_TEXT = """() => [...document.querySelectorAll(
    ".badge, .status, .role-badge, .matrix-cell, .stage")]
  .filter((badge) => badge.getClientRects().length > 0 && !badge.innerText.trim())
  .map((badge) => badge.outerHTML.slice(0, 120))"""


def test_links_in_text_are_underlined_and_statuses_are_written_out(
    world, browser_page, region_a, org_a
):
    practice = factories.make_practice(region_a, owner=org_a)
    report_in_review = factories.make_report(region_a, status="in_review")
    factories.make_event(region_a)
    page = browser_page(client_for(route("home"), world, "coordinator"))
    for url in (
        "/",
        reverse("accessibility"),
        region_a.get_absolute_url(),
        reverse("reports:report_list"),
        report_in_review.get_absolute_url(),
        reverse("practices:practice_list"),
        practice.get_absolute_url(),
        reverse("practices:transfer_matrix"),
        reverse("events:event_list"),
    ):
        visit(page, url)
        assert page.evaluate(LINKS_IN_TEXT_NOT_UNDERLINED) == [], url
        assert page.evaluate(BADGES_WITHOUT_TEXT) == [], url


def test_only_pages_that_are_not_html_are_left_out_of_the_sweep():
    """Entries that are not HTML (plain text, downloads) are the only ones left out."""
    left_out = [r.name for r in ROUTES if r.is_page and not r.html]
    assert set(left_out) <= {
        "healthz",
        "mfa_download_recovery_codes",
        "reports:report_pdf_status",
        "reports:report_docx",
        "reports:report_odt",
        "reports:compendium_status",
        "reports:compendium_download",
        "events:calendar_feed",
        "events:event_ics",
        "events:participants_csv",
        "practices:export_csv",
        "practices:export_json",
        "practices:export_jsonld",
        "practices:practice_feed",  # Atom
        "events:event_feed",  # Atom
        "catalogue_jsonld",  # DCAT-AP for data portals
        "catalogue_ttl",
        "sitemap",
        "robots_txt",
        "web_manifest",
        "reports:comment_people",  # JSON for the mention autocomplete
        "notifications:notification_open",  # a redirect to where it happened
        "plans:plan_pdf_status",
        "plans:plan_docx",
        "plans:plan_odt",
        "plans:evidence_download",
        "plans:plan_comment_people",  # JSON for the mention autocomplete
        "synthesis:synthesis_pdf_status",
        "synthesis:synthesis_docx",
        "synthesis:synthesis_odt",
        "synthesis:comment_people",  # JSON for the mention autocomplete
    }, left_out
    assert Access.STAFF in {r.access for r in PAGES}


def test_hungarian_and_italian_urls_carry_their_prefix():
    for language in ("hu", "it"):
        with translation.override(language):
            assert reverse("home") == f"/{language}/"
