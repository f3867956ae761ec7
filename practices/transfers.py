"""Transfers: region B studying or adopting region A's published practice.

Services (`transfer_create`, `transfer_update`) hold the rules of a write; selectors read the
transfers of a practice or a region and the "who learns from whom" matrix with a fixed number of
queries, whatever the number of transfers. Who may record or edit a transfer is decided by
`practices.access`.
"""

import math
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, QuerySet
from django.utils.translation import gettext as _

from interventures.activity.services import log_action
from partners.models import Region

from .models import GoodPractice, PracticeStatus, Transfer, TransferStage

HEAT_LEVELS = 4
"""Cells of the matrix are shaded heat-0 (no transfer) to heat-4 (the busiest pair)."""


# --- services ---------------------------------------------------------------------------------


def _check(*, practice: GoodPractice, region: Region, started_on, updated_on) -> None:
    if practice.status != PracticeStatus.PUBLISHED:
        raise ValidationError(_("Only a published practice can be transferred."))
    if region.pk == practice.region_id:
        raise ValidationError(_("A region does not transfer its own practice."))
    if started_on and updated_on and updated_on < started_on:
        raise ValidationError(_("The stage cannot be reached before the transfer started."))


@transaction.atomic
def transfer_create(
    *,
    practice: GoodPractice,
    region: Region,
    stage: str,
    started_on=None,
    updated_on=None,
    notes: str = "",
    actor=None,
) -> Transfer:
    """Record that `region` learns from `practice`; one transfer per practice and region."""
    _check(practice=practice, region=region, started_on=started_on, updated_on=updated_on)
    duplicate = _("%(region)s already records a transfer of this practice.") % {
        "region": region.name
    }
    if Transfer.objects.filter(practice=practice, region=region).exists():
        raise ValidationError(duplicate)
    try:
        with transaction.atomic():
            transfer = Transfer.objects.create(
                practice=practice,
                region=region,
                stage=TransferStage(stage),
                started_on=started_on,
                updated_on=updated_on,
                notes=notes,
            )
            _log(transfer, "transfer.recorded", actor)
            return transfer
    except IntegrityError as error:  # a concurrent request recorded it first
        raise ValidationError(duplicate) from error


@transaction.atomic
def transfer_update(
    *, transfer: Transfer, stage: str, started_on, updated_on, notes: str, actor=None
):
    """Move a transfer to another stage or correct its dates and notes; region stays."""
    _check(
        practice=transfer.practice,
        region=transfer.region,
        started_on=started_on,
        updated_on=updated_on,
    )
    transfer.stage = TransferStage(stage)
    transfer.started_on = started_on
    transfer.updated_on = updated_on
    transfer.notes = notes
    transfer.save(update_fields=["stage", "started_on", "updated_on", "notes"])
    _log(transfer, "transfer.updated", actor)
    return transfer


def _log(transfer: Transfer, verb: str, actor) -> None:
    """On the practice (its page is where the transfer shows), naming the region and stage."""
    log_action(
        actor=actor,
        verb=verb,
        target=transfer.practice,
        data={"detail": f"{transfer.region.name}: {transfer.get_stage_display()}"},
    )


# --- selectors --------------------------------------------------------------------------------


def transfer_list() -> QuerySet[Transfer]:
    """Every transfer of a published practice, with what a list shows, in two joins."""
    return (
        Transfer.objects.filter(practice__status=PracticeStatus.PUBLISHED)
        .select_related("practice__region", "practice__owner", "region")
        .order_by("practice__region__name", "region__name", "practice__title")
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


def _heat(total: int, busiest: int) -> int:
    if not total or not busiest:
        return 0
    return max(1, math.ceil(total * HEAT_LEVELS / busiest))


def transfer_matrix() -> TransferMatrix:
    """Who learns from whom: rows are the practices' regions, columns the learning regions.

    Three queries (regions, counts per pair and stage, the transfers), whatever the numbers.
    """
    regions = list(Region.objects.order_by("name"))
    counts: dict[tuple[int, int], dict[str, int]] = {}
    pairs = (
        Transfer.objects.filter(practice__status=PracticeStatus.PUBLISHED)
        .values_list("practice__region_id", "region_id", "stage")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for origin_id, learner_id, stage, n in pairs:
        counts.setdefault((origin_id, learner_id), {})[stage] = n
    busiest = max((sum(stages.values()) for stages in counts.values()), default=0)
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
                    heat=_heat(total, busiest),
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
