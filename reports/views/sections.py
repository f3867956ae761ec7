"""Writing a section: the editor, saving with conflict detection, autosaved private drafts."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import JsonResponse
from django.middleware.csp import get_nonce
from django.shortcuts import redirect, render
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from js_asset import Media

from partners.people import person_label

from .. import access, selectors, services
from ..diff import word_diff
from ..forms import SectionForm


def _writable_section(request, pk, key):
    report = selectors.report_for(request.user, pk)
    if not access.is_region_editor(request.user, report):
        raise PermissionDenied
    return report, selectors.section_for(report, key)


def _render_editor(request, section, form, *, status=200, conflict=None):
    media = Media.from_media(form.media).with_nonce(get_nonce(request))
    context = {
        "report": section.report,
        "section": section,
        "form": form,
        "media": media,
        "others": selectors.others_present(section, request.user),
        "conflict": conflict,
    }
    if conflict is None:
        draft = selectors.draft_of(section, request.user)
        if draft and draft.body != section.body and request.GET.get("draft") != "1":
            context["draft"] = draft
    else:
        context["diff"] = word_diff(conflict.body, form.data.get("body", ""))
    return render(request, "reports/section_edit.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def section_edit(request, pk, key):
    report, section = _writable_section(request, pk, key)
    if not report.is_editable:
        messages.info(
            request,
            _("The report is %(status)s: its text cannot be changed now.")
            % {"status": report.get_status_display().lower()},
        )
        return redirect(report)
    if request.method == "GET":
        services.presence_touch(section=section, user=request.user)
        initial = {"body": section.body, "base_version": section.version}
        draft = selectors.draft_of(section, request.user)
        if draft and request.GET.get("draft") == "1":
            initial = {"body": draft.body, "base_version": draft.base_version}
        return _render_editor(request, section, SectionForm(initial=initial, section=section))

    form = SectionForm(request.POST, section=section)
    if not form.is_valid():
        return _render_editor(request, section, form, status=400)
    try:
        services.section_save(
            section=section,
            author=request.user,
            body=form.cleaned_data["body"],
            base_version=form.cleaned_data["base_version"],
        )
    except services.SectionConflict as conflict:
        # The writer's text stays in the editor, now based on the current version: saving
        # again after reading the differences is a deliberate merge.
        data = request.POST.copy()
        data["base_version"] = conflict.current.version
        merge_form = SectionForm(data, section=conflict.current)
        merge_form.is_valid()
        return _render_editor(
            request, conflict.current, merge_form, status=409, conflict=conflict.current
        )
    except ValidationError as error:
        form.add_error("body", error)
        return _render_editor(request, section, form, status=400)
    # Shown inside the section the redirect scrolls to, not at the top of the page.
    anchor = f"section-{section.key}"
    messages.success(
        request, _("“%(title)s” was saved.") % {"title": section.title}, extra_tags=anchor
    )
    return redirect(f"{report.get_absolute_url()}#{anchor}")


@login_required
@require_POST
def section_autosave(request, pk, key):
    report, section = _writable_section(request, pk, key)
    if not report.is_editable:
        return JsonResponse({"error": _("The report can no longer be edited.")}, status=409)
    form = SectionForm(request.POST, section=section)
    if not form.is_valid():
        errors = [error for field_errors in form.errors.values() for error in field_errors]
        return JsonResponse({"error": " ".join(errors)}, status=400)
    try:
        draft = services.draft_autosave(
            section=section,
            author=request.user,
            body=form.cleaned_data["body"],
            base_version=form.cleaned_data["base_version"],
        )
    except ValidationError as error:
        return JsonResponse({"error": " ".join(error.messages)}, status=400)
    saved_at = formats.time_format(timezone.localtime(draft.saved_at))
    others = [
        person_label(presence.user, names_shown=True)
        for presence in selectors.others_present(section, request.user)
    ]
    return JsonResponse(
        {
            "saved_at": saved_at,
            "message": _("Draft saved at %(time)s") % {"time": saved_at},
            "others": others,
        }
    )


@login_required
@require_POST
def section_draft_discard(request, pk, key):
    _report, section = _writable_section(request, pk, key)
    services.draft_discard(section=section, author=request.user)
    messages.info(request, _("Your unsaved draft was discarded."))
    return redirect(section.get_edit_url())
