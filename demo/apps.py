from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The partnership's real data for demonstrations (`manage.py seed_demo`): it builds on every
    app, and no app imports it."""

    name = "demo"
    verbose_name = _("Demo data")
