from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = _("Partners and regions")

    def ready(self):
        from allauth.account.forms import RequestReauthenticationCodeForm
        from allauth.mfa.signals import authenticator_added
        from allauth.mfa.webauthn.forms import AddWebAuthnForm, EditWebAuthnForm
        from django.contrib.auth.signals import user_logged_in

        from . import security, signals

        security.connect()
        user_logged_in.connect(signals.end_session_at_a_fixed_time)
        authenticator_added.connect(signals.count_new_authenticator_as_second_factor)

        # allauth leaves these fields without a label, so Django would show their names, in
        # English.
        RequestReauthenticationCodeForm.base_fields["recipient"].label = _("Send the code to")
        for form in (AddWebAuthnForm, EditWebAuthnForm):
            form.base_fields["name"].label = _("Name")

        from interventures.public_pages import track

        from .models import Membership, PartnerOrganisation, PolicyInstrument, Region, Stakeholder

        # Regions, organisations and instruments are named on every public page: a change moves
        # the "partners" version they all depend on (interventures.public_pages).
        for model in (Region, PartnerOrganisation, PolicyInstrument, Membership, Stakeholder):
            track(model, lambda instance: ["partners"])
