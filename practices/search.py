"""Full-text search of good practices: PostgreSQL's weighted search, a simpler match on SQLite.

PostgreSQL: `search_vector` holds a weighted tsvector (title A, summary B, description, evidence
of success, potential for transfer and themes C, the other texts D), kept up to date by the
database itself (triggers, migration 0009: whoever writes a practice or its themes) and indexed
with GIN (migration 0002).

The text configuration is "simple" (lower-casing, no stemming, no stop words): practices are
written in English, Italian, Hungarian, Polish, Spanish and Lithuanian, and one language's
stemmer applied to the others cuts words wrongly (PostgreSQL has no Polish stemmer at all), so a
query matches the words as written, whatever the language of the practice or of the visitor.
`websearch` query syntax lets visitors write "quoted phrases", `or` and `-excluded` words.

SQLite (the embedded development database) falls back to a case-insensitive substring match of
every query word over title, summary and description, ranked title > summary > other.

Both rank the matches (`rank`, higher is better); `add_snippets` gives the practices of a page
a safe HTML `snippet` in which only the `<mark>` elements around matches are markup: the text
itself is always escaped.
"""

import re
from html import unescape

from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import (
    Case,
    ExpressionWrapper,
    F,
    IntegerField,
    Q,
    QuerySet,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Concat
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from interventures.richtext import plain_text

from .models import GoodPractice

CONFIG = "simple"
SNIPPET_WORDS = 30
# Private-use characters mark the matches in PostgreSQL's headline; the text is escaped first
# and only then are they replaced by <mark>, so no markup of the text can survive.
_START, _STOP = "\ue000", "\ue001"
_MARK = re.compile(f"{_START}(.*?){_STOP}", re.DOTALL)


def is_postgresql() -> bool:
    return connection.vendor == "postgresql"


def query_words(q: str) -> list[str]:
    return [word for word in re.split(r"\s+", q.replace('"', " ").strip()) if word]


# A search is a few words: more would cost every reader (and, on SQLite, overflow the parser of
# the query the words become).
MAX_QUERY_CHARS = 200
MAX_QUERY_WORDS = 20


def within_limits(q: str) -> None:
    if len(query_words(q)) > MAX_QUERY_WORDS:
        raise ValidationError(
            _("Use at most %(limit)d words."),
            code="too_many_words",
            params={"limit": MAX_QUERY_WORDS},
        )


class HighlightedField(TextField):
    """PostgreSQL's headline turned into safe HTML with the matches wrapped in <mark>.

    The headline drops the tags of the description's HTML but keeps its entities: they are
    decoded, the text escaped, and only then are the private-use marks made <mark>.
    """

    def from_db_value(self, value, expression, connection):
        return mark_safe(  # noqa: S308 (escaped first; only <mark> is added)
            _MARK.sub(r"<mark>\1</mark>", escape(" ".join(unescape(value or "").split())))
        )


def highlight(text: str, words: list[str], *, size: int = SNIPPET_WORDS) -> SafeString:
    """About `size` words of `text` around the first match, escaped, matches in <mark>.

    `text` may hold the description's sanitised HTML: only its words are shown.
    """
    text = plain_text(text)
    if not words:
        return mark_safe(  # noqa: S308 (escaped first; only <mark> is added)
            escape(" ".join(text.split()[:size]))
        )
    pattern = re.compile("|".join(re.escape(word) for word in words), re.IGNORECASE)
    tokens = text.split()
    first = next((i for i, token in enumerate(tokens) if pattern.search(token)), 0)
    start = max(first - size // 3, 0)
    excerpt = " ".join(tokens[start : start + size])
    parts, position = [], 0
    for match in pattern.finditer(excerpt):
        parts.append(escape(excerpt[position : match.start()]))
        parts.append(f"<mark>{escape(match.group())}</mark>")
        position = match.end()
    parts.append(escape(excerpt[position:]))
    prefix = "… " if start else ""
    suffix = " …" if start + size < len(tokens) else ""
    return mark_safe(  # noqa: S308 (escaped first; only <mark> is added)
        prefix + "".join(parts) + suffix
    )


def _snippet_source():
    return Concat(
        Coalesce(F("summary"), Value(""), output_field=TextField()),
        Value(" "),
        Coalesce(F("description"), Value(""), output_field=TextField()),
        output_field=TextField(),
    )


def matching(queryset: QuerySet, q: str) -> QuerySet:
    """The practices matching every word of `q` (PostgreSQL: the websearch query)."""
    if is_postgresql():
        return queryset.filter(search_vector=_query(q))
    matches = Q()
    for word in query_words(q):
        matches &= (
            Q(title__icontains=word) | Q(summary__icontains=word) | Q(description__icontains=word)
        )
    return queryset.filter(matches)


def most_recent_ids(matches: QuerySet, limit: int) -> list[int]:
    """The ids of the `limit` most recently published matches, newest first.

    Ranking means reading every matching row: a word found in half of 100,000 practices costs
    a tenth of a second or more, so a broad search ranks its most recent matches only (and the
    page says so). One walk down the publication-date index finds them, stops early, and its
    length is the count the page shows: asking for one more than the page keeps tells that
    there are more.
    """
    return list(matches.order_by("-published_at", "-pk").values_list("pk", flat=True)[:limit])


def ranked(matches: QuerySet, q: str) -> QuerySet:
    """The matches annotated with `rank` (higher is better)."""
    if is_postgresql():
        from django.contrib.postgres.search import SearchRank

        return matches.annotate(rank=SearchRank(F("search_vector"), _query(q)))
    rank = Value(0)
    for word in query_words(q):
        rank = rank + Case(
            When(title__icontains=word, then=Value(3)),
            When(summary__icontains=word, then=Value(2)),
            default=Value(1),
            output_field=IntegerField(),
        )
    return matches.annotate(rank=ExpressionWrapper(rank, IntegerField()))


def search(queryset: QuerySet, q: str) -> QuerySet:
    """The practices matching `q`, annotated with `rank`."""
    q = (q or "").strip()
    if not q:
        return queryset
    return ranked(matching(queryset, q), q)


def add_snippets(practices: list[GoodPractice], q: str) -> None:
    """Give each practice shown a `snippet` of its summary and description around `q`.

    Only for the practices of the page: a headline costs about a tenth of a millisecond, and
    in the query that pages through the results it would be made for every skipped row too.
    """
    if not practices:
        return
    shown = GoodPractice.objects.filter(pk__any_of=[p.pk for p in practices]).order_by()
    if is_postgresql():
        snippets = dict(shown.annotate(snippet=_headline(q)).values_list("pk", "snippet"))
    else:
        words = query_words(q)
        snippets = {
            pk: highlight(f"{summary} {description}", words)
            for pk, summary, description in shown.values_list("pk", "summary", "description")
        }
    for practice in practices:
        practice.snippet = snippets[practice.pk]


def _query(q):
    from django.contrib.postgres.search import SearchQuery

    return SearchQuery(q, config=CONFIG, search_type="websearch")


def _headline(q):
    from django.contrib.postgres.search import SearchHeadline

    headline = SearchHeadline(
        _snippet_source(),
        _query(q),
        config=CONFIG,
        start_sel=_START,
        stop_sel=_STOP,
        max_words=SNIPPET_WORDS,
        min_words=12,
        max_fragments=2,
        fragment_delimiter=" … ",
    )
    return ExpressionWrapper(headline, output_field=HighlightedField())
