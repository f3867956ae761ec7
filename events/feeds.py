"""`/events/feed.atom`: the published events, the most recently announced or changed first.

Only published events, named by their host organisation and region: no participant, contact
person or email address reaches a feed.
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import Event

FEED_SIZE = 100


def _site_url(path: str) -> str:
    return settings.SITE_URL + path


class EventFeed(Feed):
    feed_type = Atom1Feed
    title = _("INTER VENTURES events")
    subtitle = _("Meetings, study visits and conferences of the partnership, new or changed.")
    author_name = "INTER VENTURES"

    def link(self):
        return _site_url(reverse("events:event_list"))

    def feed_url(self):
        return _site_url(reverse("events:event_feed"))

    def items(self):
        return (
            Event.objects.filter(is_published=True)
            .select_related("host_region", "host_organisation")
            .order_by("-updated_at", "-pk")[:FEED_SIZE]
        )

    def item_title(self, item: Event) -> str:
        return item.title

    def item_description(self, item: Event) -> str:
        starts = date_format(timezone.localtime(item.starts_at, item.tzinfo), "DATETIME_FORMAT")
        place = item.actual_place or item.planned_place
        when_where = gettext("%(starts)s, %(place)s") % {"starts": starts, "place": place}
        return "\n\n".join(text for text in (when_where if place else starts, item.summary) if text)

    def item_link(self, item: Event) -> str:
        return _site_url(item.get_absolute_url())

    def item_author_name(self, item: Event) -> str:
        return item.host_organisation.name if item.host_organisation else item.host_region.name

    def item_pubdate(self, item: Event):
        return item.created_at

    def item_updateddate(self, item: Event):
        return item.updated_at
