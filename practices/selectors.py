"""Reads of the practices app; a page's query count stays the same however many rows it shows."""

from dataclasses import dataclass, field
from operator import itemgetter

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Page, Paginator
from django.db.models import (
    CharField,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Cast, Coalesce
from django.shortcuts import get_object_or_404

from interventures.activity.models import ActivityEntry
from interventures.collation import sorted_by_name, translated, translated_columns
from interventures.public_pages import remembered
from partners.access import roles_of
from partners.models import Membership, Region

from . import access
from .models import GoodPractice, Interest, PracticeStatus, Theme, Transfer, TransferStage
from .search import add_snippets, with_snippets

PER_PAGE = 20
# What a result card shows: the long texts stay in the database (on PostgreSQL out of line, so
# each one read would be a lookup of its own).
CARD_FIELDS = (
    "title",
    "slug",
    "language",
    "summary",
    "instrument_type",
    "progress",
    "start_year",
    "end_year",
    "published_at",
    "region__name",
    "region__country",
    "owner__name",
    "owner__short_name",
    # The names in each language: modeltranslation reads the active one, else English (left
    # out, each card would read its region's and owner's names again, a query each).
    *(
        f"{related}__name_{code}"
        for related in ("region", "owner")
        for code, _ in settings.LANGUAGES
    ),
)
# A list or search matching more practices than this ranks, sorts and pages through the most
# recent ones (and says so): counting them all would grow with the table.
MATCH_LIMIT = 1000


def public_practices() -> QuerySet[GoodPractice]:
    """Published practices, with their region and owner.

    The public list and the open data never show drafts, whoever asks (partners find their
    drafts on their region's page). The search vector is not needed once matched: deferred.
    """
    return GoodPractice.objects.published().select_related("region", "owner").defer("search_vector")


def practice_page(ids: list[int], number, *, search: str = "") -> Page:
    """One page of the practices `ids`, which are in the order to show (a list's or search's
    matches, already found and sorted), each with `theme_names` and, for a `search`, a
    `snippet`; a page number out of range gives the last page, not an error. Only that page's
    practices are read: sorting the matches again in the database read them all."""
    page = Paginator(ids, PER_PAGE).get_page(number)
    cards = public_practices().only(*CARD_FIELDS)
    if search:
        cards = with_snippets(cards, search)
    found = cards.in_bulk(page.object_list)
    return _with_cards(page, [found[pk] for pk in page.object_list if pk in found], search)


def _with_cards(page: Page, practices: list[GoodPractice], search: str) -> Page:
    page.object_list = practices
    _add_theme_names(practices)
    if search:
        add_snippets(practices, search)
    return page


def named_themes() -> list[tuple[int, str, str]]:
    """Every theme as (id, slug, name in the reader's language), sorted by name; the process
    keeps them while no practice or theme changes."""
    return remembered(
        "themes",
        ["practices"],
        lambda: sorted_by_name(
            Theme.objects.values_list("pk", "slug", translated("name")), key=itemgetter(2)
        ),
    )


def _add_theme_names(practices: list[GoodPractice]) -> None:
    """`practice.theme_names`, sorted, from one query of the practices' theme ids (the names
    are the process's while no theme changes): prefetching the themes would build a related
    manager and a model per practice and theme, a few milliseconds a page."""
    ordered = named_themes()
    position = {pk: index for index, (pk, _slug, _name) in enumerate(ordered)}
    themes: dict[int, list[int]] = {practice.pk: [] for practice in practices}
    pairs = GoodPractice.themes.through.objects.filter(goodpractice_id__in=themes).values_list(
        "goodpractice_id", "theme_id"
    )
    for practice_id, theme_id in pairs:
        # A theme added through another server within the last second is not known here yet.
        if theme_id in position:
            themes[practice_id].append(position[theme_id])
    for practice in practices:
        practice.theme_names = [ordered[index][2] for index in sorted(themes[practice.pk])]


def owner_editors(practice: GoodPractice) -> QuerySet:
    """The active editors of the organisation that owns the practice."""
    return get_user_model().objects.filter(
        is_active=True,
        memberships__role=Membership.Role.EDITOR,
        memberships__organisation_id=practice.owner_id,
    )


# --- one practice ----------------------------------------------------------------------------

RELATED_LIMIT = 3


def _published_events() -> QuerySet:
    """The published events, reached through their link to practices: the events app builds
    on this one, never the other way round."""
    event_model = GoodPractice._meta.get_field("events").related_model
    return event_model._default_manager.filter(is_published=True).order_by("-starts_at")


def _approved_inspired_actions() -> QuerySet:
    """The actions of approved action plans, with their plan and region, reached through their
    link to practices: the plans app builds on this one, never the other way round."""
    action_model = GoodPractice._meta.get_field("inspired_actions").related_model
    return (
        action_model._default_manager.filter(plan__status="approved")
        .select_related("plan__region")
        .order_by("plan__region__name", "plan__title", "position", "pk")
    )


def practice_for(user, slug: str) -> GoodPractice:
    """The practice if the user may see it; 404 otherwise, whether it exists or not."""
    return get_object_or_404(
        access.filter_visible(GoodPractice.objects.all(), user).select_related("region", "owner"),
        slug=slug,
    )


def practice_detail(user, slug: str) -> GoodPractice:
    """The practice with everything its page shows, in a fixed number of queries."""
    queryset = (
        access.filter_visible(GoodPractice.objects.all(), user)
        .select_related("region", "owner")
        .defer("search_vector")
        .prefetch_related(
            "themes",
            Prefetch(
                "transfers",
                queryset=Transfer.objects.select_related("region").order_by("region__name"),
            ),
            # `practice.presented_at`: the published events where the practice was presented.
            Prefetch(
                "events",
                queryset=_published_events(),
                to_attr="presented_at",
            ),
            # `practice.inspired`: the actions of approved plans that draw on it.
            Prefetch("inspired_actions", queryset=_approved_inspired_actions(), to_attr="inspired"),
        )
    )
    practice = get_object_or_404(queryset, slug=slug)
    practice.inspired_region_count = len({action.plan.region_id for action in practice.inspired})
    return practice


def related_practices(practice: GoodPractice) -> list[GoodPractice]:
    """Up to three other published practices sharing a theme, newest first, in one query (the
    practice's themes must be prefetched).

    A semi-join (EXISTS) lets the database walk the newest published practices and stop at the
    third one sharing a theme, instead of collecting every practice of a popular theme first.
    """
    theme_ids = [theme.pk for theme in practice.themes.all()]
    if not theme_ids:
        return []
    shares_a_theme = GoodPractice.themes.through.objects.filter(
        goodpractice=OuterRef("pk"), theme__in=theme_ids
    )
    return list(
        GoodPractice.objects.published()
        .filter(Exists(shares_a_theme))
        .exclude(pk=practice.pk)
        .select_related("region")
        .defer("search_vector")
        .order_by("-published_at", "title")[:RELATED_LIMIT]
    )


def practices_with_contact(addresses: list[str]) -> QuerySet[GoodPractice]:
    """The practices whose public contact is one of `addresses`."""
    to_any = Q(pk__in=[])
    for address in addresses:
        to_any |= Q(contact_email__iexact=address)
    return GoodPractice.objects.filter(to_any)


def interests_of(user, addresses: list[str]) -> QuerySet[Interest]:
    """The interest messages `user` sent, signed in or not (from one of `addresses`)."""
    from_any = Q(user=user)
    for address in addresses:
        from_any |= Q(email__iexact=address)
    return Interest.objects.filter(from_any)


def personal_data_of(user, addresses: list[str]) -> dict:
    """What the practices app holds about `user` (whose email addresses are `addresses`), for
    the export of their data."""
    return {
        "practices_of_my_organisations": [
            {"title": practice.title, "status": practice.status, "url": practice.get_absolute_url()}
            for practice in GoodPractice.objects.filter(owner__memberships__user=user).defer(
                "search_vector"
            )
        ],
        "practices_naming_me_as_contact": [
            {
                "title": practice.title,
                "contact_name": practice.contact_name,
                "contact_email": practice.contact_email,
                "consent_given": practice.contact_consent_at.isoformat()
                if practice.contact_consent_at
                else None,
                "consent_wording": practice.contact_consent_wording,
            }
            for practice in practices_with_contact(addresses).defer("search_vector")
        ],
        "interest_messages_sent": [
            {
                "practice": interest.practice.title,
                "name": interest.name,
                "email": interest.email,
                "organisation": interest.organisation,
                "message": interest.message,
                "consent_to_be_contacted": interest.consent_at.isoformat(),
                "sent": interest.created_at.isoformat(),
            }
            for interest in interests_of(user, addresses).select_related("practice")
        ],
    }


def editor_regions(user) -> QuerySet[Region]:
    return Region.objects.filter(pk__in=roles_of(user).editor_region_ids).order_by("name")


# --- transfers: who learns from whom -----------------------------------------------------------

HEAT_LEVELS = 3
"""Cells of the matrix are shaded by their number of transfers: heat-0, heat-1, heat-2 and heat-3
for three or more. Absolute, not relative to the busiest pair: a single transfer looks the same
whatever the others do."""


def transfer_list() -> QuerySet[Transfer]:
    """Every transfer of a published practice, with what a list shows, in two joins."""
    return (
        Transfer.objects.filter(practice__status=PracticeStatus.PUBLISHED)
        .select_related("practice__region", "practice__owner", "region")
        .order_by("practice__region__name", "region__name", "practice__title")
    )


class _RowCount(Subquery):
    """How many rows a subquery gives: a limited one stops counting at its limit."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) AS counted)"
    output_field = IntegerField()


def regions_with_practice_counts() -> list[Region]:
    """The regions, each with `practice_count`, its published practices (the list's map),
    counted up to MATCH_LIMIT + 1 like the list: each count reads at most that many entries of
    the region's index, not the whole table (above MATCH_LIMIT, say "more than"). The process
    keeps them while no region or practice changes."""
    published = (
        GoodPractice.objects.published()
        .filter(region=OuterRef("pk"))
        .order_by()
        .values("pk")[: MATCH_LIMIT + 1]
    )
    return remembered(
        "regions-with-practice-counts",
        ["partners", "practices"],
        lambda: list(Region.objects.annotate(practice_count=_RowCount(published))),
    )


def region_practices(region: Region) -> QuerySet[GoodPractice]:
    """The region's published practices, for its profile page."""
    return (
        GoodPractice.objects.published()
        .filter(region=region)
        .select_related("owner")
        .order_by("title")
    )


@dataclass
class RegionTransfers:
    practices: list = field(default_factory=list)
    learning: list = field(default_factory=list)
    """Transfers into the region: it learns from other regions' practices."""
    shared: list = field(default_factory=list)
    """Transfers out of the region: other regions learn from its practices."""


def region_transfers(region: Region) -> RegionTransfers:
    """A region's published practices and its transfers in and out (three queries)."""
    transfers = transfer_list()
    return RegionTransfers(
        practices=list(region_practices(region)),
        learning=list(transfers.filter(region=region)),
        shared=list(transfers.filter(practice__region=region)),
    )


@dataclass
class MatrixCell:
    origin: Region
    learner: Region
    total: int = 0
    stages: list = field(default_factory=list)
    """(label, count) per stage with at least one transfer, in the stages' order."""
    heat: int = 0

    @property
    def is_self(self) -> bool:
        return self.origin.pk == self.learner.pk


@dataclass
class MatrixRow:
    region: Region
    cells: list[MatrixCell]
    total: int


@dataclass
class TransferMatrix:
    regions: list[Region]
    rows: list[MatrixRow]
    column_totals: list[int]
    total: int
    transfers: list[Transfer]


def transfer_matrix() -> TransferMatrix:
    """Who learns from whom: rows are the practices' regions, columns the learning regions.

    Three queries (regions, counts per pair and stage, the transfers), whatever the numbers.
    """
    regions = sorted_by_name(Region.objects.all())
    counts: dict[tuple[int, int], dict[str, int]] = {}
    pairs = (
        Transfer.objects.filter(practice__status=PracticeStatus.PUBLISHED)
        .values_list("practice__region_id", "region_id", "stage")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for origin_id, learner_id, stage, n in pairs:
        counts.setdefault((origin_id, learner_id), {})[stage] = n
    rows = []
    for origin in regions:
        cells = []
        for learner in regions:
            by_stage = counts.get((origin.pk, learner.pk), {})
            total = sum(by_stage.values())
            cells.append(
                MatrixCell(
                    origin=origin,
                    learner=learner,
                    total=total,
                    stages=[
                        (stage.label, by_stage[stage.value])
                        for stage in TransferStage
                        if by_stage.get(stage.value)
                    ],
                    heat=min(total, HEAT_LEVELS),
                )
            )
        rows.append(MatrixRow(region=origin, cells=cells, total=sum(c.total for c in cells)))
    column_totals = [sum(row.cells[i].total for row in rows) for i in range(len(regions))]
    return TransferMatrix(
        regions=regions,
        rows=rows,
        column_totals=column_totals,
        total=sum(column_totals),
        transfers=list(transfer_list()),
    )


# --- the dashboard -----------------------------------------------------------------------------


def practices_to_finish(user) -> QuerySet[GoodPractice]:
    """The practices of the user's regions still in draft or returned for changes."""
    return (
        GoodPractice.objects.filter(
            region_id__in=roles_of(user).member_region_ids, status__in=access.EDITABLE
        )
        .select_related("region")
        .only(
            "title", "slug", "language", "status", "updated_at", *translated_columns("region__name")
        )
        .order_by("-updated_at")
    )


def returned_practices(user) -> QuerySet[GoodPractice]:
    """The practices of the user's regions as editor that were returned to them for changes."""
    return GoodPractice.objects.filter(
        region_id__in=roles_of(user).editor_region_ids, status=PracticeStatus.RETURNED
    )


def submitted_practices() -> QuerySet[GoodPractice]:
    """Practices waiting for a coordinator's publication, oldest submission first;
    `submitted_at` is when they were last submitted (one query with the subquery)."""
    submitted = ActivityEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(GoodPractice),
        object_id=Cast(OuterRef("pk"), CharField()),
        verb="practice.submitted",
    ).order_by("-created_at")
    return (
        GoodPractice.objects.filter(status=PracticeStatus.SUBMITTED)
        .select_related("region")
        .only(
            "title", "slug", "language", "status", "updated_at", *translated_columns("region__name")
        )
        .annotate(
            submitted_at=Coalesce(Subquery(submitted.values("created_at")[:1]), F("updated_at"))
        )
        .order_by("submitted_at", "pk")
    )


def practice_counts_by_region() -> dict[int, dict[str, int]]:
    """Per region, how many practices are published and how many wait for publication."""
    rows = GoodPractice.objects.values("region_id").annotate(
        published=Count("pk", filter=Q(status=PracticeStatus.PUBLISHED)),
        waiting=Count("pk", filter=Q(status=PracticeStatus.SUBMITTED)),
    )
    return {
        row["region_id"]: {"published": row["published"], "waiting": row["waiting"]}
        for row in rows.order_by()
    }


def interests_sent_by(user) -> QuerySet[Interest]:
    """The published practices the user expressed interest in, newest message first."""
    return (
        Interest.objects.filter(user=user, practice__status=PracticeStatus.PUBLISHED)
        .select_related("practice__region")
        .only(
            "created_at",
            "practice__title",
            "practice__slug",
            "practice__language",
            *translated_columns("practice__region__name"),
        )
        .order_by("-created_at")
    )
