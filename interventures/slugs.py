"""Readable, unique slugs made from titles."""

from django.db.models import QuerySet
from django.utils.text import slugify


def unique_slug(
    queryset: QuerySet, title: str, *, base_length: int, fallback: str, reserved=frozenset()
) -> str:
    """The title's slug, with -2, -3… appended while it is taken in `queryset` or reserved."""
    base = slugify(title)[:base_length].strip("-") or fallback
    taken = set(queryset.filter(slug__startswith=base).values_list("slug", flat=True))
    taken |= reserved
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug
