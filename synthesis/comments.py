"""What people comment on in the synthesis: the whole document and its sections."""

from django.utils.translation import gettext_lazy as _

from interventures.comments.declaration import Commentable, CommentTexts, CommentUrls

from .models import SynthesisComment
from .selectors import people_who_can_see

SYNTHESIS_COMMENTS = Commentable(
    model=SynthesisComment,
    target_field="synthesis",
    part_field="section",
    readers=people_who_can_see,
    parts=lambda synthesis: synthesis.sections.all(),
    part_key=lambda section: section.key,
    part_link=lambda section: f"#section-{section.key}",
    urls=CommentUrls(
        add="synthesis:comment_add",
        resolve="synthesis:comment_resolve",
        reopen="synthesis:comment_reopen",
        people="synthesis:comment_people",
    ),
    texts=CommentTexts(
        whole=_("The whole synthesis"),
        comment_on_whole=_("Comment on the whole synthesis"),
        mention_help=_("Type @ and a name to mention someone of the partnership."),
        quote_help=_("Copy the words of the section your comment is about."),
        people=_("People of the partnership"),
        nobody=_("Nobody of the partnership has this name."),
        cannot_mention=_(
            "%(names)s cannot be mentioned: only the partnership's members read the "
            "synthesis's comments. Pick a name from the list."
        ),
        not_a_part=_("This section is not one of the synthesis's: reload the page and try again."),
        not_this_target=_(
            "You can only answer a comment on this synthesis: reload the page and try again."
        ),
    ),
    email_templates="synthesis/email/comment",
)
