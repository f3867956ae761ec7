"""What people comment on in an action plan: the whole plan and its actions."""

from django.utils.translation import gettext_lazy as _

from interventures.comments.declaration import Commentable, CommentTexts, CommentUrls
from reports.selectors import people_who_can_see

from .models import PlanComment

PLAN_COMMENTS = Commentable(
    model=PlanComment,
    target_field="plan",
    part_field="action",
    readers=people_who_can_see,
    parts=lambda plan: plan.actions.all(),
    part_key=lambda action: f"action-{action.pk}",
    part_link=lambda action: f"#action-{action.pk}",
    urls=CommentUrls(
        add="plans:plan_comment_add",
        resolve="plans:plan_comment_resolve",
        reopen="plans:plan_comment_reopen",
        people="plans:plan_comment_people",
    ),
    texts=CommentTexts(
        whole=_("The whole action plan"),
        comment_on_whole=_("Comment on the whole action plan"),
        mention_help=_("Type @ and a name to mention someone who can see the action plan."),
        quote_help=_("Copy the words of the action your comment is about."),
        people=_("People who can see the action plan"),
        nobody=_("Nobody with this name can see the action plan."),
        cannot_mention=_(
            "%(names)s cannot be mentioned: only the region's partners and the "
            "coordinators can see this action plan's comments. Pick a name from the list."
        ),
        not_a_part=_("This action is not one of the plan's: reload the page and try again."),
        not_this_target=_(
            "You can only answer a comment on this action plan: reload the page and try again."
        ),
    ),
    email_templates="plans/email/comment",
)
