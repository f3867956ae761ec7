"""What machines read: the open-data page and its DCAT-AP catalogue, the sitemap, robots.txt
and the web app manifest."""

from django.conf import settings
from django.contrib.sitemaps.views import sitemap as sitemap_view
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django.views.decorators.http import require_safe

from interventures.public_pages import public_page
from practices import catalogue
from practices.exports import ATTRIBUTION, LICENCE_NAME, LICENCE_URL

from .sitemaps import SITEMAPS

ICON_SIZES = (192, 512)


# The version keys of what each answer shows (interventures.public_pages).
def dataset(request) -> list[str]:
    return ["practices", "partners"]


def everything(request) -> list[str]:
    return ["partners", "reports", "practices", "events", "plans"]


def nothing(request) -> list[str]:
    return []


@public_page(versions=dataset)
@require_safe
def open_data(request):
    return render(
        request,
        "portal/open_data.html",
        {
            "facts": catalogue.dataset_facts(),
            "distributions": catalogue.DISTRIBUTIONS,
            "fields": catalogue.field_descriptions(),
            "licence_name": LICENCE_NAME,
            "licence_url": LICENCE_URL,
            "attribution": ATTRIBUTION,
            "contact_email": settings.OPEN_DATA_CONTACT_EMAIL,
        },
    )


@public_page(versions=dataset)
@require_safe
def catalogue_jsonld(request):
    return HttpResponse(catalogue.catalogue_jsonld(), content_type="application/ld+json")


@public_page(versions=dataset)
@require_safe
def catalogue_ttl(request):
    return HttpResponse(catalogue.catalogue_turtle(), content_type="text/turtle; charset=utf-8")


@public_page(versions=everything)
@require_safe
def sitemap(request):
    # Rendered here: middleware that reads the body (a page cache) gets it ready.
    return sitemap_view(request, sitemaps=SITEMAPS).render()


@public_page(versions=nothing)
@require_safe
def robots_txt(request):
    # The admin is behind a sign-in in every language; nothing there to index.
    admin = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            admin.append(f"Disallow: {reverse('admin:index')}")
    lines = ["User-agent: *", *admin, f"Sitemap: {settings.SITE_URL}/sitemap.xml"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@public_page(versions=nothing)
@require_safe
def web_manifest(request):
    """The app's name and icons in the reader's language, for "add to home screen"."""
    icons = [
        {"src": static("img/favicon.svg"), "type": "image/svg+xml", "sizes": "any"},
        *(
            {"src": static(f"img/icon-{size}.png"), "type": "image/png", "sizes": f"{size}x{size}"}
            for size in ICON_SIZES
        ),
        {
            "src": static("img/icon-maskable-512.png"),
            "type": "image/png",
            "sizes": "512x512",
            "purpose": "maskable",
        },
    ]
    manifest = {
        "name": "INTER VENTURES",
        "short_name": "INTER VENTURES",
        "description": gettext(
            "INTER VENTURES: five EU border regions improving the public policies that help "
            "small and medium-sized firms go international."
        ),
        "lang": request.LANGUAGE_CODE,
        "start_url": reverse("home"),
        "scope": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#003399",
        "icons": icons,
    }
    return JsonResponse(
        manifest,
        content_type="application/manifest+json",
        json_dumps_params={"ensure_ascii": False},
    )
