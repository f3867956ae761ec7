from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SynthesisConfig(AppConfig):
    name = "synthesis"
    verbose_name = _("Interregional synthesis")
