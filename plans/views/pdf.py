"""PLACEHOLDER: being built."""

from django.http import HttpResponse


def plan_pdf(request, **kwargs):  # PLACEHOLDER
    return HttpResponse("not built yet")


def plan_pdf_status(request, **kwargs):  # PLACEHOLDER
    return HttpResponse("not built yet")
