"""The public list of good practices (search, filters, sort, pages) and its open-data exports."""

from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.views.decorators.http import require_safe

from interventures.public_pages import public_page
from partners.maps import region_map
from partners.models import Region

from .. import exports, search, selectors
from ..filters import PracticeFilter


def _filter(request) -> PracticeFilter:
    return PracticeFilter(request.GET, queryset=selectors.public_practices())


def _practices_of(region: Region) -> str:
    """The list filtered by the region that owns the practices."""
    return f"{reverse('practices:practice_list')}?{urlencode({'region': region.slug})}"


# The list and its exports show the practices and their regions (interventures.public_pages).
def practices_and_regions(request) -> list[str]:
    return ["practices", "partners"]


def _did_you_mean(filterset: PracticeFilter, found: int) -> dict | None:
    """The closest known words' query and the link that runs it, for a search finding little."""
    if not filterset.searching:
        return None
    suggested = search.suggestion(filterset.search_text, found)
    if not suggested:
        return None
    query = filterset.data.copy()
    query["q"] = suggested
    query.pop("page", None)
    return {"q": suggested, "url": f"{reverse('practices:practice_list')}?{query.urlencode()}"}


@public_page(versions=practices_and_regions)
@require_safe
def practice_list(request):
    filterset = _filter(request)
    page = selectors.practice_page(
        filterset.most_recent_ids(selectors.MATCH_LIMIT),
        request.GET.get("page"),
        search=filterset.search_text,
    )
    return render(
        request,
        "practices/practice_list.html",
        {
            "filter": filterset,
            "page_obj": page,
            "practices": page.object_list,
            "searching": filterset.searching,
            "is_filtered": filterset.is_filtered,
            "truncated": filterset.truncated,
            "match_limit": selectors.MATCH_LIMIT,
            "did_you_mean": _did_you_mean(filterset, page.paginator.count),
            "region_map": region_map(
                selectors.regions_with_practice_counts(),
                url=_practices_of,
                current=request.GET.get("region"),
            ),
        },
        status=400 if filterset.form.errors else 200,
    )


def _download(request, chunks, content_type: str, extension: str) -> HttpResponse:
    language = exports.export_language(request.GET)
    if language is None:
        codes = ", ".join(code for code, _name in settings.LANGUAGES)
        return HttpResponseBadRequest(
            gettext("Unknown language. Use lang= with one of: %(codes)s.") % {"codes": codes},
            content_type="text/plain; charset=utf-8",
        )
    response = StreamingHttpResponse(
        exports.in_language(chunks, language), content_type=content_type
    )
    response["Content-Disposition"] = f'attachment; filename="{exports.filename(extension)}"'
    response["Link"] = f'<{exports.LICENCE_URL}>; rel="license"'
    return response


@public_page(versions=practices_and_regions)
@require_safe
def export_csv(request):
    rows = exports.records(_filter(request).qs, request.build_absolute_uri("/")[:-1])
    return _download(request, exports.csv_lines(rows), "text/csv; charset=utf-8", "csv")


@public_page(versions=practices_and_regions)
@require_safe
def export_json(request):
    rows = exports.records(_filter(request).qs, request.build_absolute_uri("/")[:-1])
    query = {key: request.GET.getlist(key) for key in request.GET if key != "page"}
    return _download(
        request,
        exports.json_chunks(rows, query=query),
        "application/json; charset=utf-8",
        "json",
    )
