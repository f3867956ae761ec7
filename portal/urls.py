from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from . import open_data, views

# The admin signs in through allauth, so its rate limits and MFA apply there too.
admin.autodiscover()
admin.site.login = secure_admin_login(admin.site.login)

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    # For machines, one address in every language.
    path("sitemap.xml", open_data.sitemap, name="sitemap"),
    path("robots.txt", open_data.robots_txt, name="robots_txt"),
    path("open-data/catalogue.jsonld", open_data.catalogue_jsonld, name="catalogue_jsonld"),
    path("open-data/catalogue.ttl", open_data.catalogue_ttl, name="catalogue_ttl"),
]

# set_language sits inside i18n_patterns so that it runs in the page's language and can
# translate the page's own (prefixed) path into the chosen language.
urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("regions/", views.region_list, name="region_list"),
    path("regions/<slug:slug>/", views.region_detail, name="region_detail"),
    path(
        "regions/<slug:slug>/policy-change/",
        views.region_policy_change,
        name="region_policy_change",
    ),
    path("i18n/setlang/", views.set_language, name="set_language"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("privacy/", views.privacy, name="privacy"),
    path("open-data/", open_data.open_data, name="open_data"),
    path("manifest.webmanifest", open_data.web_manifest, name="web_manifest"),
    path("activity/", views.activity_list, name="activity_list"),
    # Before allauth's include, which owns the rest of accounts/.
    path("accounts/data/", views.account_data, name="account_data"),
    path("accounts/data/export/", views.account_data_export, name="account_data_export"),
    path("accounts/data/delete/", views.account_delete, name="account_delete"),
    path("", include("partners.urls")),
    path("reports/", include("reports.urls")),
    path("action-plans/", include("plans.urls")),
    path("synthesis/", include("synthesis.urls")),
    path("events/", include("events.urls")),
    path("practices/", include("practices.urls")),
    path("notifications/", include("interventures.notifications.urls")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
