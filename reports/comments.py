"""What people comment on in a report: the whole report and its sections."""

from django.utils.translation import gettext_lazy as _

from interventures.comments.declaration import Commentable, CommentTexts, CommentUrls

from .models import ReviewComment
from .selectors import people_who_can_see

REPORT_COMMENTS = Commentable(
    model=ReviewComment,
    target_field="report",
    part_field="section",
    readers=people_who_can_see,
    parts=lambda report: report.sections.all(),
    part_key=lambda section: section.key,
    part_link=lambda section: f"#section-{section.key}",
    urls=CommentUrls(
        add="reports:comment_add",
        resolve="reports:comment_resolve",
        reopen="reports:comment_reopen",
        people="reports:comment_people",
    ),
    texts=CommentTexts(
        whole=_("The whole report"),
        comment_on_whole=_("Comment on the whole report"),
        mention_help=_("Type @ and a name to mention someone who can see the report."),
        quote_help=_("Copy the words of the section your comment is about."),
        people=_("People who can see the report"),
        nobody=_("Nobody with this name can see the report."),
        cannot_mention=_(
            "%(names)s cannot be mentioned: only the region's partners and the "
            "coordinators can see this report. Pick a name from the list."
        ),
        not_a_part=_("This section is not one of the report's: reload the page and try again."),
        not_this_target=_(
            "You can only answer a comment on this report: reload the page and try again."
        ),
    ),
    email_templates="reports/email/comment",
)
