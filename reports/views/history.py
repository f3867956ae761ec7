"""A report's revisions: every saved version of its sections, word-level diffs, restoring one.

Reading the history is for the region's partners and the coordinators
(`selectors.report_history_for`, 404 to anyone else, even for an approved report);
restoring is a write: only the region's editors while the report is editable
(`access.can_write`), and it adds a new version instead of rewriting the history.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from interventures.richtext import sanitize

from .. import access, selectors, services
from ..diff import has_changes, word_diff
from ..forms import CompareForm
from ..models import ReportSection
from ..selectors import report_history_of, section_versions

HistoricalReportSection = ReportSection.history.model


COMPARE_ERROR = gettext_lazy(
    "These versions cannot be compared: the link does not name versions of this section. "
    "Choose two versions from the lists below."
)


@require_safe
def report_history(request, pk):
    report = selectors.report_history_for(request.user, pk)
    return render(
        request,
        "reports/history.html",
        {
            "report": report,
            "sections": report_history_of(report),
            "can_write": access.can_write(request.user, report),
        },
    )


@require_safe
def section_compare(request, pk, key):
    report = selectors.report_history_for(request.user, pk)
    section = selectors.section_for(report, key)
    versions = section_versions(section)
    context = {
        "report": report,
        "section": section,
        "versions": versions,
        "can_write": access.can_write(request.user, report),
    }
    form = CompareForm(request.GET)
    if not form.is_valid():
        # The lists on the page still offer the last two versions.
        context["error"] = COMPARE_ERROR
        context["newer"] = versions[0].record if versions else None
        context["older"] = versions[0].previous if versions else None
        return render(request, "reports/section_compare.html", context, status=400)
    if not versions:
        return render(request, "reports/section_compare.html", context)

    by_id = {version.record.history_id: version for version in versions}
    from_id, to_id = form.cleaned_data["from_id"], form.cleaned_data["to_id"]
    if (to_id is not None and to_id not in by_id) or (from_id is not None and from_id not in by_id):
        raise Http404  # a version of another section or report, or none at all
    newer = by_id[to_id] if to_id is not None else versions[0]
    older_record = by_id[from_id].record if from_id is not None else newer.previous
    diff = word_diff(older_record.body if older_record else "", newer.record.body)
    context.update(
        {
            "older": older_record,
            "newer": newer.record,
            "older_text": _display(older_record.body) if older_record else "",
            "newer_text": _display(newer.record.body),
            "diff": diff,
            "changed": has_changes(diff),
        }
    )
    return render(request, "reports/section_compare.html", context)


def _display(body: str) -> str:
    # Saved text was sanitised by services.section_save; a version is kept forever, so it is
    # cleaned again with today's allow-list before it is shown as HTML.
    return mark_safe(sanitize(body))  # noqa: S308 - nh3 output, see interventures/richtext.py


@login_required
@require_POST
def section_restore(request, pk, key, history_id):
    report = selectors.report_for(request.user, pk)
    if not access.can_write(request.user, report):
        raise PermissionDenied
    section = selectors.section_for(report, key)
    history_url = reverse("reports:report_history", kwargs={"pk": report.pk})
    try:
        restored = services.section_restore(
            section=section, author=request.user, history_id=history_id
        )
    except HistoricalReportSection.DoesNotExist as error:
        raise Http404 from error
    except services.SectionConflict:
        messages.error(
            request,
            _("Someone saved “%(title)s” a moment ago. Look at its history again, then restore.")
            % {"title": section.title},
        )
        return redirect(f"{history_url}#history-{section.key}")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(f"{history_url}#history-{section.key}")
    if restored.version == section.version:
        messages.info(
            request,
            _("“%(title)s” already has this text: nothing was changed.") % {"title": section.title},
        )
    else:
        messages.success(
            request,
            _("The earlier text of “%(title)s” was restored as version %(version)s.")
            % {"title": section.title, "version": restored.version},
        )
    return redirect(f"{report.get_absolute_url()}#section-{section.key}")
