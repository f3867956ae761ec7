from django import template

from ..mentions import as_html

register = template.Library()


@register.filter
def comment_text(body: str):
    """A review comment's text as paragraphs, its mentions shown as `@Name`."""
    return as_html(body)


@register.filter
def open_count(comments, section) -> int:
    """`{{ comments|open_count:section }}`: the section's unresolved comments (comments is the
    page's `ReportComments`, None for people who do not read comments)."""
    return comments.open_counts.get(section.pk, 0) if comments else 0
