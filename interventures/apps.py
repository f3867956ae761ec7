from django.apps import AppConfig


class InterventuresConfig(AppConfig):
    name = "interventures"
    verbose_name = "INTER VENTURES"

    def ready(self):
        from . import lookups  # noqa: F401 (registers the `any_of` lookup)
