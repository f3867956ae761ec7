"""Full-text search of good practices: PostgreSQL's weighted search, a simpler match on SQLite.

PostgreSQL: `search_vector` holds a weighted tsvector (title A, summary B, description, evidence
of success, potential for transfer and themes C, the other texts D), kept up to date by
`update_search_vector(practice_id)` after every save and indexed with GIN (migration 0002).

The text configuration is "simple" (lower-casing, no stemming, no stop words): practices are
written in English, Italian, Hungarian, Polish, Spanish and Lithuanian, and one language's
stemmer applied to the others cuts words wrongly (PostgreSQL has no Polish stemmer at all), so a
query matches the words as written, whatever the language of the practice or of the visitor.
`websearch` query syntax lets visitors write "quoted phrases", `or` and `-excluded` words.

SQLite (the embedded development database) falls back to a case-insensitive substring match of
every query word over title, summary and description, ranked title > summary > other.

Both return the practices annotated with `rank` and a safe HTML `snippet` in which only the
`<mark>` elements around matches are markup: the text itself is always escaped.
"""

import re

from django.db import connection
from django.db.models import (
    Case,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    StringAgg,
    Subquery,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Concat
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from interventures.richtext import plain_text

from .models import GoodPractice, Theme

CONFIG = "simple"
SNIPPET_WORDS = 30
# Private-use characters mark the matches in PostgreSQL's headline; the text is escaped first
# and only then are they replaced by <mark>, so no markup of the text can survive.
_START, _STOP = "\ue000", "\ue001"
_MARK = re.compile(f"{_START}(.*?){_STOP}", re.DOTALL)
_WEIGHTS = {
    "A": ["title"],
    "B": ["summary"],
    "C": ["description", "evidence_of_success", "potential_for_transfer", "theme_names"],
    "D": ["resources_needed", "difficulties", "main_institution", "location"],
}


def is_postgresql() -> bool:
    return connection.vendor == "postgresql"


def _theme_names():
    """The practice's theme names in one string (a subquery: UPDATE cannot join)."""
    names = (
        Theme.objects.filter(practices=OuterRef("pk"))
        .order_by()
        .values("practices")
        .annotate(names=StringAgg("name", delimiter=Value(" ")))
        .values("names")
    )
    return Coalesce(Subquery(names), Value(""), output_field=TextField())


def search_vector_expression():
    from django.contrib.postgres.search import SearchVector

    vector = None
    for weight, names in _WEIGHTS.items():
        for name in names:
            source = (
                _theme_names()
                if name == "theme_names"
                else Coalesce(F(name), Value(""), output_field=TextField())
            )
            part = SearchVector(source, weight=weight, config=CONFIG)
            vector = part if vector is None else vector + part
    return vector


def update_search_vectors(queryset: QuerySet | None = None) -> int:
    """Recompute the search vectors of the practices in one SQL UPDATE (PostgreSQL only)."""
    if not is_postgresql():
        return 0
    queryset = GoodPractice.objects.all() if queryset is None else queryset
    return queryset.order_by().update(search_vector=search_vector_expression())


def update_search_vector(practice_id: int) -> None:
    """Call after every save of a practice and after its themes change (PostgreSQL only)."""
    update_search_vectors(GoodPractice.objects.filter(pk=practice_id))


def query_words(q: str) -> list[str]:
    return [word for word in re.split(r"\s+", q.replace('"', " ").strip()) if word]


class HighlightedField(TextField):
    """A text column turned into safe HTML with the query's words wrapped in <mark>.

    On PostgreSQL the column is a headline whose matches are wrapped in private-use marks; on
    SQLite it is the raw text, and the snippet is cut and highlighted here.
    """

    def __init__(self, *args, words=(), **kwargs):
        self.words = list(words)
        super().__init__(*args, **kwargs)

    def from_db_value(self, value, expression, connection):
        if value is None:
            return SafeString("")
        if _START in value:
            return mark_safe(  # noqa: S308 (escaped first; only <mark> is added)
                _MARK.sub(r"<mark>\1</mark>", escape(value))
            )
        return highlight(value, self.words)


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


def count_up_to(matches: QuerySet, limit: int) -> int:
    """How many practices match, counting no further than limit + 1."""
    return matches.order_by()[: limit + 1].count()


def most_recent(matches: QuerySet, limit: int) -> QuerySet:
    """Only the `limit` most recently published of the matches.

    Ranking means reading every matching row: a word found in half of 100,000 practices costs
    a tenth of a second or more, so a broad search ranks its most recent matches only (and the
    page says so); finding them walks the publication-date index and stops early.
    """
    recent = matches.order_by("-published_at", "-pk").values("pk")[:limit]
    return matches.filter(pk__in=recent)


def ranked(matches: QuerySet, q: str, *, snippets: bool = True) -> QuerySet:
    """The matches annotated with `rank` (higher is better) and, with `snippets`, `snippet`."""
    if is_postgresql():
        return _ranked_postgresql(matches, q, snippets=snippets)
    return _ranked_sqlite(matches, q, snippets=snippets)


def search(queryset: QuerySet, q: str, *, snippets: bool = True) -> QuerySet:
    """The practices matching `q`, annotated with `rank` and `snippet`."""
    q = (q or "").strip()
    if not q:
        return queryset
    return ranked(matching(queryset, q), q, snippets=snippets)


def _query(q):
    from django.contrib.postgres.search import SearchQuery

    return SearchQuery(q, config=CONFIG, search_type="websearch")


def _ranked_postgresql(matches, q, *, snippets):
    from django.contrib.postgres.search import SearchHeadline, SearchRank

    query = _query(q)
    matches = matches.annotate(rank=SearchRank(F("search_vector"), query))
    if not snippets:
        return matches
    headline = SearchHeadline(
        _snippet_source(),
        query,
        config=CONFIG,
        start_sel=_START,
        stop_sel=_STOP,
        max_words=SNIPPET_WORDS,
        min_words=12,
        max_fragments=2,
        fragment_delimiter=" … ",
    )
    return matches.annotate(
        snippet=ExpressionWrapper(headline, output_field=HighlightedField(words=[]))
    )


def _ranked_sqlite(matches, q, *, snippets):
    words = query_words(q)
    rank = Value(0)
    for word in words:
        rank = rank + Case(
            When(title__icontains=word, then=Value(3)),
            When(summary__icontains=word, then=Value(2)),
            default=Value(1),
            output_field=IntegerField(),
        )
    matches = matches.annotate(rank=ExpressionWrapper(rank, IntegerField()))
    if not snippets:
        return matches
    return matches.annotate(
        snippet=ExpressionWrapper(_snippet_source(), output_field=HighlightedField(words=words))
    )
