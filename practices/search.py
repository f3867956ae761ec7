"""Full-text search of good practices in the partnership's six languages, on both databases.

The database keeps the index itself, whoever writes (migration 0011): the practice's texts, its
theme names in every language, and the names of its region and owner organisation.

PostgreSQL: `search_vector` holds every text twice, stemmed in the practice's own language
(english, italian, hungarian, spanish, lithuanian; Polish has no stemmer) and as written
without accents (`simple` over `unaccent`). A query word is parsed in the reader's language OR
in `simple` without accents, so "exports", "exporting" and "export" meet, and "Pecs" finds
"Pécs". Weights: title A, summary B, the main texts and the names C, the rest D (`ts_rank`).

SQLite: the FTS5 table `practices_search` (Porter stemmer, diacritics removed), ranked by bm25
with the columns weighted title > summary > names > the rest.

The query is never handed to a database's parser as typed: `parse` reads it into words,
"quoted phrases" and -excluded words, and the match expression is built from those tokens
(letters and digits only), so no input can be a syntax error. The last word typed is also
matched as the start of a word (as you type). `add_snippets` gives the practices of a page a
safe HTML `snippet` in which only the `<mark>` elements around matches are markup; `suggestion`
proposes a query of the closest words of the published practices when a search finds little.
"""

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from html import unescape

from django.core.exceptions import EmptyResultSet, ValidationError
from django.db import connection
from django.db.models import BooleanField, FloatField, QuerySet, TextField, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Lower
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from interventures.richtext import plain_text

from .models import GoodPractice

SNIPPET_WORDS = 30
# Private-use characters mark the matches in the databases' snippets; the text is escaped first
# and only then are they replaced by <mark>, so no markup of the text can survive.
_START, _STOP = "\ue000", "\ue001"
_MARK = re.compile(f"{_START}(.*?){_STOP}", re.DOTALL)
_TAG = re.compile(r"<[^>]*>|^[^<]*?>|<[^>]*$")
_TOKEN = re.compile(r"[^\W_]+")
_PIECE = re.compile(r'(-?)"([^"]*)"?|(-?)(\S+)')
# The last word is matched as a prefix only from this length: "a*" would match everything.
PREFIX_FROM = 3
# A search with fewer hits than this gets a "did you mean" suggestion: one that finds nothing
# (looking for the words costs queries, and a page's query count must not grow as its results
# shrink: tests/practices/test_list_cap.py).
FEW_HITS = 1
# The suggestions' vocabulary: the words of the most recent published practices.
VOCABULARY_PRACTICES = 2000
# bm25 weights of the FTS5 columns: title, summary, body, names.
FTS_WEIGHTS = "10.0, 4.0, 1.0, 2.0"


def is_postgresql() -> bool:
    return connection.vendor == "postgresql"


def query_words(q: str) -> list[str]:
    return [word for word in re.split(r"\s+", q.replace('"', " ").strip()) if word]


# A search is a few words: more would cost every reader.
MAX_QUERY_CHARS = 200
MAX_QUERY_WORDS = 20


def within_limits(q: str) -> None:
    if len(query_words(q)) > MAX_QUERY_WORDS:
        raise ValidationError(
            _("Use at most %(limit)d words."),
            code="too_many_words",
            params={"limit": MAX_QUERY_WORDS},
        )


@dataclass(frozen=True)
class Term:
    """A word or a phrase (several tokens, in that order) of a query."""

    tokens: tuple[str, ...]
    excluded: bool = False
    prefix: bool = False


@dataclass
class Query:
    terms: list[Term] = field(default_factory=list)

    @property
    def wanted(self) -> list[Term]:
        return [term for term in self.terms if not term.excluded]

    @property
    def unwanted(self) -> list[Term]:
        return [term for term in self.terms if term.excluded]

    def __bool__(self) -> bool:
        return bool(self.wanted or self.unwanted)


def tokens(text: str) -> tuple[str, ...]:
    return tuple(token.lower() for token in _TOKEN.findall(text))


def parse(q: str) -> Query:
    """Words, "quoted phrases" and -excluded words; a word written with inner punctuation
    ("cross-border", "l'impresa") is a phrase of its parts."""
    terms: list[Term] = []
    for match in _PIECE.finditer(q or ""):
        quoted = match.group(2) is not None
        minus = match.group(1) if quoted else match.group(3)
        found = tokens(match.group(2) if quoted else match.group(4))
        if found:
            terms.append(Term(found, excluded=bool(minus)))
    last = terms[-1] if terms else None
    typing = q and not q[-1].isspace() and not q.rstrip().endswith('"')
    if last and typing and not last.excluded and len(last.tokens[-1]) >= PREFIX_FROM:
        terms[-1] = Term(last.tokens, prefix=True)
    return Query(terms)


