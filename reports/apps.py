from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Situation Analysis Reports")

    def ready(self):
        from interventures.public_pages import track

        from .models import Indicator, IndicatorCode, ReportSection, SituationAnalysisReport

        # What the public pages show changed: their versions move (interventures.public_pages).
        track(SituationAnalysisReport, lambda report: ["reports", f"report:{report.pk}"])
        for model in (ReportSection, Indicator):
            track(model, lambda row: ["reports", f"report:{row.report_id}"])
        track(IndicatorCode, lambda code: ["reports", "reports:shared"])
