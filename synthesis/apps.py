from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SynthesisConfig(AppConfig):
    name = "synthesis"
    verbose_name = _("Interregional synthesis")

    def ready(self):
        from interventures.public_pages import track

        from .models import Citation, Synthesis, SynthesisSection

        # What the public pages show changed: their versions move (interventures.public_pages).
        track(Synthesis, lambda synthesis: ["syntheses", f"synthesis:{synthesis.pk}"])
        track(SynthesisSection, lambda row: ["syntheses", f"synthesis:{row.synthesis_id}"])
        track(Citation, lambda row: ["syntheses", f"synthesis:{row.section.synthesis_id}"])