def unaccented(word: str) -> str:
    return "".join(
        char for char in unicodedata.normalize("NFKD", word) if not unicodedata.combining(char)
    )


# PostgreSQL -----------------------------------------------------------------------------------


def _pg_term(term: Term) -> tuple[str, list]:
    """The term parsed in the reader's language OR as written without accents."""
    language = get_language() or "en"
    if len(term.tokens) == 1:
        text = term.tokens[0] + (":*" if term.prefix else "")
        return (
            "(to_tsquery(practices_search_config(%s), %s)"
            " || to_tsquery('simple', practices_unaccent(%s)))",
            [language, text, text],
        )
    phrase = " ".join(term.tokens)
    return (
        "(phraseto_tsquery(practices_search_config(%s), %s)"
        " || phraseto_tsquery('simple', practices_unaccent(%s)))",
        [language, phrase, phrase],
    )


def _pg_tsquery(terms: list[Term], joiner: str) -> tuple[str, list]:
    parts = [_pg_term(term) for term in terms]
    return (
        "(" + f" {joiner} ".join(sql for sql, _params in parts) + ")",
        [param for _sql, params in parts for param in params],
    )


def _pg_matches(terms: list[Term], joiner: str) -> RawSQL:
    sql, params = _pg_tsquery(terms, joiner)
    return RawSQL(  # noqa: S611 (fixed SQL; the user's tokens are parameters)
        f"practices_goodpractice.search_vector @@ {sql}", params, BooleanField()
    )


# SQLite ---------------------------------------------------------------------------------------


def _fts_expression(terms: list[Term], joiner: str) -> str:
    """An FTS5 expression from tokens: each one quoted, so no input is FTS5 syntax."""
    return f" {joiner} ".join(
        '"' + " ".join(term.tokens) + '"' + ("*" if term.prefix else "") for term in terms
    )


def _fts_ids(terms: list[Term], joiner: str) -> RawSQL:
    return RawSQL(
        "SELECT rowid FROM practices_search WHERE practices_search MATCH %s",
        [_fts_expression(terms, joiner)],
    )


# Both -----------------------------------------------------------------------------------------


def matching(queryset: QuerySet, q: str) -> QuerySet:
    """The practices with every wanted word or phrase of `q` and none of the excluded ones."""
    query = parse(q)
    if not query:
        return queryset.none() if (q or "").strip() else queryset
    if is_postgresql():
        if query.wanted:
            queryset = queryset.alias(found=_pg_matches(query.wanted, "&&")).filter(found=True)
        if query.unwanted:
            queryset = queryset.alias(unwanted=_pg_matches(query.unwanted, "||")).exclude(
                unwanted=True
            )
        return queryset
    if query.wanted:
        queryset = queryset.filter(pk__in=_fts_ids(query.wanted, "AND"))
    if query.unwanted:
        queryset = queryset.exclude(pk__in=_fts_ids(query.unwanted, "OR"))
    return queryset


