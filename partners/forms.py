from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.hashers import make_password
from django.utils.translation import gettext_lazy as _

from interventures.forms import SingleLineTextMixin

from .models import Membership, PartnerOrganisation, PolicyInstrument


class PolicyInstrumentForm(SingleLineTextMixin, forms.ModelForm):
    class Meta:
        model = PolicyInstrument
        fields = ["name", "managing_authority", "kind", "period", "improvement", "status"]
        widgets = {"improvement": forms.Textarea(attrs={"rows": 6})}


class InvitationForm(SingleLineTextMixin, forms.Form):
    email = forms.EmailField(label=_("Email address"))
    organisation = forms.ModelChoiceField(
        label=_("Partner organisation"),
        queryset=PartnerOrganisation.objects.select_related("region"),
    )
    role = forms.ChoiceField(
        label=_("Role"),
        choices=Membership.Role,
        help_text=_("Editors write their region's content; viewers read drafts and comment."),
    )

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


class PersonNameForm(SingleLineTextMixin, forms.Form):
    """A person's name: partners read it next to the organisation (partners/people.py)."""

    first_name = forms.CharField(
        label=_("First name"),
        max_length=150,
        error_messages={"required": _("Please enter your first name.")},
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    last_name = forms.CharField(
        label=_("Last name"),
        max_length=150,
        error_messages={"required": _("Please enter your last name.")},
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )


class AcceptInvitationForm(PersonNameForm):
    """The name and password of a new account created from an invitation."""

    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Password (again)"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self):
        cleaned = super().clean()
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("The two passwords do not match."))
        elif password1:
            try:
                password_validation.validate_password(password1)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class SignupForm(PersonNameForm, AllauthSignupForm):
    """allauth's sign-up form with the person's name (which allauth's adapter saves), taking as
    long whether or not the address has an account."""

    field_order = ["first_name", "last_name", "email", "password1", "password2"]

    def try_save(self, request):
        if self.account_already_exists:
            # A new account's password is hashed, which is slow by design; hash this one too,
            # or the answer's speed tells that the address has an account (Django's
            # ModelBackend does the same when someone signs in with an unknown address).
            make_password(self.cleaned_data["password1"])
        return super().try_save(request)
