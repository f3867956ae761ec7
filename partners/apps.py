from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = _("Partners and regions")

    def ready(self):
        from allauth.account.forms import RequestReauthenticationCodeForm

        from . import security

        security.connect()

        # allauth leaves this field without a label, so Django would show its name, in English.
        RequestReauthenticationCodeForm.base_fields["recipient"].label = _("Send the code to")
