from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from interventures.public_pages import track

        from .models import Event, Registration

        # What the public pages show changed (a registration changes the seats left): their
        # versions move (interventures.public_pages).
        for model in (Event, Registration):
            track(model, lambda instance: ["events"])
