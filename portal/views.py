"""Pages that combine the apps: home, the dashboard, the regions, the activity page; and the
site-wide ones (health check, accessibility statement, privacy notice, language switch)."""

from allauth.core import ratelimit
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Q
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views import i18n
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from events import selectors as event_selectors
from interventures.activity import selectors as activity_selectors
from interventures.activity.filters import ActivityFilter
from interventures.public_pages import public_page
from partners import access as partner_access
from partners import selectors as partner_selectors
from partners import services as partner_services
from partners.maps import region_map
from partners.models import Region
from plans import access as plan_access
from plans.models import ActionPlan
from plans.selectors import trace
from practices import selectors as practice_selectors
from reports import selectors as report_selectors

from . import selectors, services
from .forms import AccountDeleteForm


# The version keys of what a page shows (interventures.public_pages): the pages that combine the
# apps depend on all of them; the statements depend on nothing but the release.
def everything(request, **kwargs) -> list[str]:
    return ["partners", "reports", "practices", "events", "plans"]


def nothing(request) -> list[str]:
    return []


@public_page(versions=everything)
def home(request):
    regions = list(partner_selectors.region_list())
    return render(
        request,
        "home.html",
        {
            "regions": regions,
            "advisory_partners": partner_selectors.advisory_partners(),
            "report_progress": report_selectors.report_progress(request.user, regions),
            "home_events": event_selectors.home_events(),
            "results": trace.partnership_results(),
        },
    )


@public_page(versions=everything)
def region_list(request):
    regions = list(partner_selectors.region_list())
    return render(
        request,
        "portal/region_list.html",
        {
            "regions": regions,
            "region_map": region_map(regions, url=Region.get_absolute_url),
            "advisory_partners": partner_selectors.advisory_partners(),
        },
    )


@public_page(versions=everything)
def region_detail(request, slug):
    region = get_object_or_404(partner_selectors.region_detail(slug))
    events = event_selectors.event_list(request.user).filter(
        Q(host_region=region) | Q(regions=region)
    )
    return render(
        request,
        "portal/region_detail.html",
        {
            "region": region,
            "can_edit": partner_access.can_edit_region(request.user, region),
            "reports": report_selectors.report_list(request.user).filter(region=region),
            "timeline": event_selectors.timeline(events.distinct()),
            "practices": practice_selectors.region_transfers(region),
            "action_plans": plan_access.filter_visible(
                ActionPlan.objects.filter(region=region).order_by("title"), request.user
            ),
        },
    )


@login_required
@require_safe
def dashboard(request):
    """Where a signed-in person lands: what needs them, by role, each item linking to its work."""
    return render(
        request, "portal/dashboard.html", {"dashboard": selectors.dashboard_of(request.user)}
    )


ACTIVITY_PAGE_SIZE = 50


@login_required
def activity_list(request):
    """Coordinators: everything that happened to the partnership's shared data, filterable."""
    if not partner_access.is_coordinator(request.user):
        raise PermissionDenied
    activity = ActivityFilter(request.GET, queryset=activity_selectors.latest_entries())
    page = Paginator(activity.qs, ACTIVITY_PAGE_SIZE).get_page(request.GET.get("page"))
    partner_selectors.attach_organisations(entry.actor for entry in page)
    return render(
        request,
        "activity/activity_list.html",
        {
            "filter": activity,
            "page_obj": page,
            "is_filtered": any(request.GET.get(name) for name in activity.form.fields),
        },
        status=400 if activity.form.errors else 200,
    )


@never_cache
def healthz(request):
    """Plain-text health check for load balancers: 200 when the database answers."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:
        return HttpResponse("database unreachable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


@public_page(versions=nothing)
def accessibility(request):
    return render(request, "accessibility.html")


@public_page(versions=nothing)
def privacy(request):
    return render(
        request,
        "privacy.html",
        {
            "event_participant_months": settings.EVENT_PARTICIPANT_RETENTION_MONTHS,
            "interest_months": settings.INTEREST_RETENTION_MONTHS,
            "invitation_days": settings.INVITATION_RETENTION_DAYS,
            "session_days": settings.SESSION_RETENTION_DAYS,
            "deleted_account_activity_months": settings.DELETED_ACCOUNT_ACTIVITY_RETENTION_MONTHS,
            "security_log_months": settings.SECURITY_LOG_ADDRESS_RETENTION_MONTHS,
        },
    )


def _account_data_page(request, form=None, status=200):
    return render(
        request,
        "portal/account_data.html",
        {
            "delete_form": form or AccountDeleteForm(user=request.user),
            "deletion_refusal": partner_services.account_deletion_refusal(request.user),
        },
        status=status,
    )


@login_required
@require_safe
def account_data(request):
    """Any signed-in person: download their data, or delete their account."""
    return _account_data_page(request)


@login_required
@require_POST
def account_data_export(request):
    data = services.personal_data_export(user=request.user)
    response = JsonResponse(data, json_dumps_params={"indent": 2, "ensure_ascii": False})
    day = timezone.localdate()
    response["Content-Disposition"] = f'attachment; filename="interventures-my-data-{day}.json"'
    patch_cache_control(response, private=True, no_store=True)
    return response


@login_required
@require_POST
def account_delete(request):
    form = AccountDeleteForm(request.POST, user=request.user)
    # The password check is a way to guess the password: limited as allauth limits its own
    # reauthentication (ACCOUNT_RATE_LIMITS["reauthenticate"]).
    if not ratelimit.consume(request, action="reauthenticate", user=request.user):
        form.add_error(
            None, _("Too many attempts. Wait a minute, then try again. Nothing was deleted.")
        )
        return _account_data_page(request, form, status=429)
    if form.is_valid():
        try:
            services.account_delete(user=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            # The account's sessions were ended with it; flushing (not logging out) this one
            # records no sign-out, with a client address, for an account that no longer exists.
            request.session.flush()
            messages.success(
                request,
                _(
                    "Your account was deleted. What you wrote for the partnership stays, "
                    "attributed to your organisation."
                ),
            )
            return redirect("home")
    return _account_data_page(request, form, status=400)


def set_language(request):
    """Django's language switch, which also remembers the choice of a signed-in user, so that
    their next visit and the emails they receive are in that language."""
    response = i18n.set_language(request)
    if request.method == "POST" and request.user.is_authenticated:
        partner_services.user_set_language(
            user=request.user, language=request.POST.get(i18n.LANGUAGE_QUERY_PARAMETER, "")
        )
    return response


@public_page(versions=everything)
@require_safe
def region_policy_change(request, slug):
    """Public: one region's chain from its Situation Analysis to the change in its policy."""
    region = get_object_or_404(Region, slug=slug)
    return render(
        request,
        "portal/policy_change.html",
        {"region": region, "trace": trace.policy_change(region)},
    )