def most_recent(
    matches: QuerySet, limit: int, *, ranked_by: str = "", titles: bool = False
) -> list[tuple[int, float, str]]:
    """(id, rank, title) of the `limit` most recently published matches, newest first: the rank
    for the words of `ranked_by` (higher is better; 0 without), the title in lower case (only
    with `titles`; "" without).

    Ranking means reading every matching row: a word found in half of 100,000 practices costs
    a tenth of a second or more, so a broad search ranks its most recent matches only (and the
    page says so). One walk down the publication-date index finds them, stops early, and its
    length is the count the page shows: asking for one more than the page keeps tells that
    there are more. Rank and title are taken on that walk, from the rows it reads anyway:
    sorting the matches in a second query read them all again (8 ms for 1,000 at 300,000
    practices).
    """
    if ranked_by:
        matches = ranked(matches, ranked_by)
    else:
        matches = matches.annotate(rank=RawSQL("0.0", [], FloatField()))
    matches = matches.annotate(sort_title=Lower("title") if titles else Value(""))
    walk = matches.order_by("-published_at", "-pk").values_list("pk", "rank", "sort_title")
    try:
        sql, params = walk[:limit].query.sql_with_params()
    except EmptyResultSet:  # nothing can match: a search without a word to look for
        return []
    # The rows as the driver reads them: values_list() spent 3 ms more on 1,000 rows that need
    # no conversion.
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def ranked(matches: QuerySet, q: str) -> QuerySet:
    """The matches annotated with `rank` (higher is better)."""
    wanted = parse(q).wanted
    if not wanted:
        return matches.annotate(rank=RawSQL("0.0", [], FloatField()))
    if is_postgresql():
        sql, params = _pg_tsquery(wanted, "&&")
        rank = RawSQL(  # noqa: S611 (fixed SQL; the user's tokens are parameters)
            f"ts_rank(practices_goodpractice.search_vector, {sql})", params, FloatField()
        )
    else:
        # Materialised: the matches are scored once, not once per practice (1,000 full-text
        # queries took seconds on 20,000 practices).
        rank = RawSQL(  # noqa: S611 (fixed SQL; the user's tokens are parameters)
            "(WITH scores AS MATERIALIZED (SELECT rowid AS id,"  # noqa: S608
            f" -bm25(practices_search, {FTS_WEIGHTS}) AS score FROM practices_search"
            " WHERE practices_search MATCH %s)"
            " SELECT score FROM scores WHERE scores.id = practices_goodpractice.id)",
            [_fts_expression(wanted, "AND")],
            FloatField(),
        )
    return matches.annotate(rank=rank)


def search(queryset: QuerySet, q: str) -> QuerySet:
    """The practices matching `q`, annotated with `rank`."""
    if not (q or "").strip():
        return queryset
    return ranked(matching(queryset, q), q)


# Snippets -------------------------------------------------------------------------------------


