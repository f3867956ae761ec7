"""An action plan as a Word or OpenDocument file (`/action-plans/<pk>/docx/?lang=it`, `…/odt/`):
what its PDF prints (`plans.pdf.printed_plan`: general information, policy context, each action
with its background, the records it draws on, the action itself and its facts, the English
summary), described for the core builders `interventures.docx` and `interventures.odt`."""

from django.conf import settings
from django.template.defaultfilters import floatformat, linebreaksbr
from django.utils import formats, translation
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from interventures.docx import Document, Section
from reports.docx import day, fact, programme_lines
from reports.pdf import check_language

from .models import ActionPlan
from .pdf import PrintedAction, PrintedPart, PrintedPlan, plan_filename, printed_plan


def plan_document(plan: ActionPlan, *, language: str) -> Document:
    """The Word description of `plan`, its labels in `language`."""
    check_language(language)
    with translation.override(language):
        printed = printed_plan(plan)
        return Document(
            title=plan.title,
            subtitle=f"{_('Action plan')} · {plan.region.name}",
            language=language,
            text_language=plan.language,
            author=plan.organisation.name,
            draft=printed.is_draft,
            cover_lines=_cover_lines(printed),
            sections=_sections(printed),
            subject=f"{_('Action plan')} · {plan.region.name} · {plan.instrument.name}",
            keywords=", ".join(["INTER VENTURES", "Interreg Europe", plan.region.name]),
            created=plan.created_at,
            modified=printed.updated_at,
            base_url=settings.SITE_URL,
        )


def export_filename(plan: ActionPlan, extension: str = "docx") -> str:
    """The PDF's name (`interventures-action-plan-<region>-v<version>`) with `extension`."""
    return plan_filename(plan).removesuffix(".pdf") + f".{extension}"


def _cover_lines(printed: PrintedPlan) -> list[str]:
    plan = printed.plan
    lines = [
        fact(_("Policy instrument addressed"), plan.instrument.name),
        fact(_("Status"), printed.status_label),
        fact(_("Approved on"), day(printed.approved_at))
        if printed.approved_at
        else fact(_("Last updated"), day(printed.updated_at)),
        fact(_("Partner organisation"), plan.organisation.name),
    ]
    if plan.illustrative:
        lines.append(
            _("Illustrative: the content of this plan is an illustration, not the published plan.")
        )
    return [*lines, "", *programme_lines()]


def _heading(part: PrintedPart) -> str:
    return f"{part.number}. {part.title}"


def _facts(rows) -> SafeString:
    """Label and value pairs as paragraphs with the label in bold; empty values left out."""
    return format_html_join(
        "", "<p><strong>{}:</strong> {}</p>", ((label, value) for label, value in rows if value)
    )


def _sections(printed: PrintedPlan) -> list[Section]:
    plan = printed.plan
    aim = (
        _(
            "A Structural Funds programme (Investment for Growth and Jobs, or European "
            "Territorial Cooperation)"
        )
        if plan.structural_funds
        else _("Another regional development policy instrument")
    )
    sections = [
        Section(
            _heading(printed.general),
            html=_facts(
                [
                    (_("Project"), "INTER VENTURES"),
                    (_("Partner organisation"), plan.organisation.name),
                    (_("Country"), plan.region.get_country_display()),
                    (_("NUTS2 region"), plan.nuts2_region),
                    (_("Contact person"), plan.contact_name),
                ]
            ),
        ),
        Section(
            _heading(printed.context),
            html=_facts(
                [
                    (_("Policy instrument addressed"), plan.instrument.name),
                    (_("The action plan aims to impact"), aim),
                ]
            )
            + mark_safe(plan.policy_context),  # noqa: S308 - sanitised on every write
        ),
    ]
    if printed.actions_part:
        sections.append(
            Section(
                _heading(printed.actions_part),
                subsections=[_action(printed_action) for printed_action in printed.actions],
            )
        )
    if printed.summary:
        sections.append(Section(_heading(printed.summary), html=plan.english_summary))
    return sections


def _action(printed: PrintedAction) -> Section:
    action = printed.action
    # Sanitised on every write (interventures.richtext), as the PDF's template trusts them too.
    background = mark_safe(action.background)  # noqa: S308
    description = mark_safe(action.description)  # noqa: S308
    html = SafeString()
    if background or printed.sources:
        html += format_html("<h3>{}</h3>", _("The background")) + background
        if printed.sources:
            html += format_html("<p>{}</p>", _("It draws on:"))
            html += format_html(
                "<ul>{}</ul>",
                format_html_join("", "<li>{}</li>", ((source,) for source in printed.sources)),
            )
    if description:
        html += format_html("<h3>{}</h3>", _("The action")) + description
    html += _facts(
        [
            (_("Nature of the improvement"), action.get_improvement_type_display()),
            (_("Players involved"), linebreaksbr(action.players, autoescape=True)),
            (_("Timeframe"), _timeframe(action)),
            (
                _("Costs"),
                f"{floatformat(action.cost, '2g')} {action.currency}"
                if action.cost is not None
                else "",
            ),
            (_("Funding sources"), action.funding_sources),
        ]
    )
    title = _("Action %(number)s:") % {"number": printed.number}
    return Section(f"{title} {action.title}", html=html)


def _timeframe(action) -> str:
    if not (action.starts_on or action.ends_on):
        return ""

    def month(date) -> str:
        return formats.date_format(date, "F Y") if date else "…"

    return f"{month(action.starts_on)} – {month(action.ends_on)}"
