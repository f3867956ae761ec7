from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The pages that combine several apps (home, regions, activity) and the root URLs: the top
    of the project, which no other app imports."""

    name = "portal"
    verbose_name = _("Portal")
