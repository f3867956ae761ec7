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
