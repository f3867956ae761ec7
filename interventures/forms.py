"""Behaviour every form of the portal shares."""

from django import forms
from django.forms.widgets import Input

from .validators import single_line


class SingleLineTextMixin:
    """Every one-line text input of the form (text, email, URL, search, hidden) refuses line
    breaks and control characters with a clear message; text areas and rich text keep them."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if (
                isinstance(field, forms.CharField)
                and isinstance(field.widget, Input)
                and not isinstance(field.widget, forms.PasswordInput)
            ):
                field.validators.append(single_line)
