"""Writing a section of the synthesis: the reports' editor and form, saving with conflict
detection."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.middleware.csp import get_nonce
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from js_asset import Media

from reports.diff import word_diff
from reports.forms import SectionForm
from reports.services import SectionConflict

from .. import access, selectors, services


def _render_editor(request, section, form, *, status=200, conflict=None):
    media = Media.from_media(form.media).with_nonce(get_nonce(request))
    context = {
        "synthesis": section.synthesis,
        "section": section,
        "form": form,
        "media": media,
        "conflict": conflict,
        "diff": word_diff(conflict.body, form.data.get("body", "")) if conflict else None,
    }
    return render(request, "synthesis/section_edit.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def section_edit(request, pk, key):
    synthesis = selectors.synthesis_for(request.user, pk)
    if not access.is_coordinator(request.user):
        raise PermissionDenied
    section = selectors.section_for(synthesis, key)
    if not synthesis.is_editable:
        messages.info(
            request,
            _("The synthesis is %(status)s: its text cannot be changed now.")
            % {"status": synthesis.get_status_display().lower()},
        )
        return redirect(synthesis)
    if request.method == "GET":
        initial = {"body": section.body, "base_version": section.version}
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
    except SectionConflict as conflict:
        # The writer's text stays in the editor, now based on the current version.
        current = conflict.current
        current.synthesis = synthesis
        data = request.POST.copy()
        data["base_version"] = current.version
        merge_form = SectionForm(data, section=current)
        merge_form.is_valid()
        return _render_editor(request, current, merge_form, status=409, conflict=current)
    except ValidationError as error:
        form.add_error("body", error)
        return _render_editor(request, section, form, status=400)
    anchor = f"section-{section.key}"
    messages.success(
        request, _("“%(title)s” was saved.") % {"title": section.title}, extra_tags=anchor
    )
    return redirect(f"{synthesis.get_absolute_url()}#{anchor}")
