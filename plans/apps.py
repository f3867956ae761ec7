from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "plans"
    verbose_name = _("Action plans and their monitoring")

    def ready(self):
        # Plans can be printed in the reports' compendium, which never imports plans.
        from reports.compendium_parts import register

        from .compendium import PLANS

        register(PLANS)

        from interventures.public_pages import track

        from .models import (
            Action,
            ActionPlan,
            ActionProgress,
            EvidenceFile,
            MonitoringPeriod,
            MonitoringReport,
        )

        # What the public pages show changed: their versions move (interventures.public_pages).
        # Progress and evidence belong to a plan through its monitoring report, which a
        # deletion may already have removed: they move every plan's pages.
        track(ActionPlan, lambda plan: ["plans", f"plan:{plan.pk}"])
        for model in (Action, MonitoringReport):
            track(model, lambda row: ["plans", f"plan:{row.plan_id}"])
        for model in (ActionProgress, EvidenceFile, MonitoringPeriod):
            track(model, lambda row: ["plans", "plans:shared"])
