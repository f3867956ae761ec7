from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticesConfig(AppConfig):
    name = "practices"
    verbose_name = _("Good practices")

    def ready(self):
        from interventures.public_pages import track

        from .models import GoodPractice, Theme, Transfer

        # What the public pages show changed: their versions move (interventures.public_pages).
        for model in (GoodPractice, Transfer, Theme):
            track(model, lambda instance: ["practices"])
