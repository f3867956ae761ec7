from django import forms
from django.utils.translation import gettext_lazy as _

from interventures.richtext import RichTextWidget
from partners.models import PartnerOrganisation, Region

from .models import GoodPractice, Interest, Theme
from .services import CONTACT_CONSENT_WORDING, RICH_TEXT_FIELDS

RECORD_FIELDS = [
    "title",
    "owner",
    "main_institution",
    "location",
    "summary",
    "description",
    "resources_needed",
    "evidence_of_success",
    "difficulties",
    "potential_for_transfer",
    "themes",
    "instrument_type",
    "progress",
    "start_year",
    "end_year",
    "website",
    "language",
    "contact_name",
    "contact_email",
]


class PracticeForm(forms.ModelForm):
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
        fields = RECORD_FIELDS
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 4}),
            "themes": forms.CheckboxSelectMultiple,
            **{name: RichTextWidget(rows=8) for name in RICH_TEXT_FIELDS},
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

    def clean(self):
        cleaned = super().clean()
        region = cleaned.get("region") or (self.instance.region if self.instance.pk else None)
        owner = cleaned.get("owner")
        if region and owner and owner.region_id != region.pk:
            self.add_error(
                "owner", _("The owner organisation must be a partner of the practice's region.")
            )
        start, end = cleaned.get("start_year"), cleaned.get("end_year")
        if start and end and end < start:
            self.add_error("end_year", _("The end year cannot be before the start year."))
        if (cleaned.get("contact_name") or cleaned.get("contact_email")) and not cleaned.get(
            "contact_consent"
        ):
            self.add_error(
                "contact_consent",
                _(
                    "A contact person is shown only with their consent: tick the box, or leave "
                    "the contact empty."
                ),
            )
        return cleaned

    def _post_clean(self):
        # The services build and validate the model; the form only checks the input.
        pass

    def service_data(self) -> dict:
        data = dict(self.cleaned_data)
        data["themes"] = list(data.get("themes") or [])
        return data


class InterestForm(forms.ModelForm):
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
