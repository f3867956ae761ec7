from django import template

from interventures.comments.mentions import as_html

register = template.Library()


@register.filter
def comment_text(body: str):
    """A comment's text as paragraphs, its mentions shown as `@Name`."""
    return as_html(body)


@register.filter
def open_count(comments, part) -> int:
    """`{{ comments|open_count:section }}`: the part's unresolved comments (comments is the
    page's `TargetComments`, None for people who do not read comments)."""
    return comments.open_counts.get(part.pk, 0) if comments else 0
