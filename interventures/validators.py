"""Validators for what people type, shared by the apps' forms."""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Years a date typed into the portal may have: wide enough for any programme, narrow enough that
# converting it between time zones can never leave the range of Python's dates.
EARLIEST_YEAR = 1900
LATEST_YEAR = 2200

# The largest value a database integer column holds on every supported database.
LARGEST_INTEGER = 2**31 - 1


def single_line(value: str) -> None:
    """Refuse line breaks and other control characters in a one-line field (a title, a name):
    they break email headers, file names and spreadsheets."""
    if any(unicodedata.category(character) in ("Cc", "Zl", "Zp") for character in str(value)):
        raise ValidationError(
            _("Use one line of text, without line breaks or control characters."),
            code="single_line",
        )


def within_supported_years(value) -> None:
    if value is not None and not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        raise ValidationError(
            _("Enter a date between the years %(earliest)d and %(latest)d."),
            code="year_out_of_range",
            params={"earliest": EARLIEST_YEAR, "latest": LATEST_YEAR},
        )
