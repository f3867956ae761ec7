"""Writes of action plans: starting one, saving it and its actions (optimistic lock on
`version`, like report sections), the writers' private autosaved drafts, the review steps and
the due date."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from interventures.activity.services import log_action
from interventures.richtext import SanitizedHTMLField, sanitize
from interventures.workflow.services import transition

from ..models import EDITABLE_STATUSES, MAX_ACTIONS, Action, ActionPlan, PlanDraft
from ..workflow import PLAN_WORKFLOW

# What a writer may change; status, region and version are the services' own.
PLAN_FIELDS = (
    "title",
    "organisation",
    "instrument",
    "language",
    "nuts2_region",
    "contact_name",
    "structural_funds",
    "policy_context",
    "english_summary",
)
ACTION_FIELDS = (
    "title",
    "background",
    "description",
    "improvement_type",
    "players",
    "starts_on",
    "ends_on",
    "cost",
    "currency",
    "funding_sources",
)
ACTION_LINKS = ("report_sections", "practices", "transfers")


class VersionConflict(Exception):
    """The plan or action changed since the writer opened it; `current` is what is saved now."""

    def __init__(self, current: ActionPlan | Action):
        super().__init__(f"{current._meta.model_name} {current.pk} is at version {current.version}")
        self.current = current


def _cleaned(model: type[models.Model], data: dict, names: tuple[str, ...]) -> dict:
    """The fields of `data` among `names`, rich text sanitised as it will be saved: a text that
    only differs by what the sanitiser removes is not a new version."""
    cleaned = {}
    for name in names:
        if name in data:
            value = data[name]
            if isinstance(model._meta.get_field(name), SanitizedHTMLField):
                value = sanitize(value)
            cleaned[name] = value
    return cleaned


def _duplicate() -> ValidationError:
    return ValidationError(
        {
            "instrument": _(
                "The region already has an action plan for this policy instrument: open it "
                "from the list of action plans."
            )
        }
    )


def _ensure_editable(plan: ActionPlan) -> None:
    if plan.status not in EDITABLE_STATUSES:
        raise ValidationError(
            _("The action plan is %(status)s: it cannot be changed now.")
            % {"status": plan.get_status_display().lower()}
        )


def plan_create(
    *,
    actor,
    region,
    instrument,
    organisation,
    title: str,
    language: str,
    nuts2_region: str,
    contact_name: str,
    structural_funds: bool,
) -> ActionPlan:
    """A new draft plan of `region` for `instrument`; one per region and instrument."""
    try:
        with transaction.atomic():
            plan = ActionPlan(
                region=region,
                instrument=instrument,
                organisation=organisation,
                title=title,
                language=language,
                nuts2_region=nuts2_region,
                contact_name=contact_name,
                structural_funds=structural_funds,
                last_edited_by=actor,
                last_edited_at=timezone.now(),
            )
            plan._history_user = actor  # type: ignore[attr-defined]  # simple-history's way
            plan.save()
            log_action(actor=actor, verb="plan.created", target=plan)
    except IntegrityError as error:
        raise _duplicate() from error
    return plan


def plan_save(*, plan: ActionPlan, author, data: dict, base_version: int) -> ActionPlan:
    """Save the plan's fields in `data` on top of `base_version`, as a new version.

    Raises VersionConflict when someone saved since `base_version` (nothing is overwritten),
    ValidationError when the plan is no longer editable or would duplicate another plan."""
    try:
        with transaction.atomic():
            current = ActionPlan.objects.select_for_update().get(pk=plan.pk)
            _ensure_editable(current)
            if current.version != base_version:
                raise VersionConflict(current)
            changed = False
            for name, value in _cleaned(ActionPlan, data, PLAN_FIELDS).items():
                if getattr(current, name) != value:
                    setattr(current, name, value)
                    changed = True
            if changed:
                current.version += 1
                current.last_edited_by = author
                current.last_edited_at = timezone.now()
                current._history_user = author  # type: ignore[attr-defined]
                current.save()
                log_action(
                    actor=author,
                    verb="plan.saved",
                    target=current,
                    data={"detail": f"v{current.version}"},
                )
            PlanDraft.objects.filter(plan=current, author=author, action=None).delete()
    except IntegrityError as error:
        raise _duplicate() from error
    return current


def _touch(plan: ActionPlan) -> None:
    """A change of an action is a change of the plan (the list's "last change"); update()
    leaves the plan's own history alone."""
    ActionPlan.objects.filter(pk=plan.pk).update(updated_at=timezone.now())


def _set_links(action: Action, data: dict) -> None:
    for name in ACTION_LINKS:
        if name in data:
            getattr(action, name).set(data[name])


def action_add(*, plan: ActionPlan, author, data: dict) -> Action:
    """A new action at the end of the plan; at most MAX_ACTIONS."""
    with transaction.atomic():
        locked = ActionPlan.objects.select_for_update().get(pk=plan.pk)
        _ensure_editable(locked)
        existing = locked.actions.aggregate(count=models.Count("pk"), last=Max("position"))
        if existing["count"] >= MAX_ACTIONS:
            raise ValidationError(
                _("A plan can have at most %(max)d actions.") % {"max": MAX_ACTIONS}
            )
        action = Action(
            plan=locked,
            position=(existing["last"] or 0) + 1,
            last_edited_by=author,
            last_edited_at=timezone.now(),
            **_cleaned(Action, data, ACTION_FIELDS),
        )
        action._history_user = author  # type: ignore[attr-defined]
        action.save()
        _set_links(action, data)
        _touch(locked)
        log_action(actor=author, verb="action.added", target=locked, data={"detail": action.title})
    return action


def action_save(*, action: Action, author, data: dict, base_version: int) -> Action:
    """Save an action on top of `base_version`; VersionConflict as for the plan."""
    with transaction.atomic():
        locked_plan = ActionPlan.objects.select_for_update().get(pk=action.plan_id)
        _ensure_editable(locked_plan)
        current = Action.objects.select_for_update().get(pk=action.pk)
        if current.version != base_version:
            raise VersionConflict(current)
        changed = False
        for name, value in _cleaned(Action, data, ACTION_FIELDS).items():
            if getattr(current, name) != value:
                setattr(current, name, value)
                changed = True
        links_before = {name: set(getattr(current, name).all()) for name in ACTION_LINKS}
        links_changed = any(
            name in data and set(data[name]) != links_before[name] for name in ACTION_LINKS
        )
        if changed or links_changed:
            current.version += 1
            current.last_edited_by = author
            current.last_edited_at = timezone.now()
            current._history_user = author  # type: ignore[attr-defined]
            current.save()
            _set_links(current, data)
            _touch(locked_plan)
            log_action(
                actor=author,
                verb="action.saved",
                target=locked_plan,
                data={"detail": f"{current.title} (v{current.version})"},
            )
        PlanDraft.objects.filter(action=current, author=author).delete()
    return current


def action_remove(*, action: Action, author) -> None:
    """Remove an action; the ones after it move up, so positions stay 1, 2, 3…"""
    with transaction.atomic():
        locked_plan = ActionPlan.objects.select_for_update().get(pk=action.plan_id)
        _ensure_editable(locked_plan)
        title = action.title
        action._history_user = author  # type: ignore[attr-defined]
        action.delete()
        remaining = list(locked_plan.actions.order_by("position", "pk"))
        for position, kept in enumerate(remaining, start=1):
            kept.position = position
        # bulk_update: a new position is not a new version of the action's text.
        Action.objects.bulk_update(remaining, ["position"])
        _touch(locked_plan)
        log_action(actor=author, verb="action.removed", target=locked_plan, data={"detail": title})


# --- private drafts ---------------------------------------------------------------------------


def plan_draft_autosave(
    *, plan: ActionPlan, author, data: dict, base_version: int, action: Action | None = None
) -> PlanDraft:
    """Keep the writer's unsaved form privately: the plan's own (`action` None) or `action`'s.
    Only the form's fields are kept, rich text sanitised (a draft is shown again in the
    editor); the plan and its actions are not touched."""
    _ensure_editable(plan)
    if action is None:
        kept = _cleaned(ActionPlan, data, PLAN_FIELDS)
    else:
        kept = _cleaned(Action, data, ACTION_FIELDS + ACTION_LINKS)
    draft, _created = PlanDraft.objects.update_or_create(
        author=author,
        plan=plan,
        action=action,
        defaults={"data": kept, "base_version": base_version},
    )
    return draft


def plan_draft_discard(*, plan: ActionPlan, author, action: Action | None = None) -> None:
    PlanDraft.objects.filter(plan=plan, author=author, action=action).delete()


def personal_data_erase(*, user) -> None:
    """Erase the plans app's personal data of `user` (portal.services.account_delete): their
    private drafts. Saved versions stay, attributed to their organisation through the erased
    account (partners/people.py)."""
    PlanDraft.objects.filter(author=user).delete()


def plan_transition(*, plan: ActionPlan, actor, action: str, reason: str = "") -> ActionPlan:
    """Take a step of the plan's review workflow (plans/workflow.py)."""
    return transition(workflow=PLAN_WORKFLOW, obj=plan, action=action, actor=actor, reason=reason)


def plan_due_date_set(*, plan: ActionPlan, due_date: date | None, actor) -> ActionPlan:
    """Set (or, with None, remove) the plan's due date."""
    with transaction.atomic():
        locked = ActionPlan.objects.select_for_update().get(pk=plan.pk)
        if locked.due_date != due_date:
            locked.due_date = due_date
            locked.save(update_fields=["due_date", "updated_at"])
            log_action(
                actor=actor,
                verb="plan.due_date_set",
                target=locked,
                data={"detail": due_date.isoformat() if due_date else ""},
            )
    plan.due_date = locked.due_date
    return plan
