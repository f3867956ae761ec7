from django import forms
from django.utils.translation import gettext_lazy as _

from interventures.forms import SingleLineTextMixin
from interventures.richtext import RichTextWidget
from partners.models import PartnerOrganisation, Region

from .models import RECORD, GoodPractice, Interest, Theme, rich_text_fields
from .services import CONTACT_CONSENT_WORDING


class PracticeForm(SingleLineTextMixin, forms.ModelForm):
    """The Interreg Europe record of a practice. Region (on creation) is chosen among the
    user's editor regions and the owner among that region's organisations; status, slug and
    consent are set by the services."""

    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.none())
    contact_consent = forms.BooleanField(
        label=_("The contact person has agreed to be shown publicly"),
        required=False,
        help_text=CONTACT_CONSENT_WORDING,
    )

    class Meta:
        model = GoodPractice
        fields = [*RECORD, "contact_name", "contact_email"]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 4}),
            "themes": forms.CheckboxSelectMultiple,
            **{name: RichTextWidget(rows=8) for name in rich_text_fields()},
        }
        help_texts = {
            "summary": _("Plain text, at most 1,500 characters: shown in lists and searches."),
            "contact_name": _("Optional: shown publicly only with the person's consent."),
        }

    def __init__(self, *args, regions=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = Theme.objects.all()
        if self.instance.pk:
            # The region of an existing practice does not change.
            del self.fields["region"]
            organisations = PartnerOrganisation.objects.filter(region_id=self.instance.region_id)
            self.fields["contact_consent"].initial = bool(self.instance.contact_consent_at)
        else:
            self.fields["region"].queryset = regions
            if len(regions) == 1:
                self.fields["region"].initial = regions[0].pk
            organisations = PartnerOrganisation.objects.filter(region__in=regions)
            self.order_fields(["region"])
        self.fields["owner"].queryset = organisations.select_related("region")
        self.fields["owner"].label_from_instance = lambda org: f"{org.name} ({org.region.name})"

    def _post_clean(self):
        # The services build and validate the model; the form only checks the input.
        pass

    def service_data(self) -> dict:
        data = dict(self.cleaned_data)
        data["themes"] = list(data.get("themes") or [])
        return data


class InterestForm(SingleLineTextMixin, forms.ModelForm):
    consent = forms.BooleanField(
        label=_("I agree that the owner organisation contacts me about this practice"),
        required=True,
        error_messages={
            "required": _("Please agree to be contacted: otherwise the owner cannot answer you.")
        },
    )

    class Meta:
        model = Interest
        fields = ["name", "email", "organisation", "message"]
        widgets = {"message": forms.Textarea(attrs={"rows": 5})}
        labels = {"message": _("Your message to the owner organisation")}

    def _post_clean(self):
        pass

    def service_data(self) -> dict:
        return {key: self.cleaned_data[key] for key in ("name", "email", "organisation", "message")}