def marked(text: str) -> SafeString:
    """A database's snippet (HTML of the text possibly cut inside a tag, the matches between
    private-use marks) as safe HTML: words only, escaped, the matches in <mark>."""
    words = " ".join(unescape(_TAG.sub(" ", text or "")).split())
    return mark_safe(  # noqa: S308 (escaped first; only <mark> is added)
        _MARK.sub(r"<mark>\1</mark>", escape(words))
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
    tokens_ = text.split()
    first = next((i for i, token in enumerate(tokens_) if pattern.search(token)), 0)
    start = max(first - size // 3, 0)
    excerpt = " ".join(tokens_[start : start + size])
    parts, position = [], 0
    for match in pattern.finditer(excerpt):
        parts.append(escape(excerpt[position : match.start()]))
        parts.append(f"<mark>{escape(match.group())}</mark>")
        position = match.end()
    parts.append(escape(excerpt[position:]))
    prefix = "… " if start else ""
    suffix = " …" if start + size < len(tokens_) else ""
    return mark_safe(  # noqa: S308 (escaped first; only <mark> is added)
        prefix + "".join(parts) + suffix
    )


def with_snippets(practices: QuerySet, q: str) -> QuerySet:
    """On PostgreSQL, the practices annotated with `snippet_text`: their summary and description
    around the words of `q`, the matches between marks (`add_snippets` makes the HTML). In the
    query that reads the page's practices, not one of its own: a snippet costs about a tenth of
    a millisecond, so only the page's practices get one."""
    wanted = parse(q).wanted
    if not (wanted and is_postgresql()):
        return practices
    sql, params = _pg_tsquery(wanted, "&&")
    options = (
        f"StartSel={_START}, StopSel={_STOP}, MaxWords={SNIPPET_WORDS}, MinWords=12, "
        'MaxFragments=2, FragmentDelimiter=" … "'
    )
    table = GoodPractice._meta.db_table
    headline = RawSQL(  # noqa: S611 (fixed SQL; the user's tokens are parameters)
        f"ts_headline(practices_search_config({table}.language), coalesce({table}.summary, '')"
        f" || ' ' || coalesce({table}.description, ''), {sql}, %s)",
        [*params, options],
        TextField(),
    )
    return practices.annotate(snippet_text=headline)


def add_snippets(practices: list[GoodPractice], q: str) -> None:
    """Give each practice shown a `snippet` of its summary and description around `q`, as safe
    HTML: on PostgreSQL from the `snippet_text` of `with_snippets`, on SQLite from its index; the
    start of the summary where neither has one."""
    if not practices:
        return
    wanted = parse(q).wanted
    snippets: dict[int, SafeString] = {}
    if wanted and is_postgresql():
        snippets = {
            practice.pk: marked(practice.snippet_text)
            for practice in practices
            if getattr(practice, "snippet_text", None)
        }
    elif wanted:
        ids = [practice.pk for practice in practices]
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT rowid, snippet(practices_search, 2, %s, %s, ' … ', 30),"  # noqa: S608
                " snippet(practices_search, 1, %s, %s, ' … ', 30)"
                " FROM practices_search WHERE practices_search MATCH %s"
                f" AND rowid IN ({', '.join(['%s'] * len(ids))})",
                [_START, _STOP, _START, _STOP, _fts_expression(wanted, "AND"), *ids],
            )
            for pk, body, summary in cursor.fetchall():
                snippets[pk] = marked(summary if _START not in body else body)
    for practice in practices:
        if practice.pk not in snippets or not str(snippets[practice.pk]).strip():
            snippets[practice.pk] = highlight(practice.summary, [])
        practice.snippet = snippets[practice.pk]


# Did you mean ---------------------------------------------------------------------------------

# The LIMIT is VOCABULARY_PRACTICES.
_PG_VOCABULARY = """
SELECT to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(summary, ''))
FROM (SELECT title, summary FROM practices_goodpractice WHERE status = 'published'
      ORDER BY published_at DESC LIMIT 2000) recent
UNION ALL SELECT to_tsvector('simple', practices_search_names(to_jsonb(t))) FROM practices_theme t
UNION ALL SELECT to_tsvector('simple', practices_search_names(to_jsonb(r))) FROM partners_region r
"""


def _names(rows) -> list[str]:
    return [
        str(value)
        for row in rows
        for key, value in row.items()
        if value and (key == "name" or key.startswith("name_"))
    ]


def _vocabulary() -> dict[str, str]:
    """The words of the most recent published practices' titles and summaries, the theme
    names (every language) and the region names, never a draft's: each as written, by its
    lower-case form without accents."""
    from partners.models import Region

    from .models import Theme

    recent = (
        GoodPractice.objects.published()
        .order_by("-published_at")
        .values_list("title", "summary")[:VOCABULARY_PRACTICES]
    )
    texts = [f"{title} {summary}" for title, summary in recent]
    texts += _names(Theme.objects.values()) + _names(Region.objects.values())
    words: dict[str, str] = {}
    for text in texts:
        for word in tokens(text):
            if len(word) > 2:
                words.setdefault(unaccented(word), word)
    return words


def _closest_pg(words: list[str]) -> dict[str, str | None]:
    """Each word's most similar known word (pg_trgm, accents aside), None when it is known or
    none is near."""
    closest: dict[str, str | None] = {}
    with connection.cursor() as cursor:
        for word in words:
            cursor.execute(
                "SELECT word, unaccent(word) = unaccent(%s) FROM ts_stat(%s)"
                " WHERE similarity(unaccent(word), unaccent(%s)) > 0.3"
                " ORDER BY unaccent(word) = unaccent(%s) DESC,"
                " similarity(unaccent(word), unaccent(%s)) DESC, ndoc DESC LIMIT 1",
                [word, _PG_VOCABULARY, word, word, word],
            )
            row = cursor.fetchone()
            closest[word] = None if row is None or row[1] else row[0]
    return closest


def _closest_sqlite(words: list[str]) -> dict[str, str | None]:
    """Each word's closest known word (difflib, accents aside), None when it is known or none
    is near."""
    vocabulary = _vocabulary()
    closest: dict[str, str | None] = {}
    for word in words:
        plain = unaccented(word)
        found = difflib.get_close_matches(plain, vocabulary, n=1, cutoff=0.75)
        closest[word] = vocabulary[found[0]] if found and plain not in vocabulary else None
    return closest


def suggestion(q: str, hits: int) -> str | None:
    """A query of the closest known words, when `q` finds fewer than FEW_HITS practices and
    some of its words are not in the published practices (None otherwise)."""
    if hits >= FEW_HITS:
        return None
    query = parse(q)
    words = sorted(
        {t.tokens[0] for t in query.wanted if len(t.tokens) == 1 and len(t.tokens[0]) > 2}
    )
    if not words:
        return None
    closest = (_closest_pg if is_postgresql() else _closest_sqlite)(words)
    replaced = {word: new for word, new in closest.items() if new}
    if not replaced:
        return None
    parts = []
    for term in query.terms:
        text = " ".join(term.tokens)
        if len(term.tokens) == 1:
            text = replaced.get(term.tokens[0], text)
        elif len(term.tokens) > 1:
            text = f'"{text}"'
        parts.append(("-" if term.excluded else "") + text)
    return " ".join(parts)
