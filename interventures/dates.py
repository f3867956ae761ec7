"""Calendar arithmetic that `timedelta` cannot do (retention periods are set in months), and the
portal's own day."""

import calendar
from datetime import date, datetime

from django.utils import timezone


def months_before(moment: datetime, months: int) -> datetime:
    """The same day and time `months` calendar months earlier (clamped to the month's end)."""
    month_index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def portal_today() -> date:
    """Today in the portal's time zone (settings.TIME_ZONE): due dates are days there, whatever
    time zone a page or the worker runs in."""
    return timezone.localdate(timezone=timezone.get_default_timezone())
