"""Citing a regional report's section in a paragraph of the synthesis, seeing how a cited
section changed since, confirming or removing a citation."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from reports.diff import has_changes, word_diff

from .. import access, selectors, services
from ..forms import CitationForm


def _writable(request, pk):
    synthesis = selectors.synthesis_for(request.user, pk)
    if not access.is_coordinator(request.user):
        raise PermissionDenied
    return synthesis


def _back_to(synthesis, section):
    return redirect(f"{synthesis.get_absolute_url()}#section-{section.key}")


def _refused(request, synthesis, error: ValidationError):
    messages.error(request, " ".join(error.messages))
    return redirect(synthesis)


@login_required
@require_http_methods(["GET", "POST"])
def citation_add(request, pk, key):
    synthesis = _writable(request, pk)
    section = selectors.section_for(synthesis, key)
    if not synthesis.is_editable:
        return _refused(
            request,
            synthesis,
            ValidationError(_("The synthesis cannot be changed now: nothing can be cited.")),
        )
    form = CitationForm(request.POST if request.method == "POST" else None, section=section)
    if form.is_valid():
        try:
            services.citation_add(
                section=section,
                paragraph=form.cleaned_data["paragraph"],
                source=form.cleaned_source(),
                actor=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("The citation was added to “%(title)s”.") % {"title": section.title},
                extra_tags=f"section-{section.key}",
            )
            return _back_to(synthesis, section)
    return render(
        request,
        "synthesis/citation_form.html",
        {"synthesis": synthesis, "section": section, "form": form},
        status=400 if form.is_bound else 200,
    )


@require_GET
def citation_detail(request, pk, citation_pk):
    """The cited text as cited and as it is now, with the differences: what a coordinator
    reads before confirming a citation whose source changed."""
    synthesis = selectors.synthesis_for(request.user, pk)
    if not access.can_read_history(request.user, synthesis):
        raise PermissionDenied
    citation = selectors.citation_for(synthesis, citation_pk)
    diff = word_diff(citation.cited_text, citation.source.body)
    return render(
        request,
        "synthesis/citation_detail.html",
        {
            "synthesis": synthesis,
            "citation": citation,
            "diff": diff,
            "text_changed": has_changes(diff),
            "can_write": access.can_write(request.user, synthesis),
        },
    )


@login_required
@require_POST
def citation_confirm(request, pk, citation_pk):
    synthesis = _writable(request, pk)
    citation = selectors.citation_for(synthesis, citation_pk)
    try:
        services.citation_confirm(citation=citation, actor=request.user)
    except ValidationError as error:
        return _refused(request, synthesis, error)
    messages.success(
        request,
        _("The citation now cites the section as it is today."),
        extra_tags=f"section-{citation.section.key}",
    )
    return _back_to(synthesis, citation.section)


@login_required
@require_POST
def citation_remove(request, pk, citation_pk):
    synthesis = _writable(request, pk)
    citation = selectors.citation_for(synthesis, citation_pk)
    section = citation.section
    try:
        services.citation_remove(citation=citation, actor=request.user)
    except ValidationError as error:
        return _refused(request, synthesis, error)
    messages.success(request, _("The citation was removed."), extra_tags=f"section-{section.key}")
    return _back_to(synthesis, section)
