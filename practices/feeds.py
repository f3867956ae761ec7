"""`/practices/feed.atom`: the published practices, the most recently published or changed first.

Only published practices, named by their organisation: a feed is copied by readers and
aggregators, so it carries no contact person and no email address.
"""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from . import selectors
from .exports import LICENCE_URL
from .linked_data import site_url
from .models import GoodPractice

FEED_SIZE = 100


class PracticeFeed(Feed):
    feed_type = Atom1Feed
    title = _("INTER VENTURES good practices")
    subtitle = _("Good practices for the internationalisation of SMEs, newly published or changed.")
    author_name = "INTER VENTURES"
    feed_copyright = LICENCE_URL

    def link(self):
        return site_url(reverse("practices:practice_list"))

    def feed_url(self):
        return site_url(reverse("practices:practice_feed"))

    def items(self):
        return (
            selectors.public_practices()
            .prefetch_related("themes")
            .order_by("-updated_at", "-pk")[:FEED_SIZE]
        )

    def item_title(self, item: GoodPractice) -> str:
        return item.title

    def item_description(self, item: GoodPractice) -> str:
        return item.summary

    def item_link(self, item: GoodPractice) -> str:
        return site_url(item.get_absolute_url())

    def item_author_name(self, item: GoodPractice) -> str:
        return item.owner.name

    def item_pubdate(self, item: GoodPractice):
        return item.published_at or item.created_at

    def item_updateddate(self, item: GoodPractice):
        return item.updated_at

    def item_categories(self, item: GoodPractice) -> list[str]:
        return [theme.name for theme in item.themes.all()]
