from django import forms
from django.utils.translation import gettext_lazy as _

from interventures.forms import SingleLineTextMixin

from .kinds import KINDS, Channel


class PreferencesForm(SingleLineTextMixin, forms.Form):
    """One choice of channel per kind of notification, as radio buttons."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for kind, spec in KINDS.items():
            self.fields[kind] = forms.ChoiceField(
                label=spec.label,
                choices=Channel.choices,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Choose how to be told of this."),
                    "invalid_choice": _("Choose one of the three ways offered."),
                },
            )
