from allauth.account.utils import get_next_redirect_url
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from . import access, selectors, services
from .forms import AcceptInvitationForm, InvitationForm, PersonNameForm, PolicyInstrumentForm
from .models import Invitation, PolicyInstrument, User


def _editable_region(request, slug):
    region = get_object_or_404(selectors.region_detail(slug))
    if not access.can_edit_region(request.user, region):
        raise PermissionDenied
    return region


def _editable_instrument(request, slug, pk):
    region = _editable_region(request, slug)
    instrument = get_object_or_404(PolicyInstrument.objects.all(), region=region, pk=pk)
    return region, instrument


@login_required
@require_http_methods(["GET", "POST"])
def instrument_create(request, slug):
    region = _editable_region(request, slug)
    form = PolicyInstrumentForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        instrument = services.instrument_create(
            region=region, data=form.cleaned_data, actor=request.user
        )
        messages.success(request, _("“%(name)s” was added.") % {"name": instrument.name})
        return redirect(region)
    return render(request, "partners/instrument_form.html", {"region": region, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def instrument_edit(request, slug, pk):
    region, instrument = _editable_instrument(request, slug, pk)
    form = PolicyInstrumentForm(
        request.POST if request.method == "POST" else None, instance=instrument
    )
    if form.is_valid():
        services.instrument_update(
            instrument=instrument, data=form.cleaned_data, actor=request.user
        )
        messages.success(request, _("“%(name)s” was saved.") % {"name": instrument.name})
        return redirect(region)
    return render(
        request,
        "partners/instrument_form.html",
        {"region": region, "instrument": instrument, "form": form},
    )


@login_required
@require_http_methods(["GET", "POST"])
def instrument_delete(request, slug, pk):
    region, instrument = _editable_instrument(request, slug, pk)
    if request.method == "POST":
        services.instrument_delete(instrument=instrument, actor=request.user)
        messages.success(request, _("“%(name)s” was deleted.") % {"name": instrument.name})
        return redirect(region)
    return render(
        request,
        "partners/instrument_confirm_delete.html",
        {"region": region, "instrument": instrument},
    )


def _require_inviter(request):
    if not access.can_invite(request.user):
        raise PermissionDenied


@login_required
def invitation_list(request):
    _require_inviter(request)
    invitations = Invitation.objects.select_related("organisation", "invited_by").prefetch_related(
        selectors.people_with_organisations("invited_by")
    )
    return render(request, "partners/invitation_list.html", {"invitations": invitations})


@login_required
@require_http_methods(["GET", "POST"])
def invitation_create(request):
    _require_inviter(request)
    form = InvitationForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        invitation = services.invitation_send(
            **form.cleaned_data,
            invited_by=request.user,
            absolute_url=request.build_absolute_uri,
            language=request.LANGUAGE_CODE,
        )
        messages.success(
            request, _("An invitation was sent to %(email)s.") % {"email": invitation.email}
        )
        return redirect("partners:invitation_list")
    return render(request, "partners/invitation_form.html", {"form": form})


@login_required
@require_POST
def invitation_revoke(request, pk):
    _require_inviter(request)
    invitation = get_object_or_404(Invitation, pk=pk)
    services.invitation_revoke(invitation=invitation, actor=request.user)
    messages.success(
        request, _("The invitation to %(email)s was revoked.") % {"email": invitation.email}
    )
    return redirect("partners:invitation_list")


@require_http_methods(["GET", "POST"])
def invitation_accept(request, token):
    invitation = services.invitation_for_token(token)
    if invitation is None:
        raise Http404
    context = {"invitation": invitation}
    if not invitation.is_open:
        return render(request, "partners/invitation_closed.html", context, status=410)

    existing = User.objects.filter(email__iexact=invitation.email).first()
    if existing is None:
        form = AcceptInvitationForm(
            request.POST if request.method == "POST" else None, email=invitation.email
        )
        if request.method == "POST" and form.is_valid():
            user = _accept(
                request,
                invitation,
                password=form.cleaned_data["password1"],
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
                language=request.LANGUAGE_CODE,
            )
            if user is not None:
                login(request, user, backend="django.contrib.auth.backends.ModelBackend")
                return _welcome(request, invitation)
        context["form"] = form
    elif not request.user.is_authenticated:
        messages.info(
            request,
            _("Please sign in as %(email)s to accept the invitation.")
            % {"email": invitation.email},
        )
        return redirect_to_login(request.get_full_path())
    elif request.user.pk != existing.pk:
        context["wrong_account"] = True
    elif request.method == "POST" and _accept(request, invitation, user=request.user):
        return _welcome(request, invitation)
    form = context.get("form")
    status = 400 if form is not None and form.errors else 200
    return render(request, "partners/invitation_accept.html", context, status=status)


def _accept(request, invitation, **kwargs):
    try:
        return services.invitation_accept(invitation=invitation, **kwargs)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return None


def _welcome(request, invitation):
    organisation = invitation.organisation
    messages.success(
        request,
        _("Welcome to INTER VENTURES: you are now %(role)s for %(organisation)s.")
        % {"role": invitation.get_role_display().lower(), "organisation": organisation.name},
    )
    return redirect(organisation.region or "home")


@login_required
@require_http_methods(["GET", "POST"])
def account_name(request):
    """Any signed-in person: the name others read; after signing in without one, then onwards
    to `next`."""
    user = request.user
    form = PersonNameForm(
        request.POST if request.method == "POST" else None,
        initial={"first_name": user.first_name, "last_name": user.last_name},
    )
    onward = get_next_redirect_url(request)
    if form.is_valid():
        services.user_set_name(user=user, **form.cleaned_data)
        messages.success(request, _("Your name was saved."))
        return redirect(onward or "partners:account_name")
    return render(
        request,
        "partners/account_name.html",
        {"form": form, "next": onward},
        status=400 if form.errors else 200,
    )
