"""PLACEHOLDER: being built."""

from django.http import HttpResponse


def monitoring_timeline(request, **kwargs):  # PLACEHOLDER
    return HttpResponse("not built yet")


def monitoring_report(request, **kwargs):  # PLACEHOLDER
    return HttpResponse("not built yet")


def monitoring_start(request, **kwargs):  # PLACEHOLDER
    return HttpResponse("not built yet")


def progress_edit(request, **kwargs):  # PLACEHOLDER
    return HttpResponse("not built yet")


def monitoring_submit(request, **kwargs):  # PLACEHOLDER
    return HttpResponse("not built yet")


def monitoring_request_changes(request, **kwargs):  # PLACEHOLDER
    return HttpResponse("not built yet")


def monitoring_approve(request, **kwargs):  # PLACEHOLDER
    return HttpResponse("not built yet")


def monitoring_reopen(request, **kwargs):  # PLACEHOLDER
    return HttpResponse("not built yet")


def evidence_download(request, **kwargs):  # PLACEHOLDER
    return HttpResponse("not built yet")


def evidence_remove(request, **kwargs):  # PLACEHOLDER
    return HttpResponse("not built yet")


def period_list(request, **kwargs):  # PLACEHOLDER
    return HttpResponse("not built yet")
