from django import forms

from .machine import Workflow


class ReasonForm(forms.Form):
    """The reason for a step that needs one (returning, reopening); its label and help say
    who will read it."""

    reason = forms.CharField(max_length=5000, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, workflow: Workflow, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["reason"]
        field.label = workflow.reason_label
        field.help_text = workflow.reason_help
