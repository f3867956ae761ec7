"""The good-practice dataset as schema.org JSON-LD, one of its open-data distributions."""

from django.http import StreamingHttpResponse
from django.views.decorators.http import require_safe

from interventures.public_pages import public_page

from .. import exports, linked_data, selectors


@public_page(versions=lambda request: ["practices", "partners"])
@require_safe
def export_jsonld(request):
    practices = selectors.public_practices().order_by("title", "pk")
    response = StreamingHttpResponse(
        linked_data.dataset_chunks(practices), content_type="application/ld+json; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{exports.filename("jsonld")}"'
    response["Link"] = f'<{exports.LICENCE_URL}>; rel="license"'
    return response
