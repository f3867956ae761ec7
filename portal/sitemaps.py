"""`/sitemap.xml`: every public page, in every language, each with its `hreflang` alternates.

What is public is what an anonymous visitor may see, asked of each app's access module (the same
rule the pages apply), so a draft never reaches the sitemap.
"""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from events import access as event_access
from events.models import Event
from partners.models import Region
from plans import access as plan_access
from plans.models import ActionPlan
from practices import access as practice_access
from practices.models import GoodPractice
from reports import access as report_access
from reports.models import SituationAnalysisReport

_ANONYMOUS = AnonymousUser()


class _PublicSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def get_domain(self, site=None):
        return settings.SITE_URL.split("://", 1)[1]

    def get_protocol(self, protocol=None):
        return settings.SITE_URL.split("://", 1)[0]


class PageSitemap(_PublicSitemap):
    """Pages that are not one object's."""

    def items(self):
        return [
            "home",
            "region_list",
            "practices:practice_list",
            "practices:transfer_matrix",
            "events:event_list",
            "reports:report_list",
            "reports:section_across_regions",
            "plans:plan_list",
            "open_data",
            "accessibility",
            "privacy",
        ]

    def location(self, item):
        return reverse(item)


class RegionSitemap(_PublicSitemap):
    def items(self):
        return Region.objects.order_by("pk")


class PolicyChangeSitemap(_PublicSitemap):
    def items(self):
        return Region.objects.order_by("pk")

    def location(self, item):
        return reverse("region_policy_change", kwargs={"slug": item.slug})


class PracticeSitemap(_PublicSitemap):
    def items(self):
        visible = practice_access.filter_visible(GoodPractice.objects.all(), _ANONYMOUS)
        return visible.only("slug", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class EventSitemap(_PublicSitemap):
    def items(self):
        visible = event_access.filter_visible(Event.objects.all(), _ANONYMOUS)
        return visible.only("slug", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class ReportSitemap(_PublicSitemap):
    def items(self):
        reports = SituationAnalysisReport.objects.all()
        return report_access.filter_visible(reports, _ANONYMOUS).only("updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class PlanSitemap(_PublicSitemap):
    def items(self):
        plans = ActionPlan.objects.all()
        return plan_access.filter_visible(plans, _ANONYMOUS).only("updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class MonitoringSitemap(PlanSitemap):
    """Each approved plan's monitoring page."""

    def location(self, item):
        return reverse("plans:monitoring", kwargs={"pk": item.pk})


SITEMAPS: dict[str, type[Sitemap] | Sitemap] = {
    "pages": PageSitemap,
    "regions": RegionSitemap,
    "policy-change": PolicyChangeSitemap,
    "practices": PracticeSitemap,
    "events": EventSitemap,
    "reports": ReportSitemap,
    "plans": PlanSitemap,
    "monitoring": MonitoringSitemap,
}
