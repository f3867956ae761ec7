"""Property-based: random and hostile values posted into every form, and sent in every query
parameter, of the pages of the URL registry (Hypothesis draws them, as the role that may use
the page). Whatever arrives, the portal never answers 500; a refusal (4xx) writes nothing; and
rich text is only ever stored sanitised.

The forms are read from the pages themselves (field names and types, options, the values the
page filled in), so a new form joins the fuzz when its page joins the registry. Each example is
the form as the page filled it in, with one to three fields changed to a value hostile for
their type (dates out of range for a date, huge numbers for a number, line breaks and markup
for text), a random text, another offered value, or left out. A form is fuzzed from the page
it is on when it posts to that page, or to an action URL without a page of its own (a workflow
step). The run is bounded: `EXAMPLES` per form, derandomised so that CI runs the same ones.
"""

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import Resolver404, resolve
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interventures.richtext import SanitizedHTMLField, sanitize
from tests.harness.checks import client_for, url_of
from tests.harness.registry import ROUTES, Access

from .conftest import route_params

EXAMPLES = 40

TEXT = [
    "",
    " ",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    '<a href="javascript:alert(1)">x</a>',
    '=HYPERLINK("https://example.org")',
    "A\r\nBcc: x@example.org",
    "tab\tand\x0bvertical",
    "\x00",
    "' OR '1'='1",
    "x" * 1000,
    "word " * 120,
    "ü€😀\u202e\u2028",
    "../../etc/passwd",
    "{{ 7*7 }}",
]
NUMBERS = ["9" * 30, "-" + "9" * 30, "2147483648", "-1", "0", "1e309", "NaN", "1.5", "x", ""]
DATES = [
    "0001-01-01T00:00",
    "9999-12-31T23:59",
    "2026-02-30T10:00",
    "0001-01-01",
    "9999-12-31",
    "2026-13-01",
    "yesterday",
    "",
]
HOSTILE_FOR_TYPE = {
    "number": NUMBERS,
    "date": DATES,
    "datetime-local": DATES,
    "hidden": NUMBERS + TEXT,
}

NOT_FUZZED = {
    "account_logout",  # would sign the fuzzing client out
    "set_language",  # a redirect with a cookie; on every page
}
# Writes a refused request may make: the security log, sessions, rate-limit counters.
WRITES_ALLOWED_ON_REFUSAL = (
    "activity_activityentry",
    "django_session",
    "usersessions_usersession",
    "interventures_cache",
)


@dataclass
class Form:
    method: str
    action: str
    types: dict[str, str] = field(default_factory=dict)  # name → input type
    offered: dict[str, list[str]] = field(default_factory=dict)  # name → the page's options
    initial: dict[str, list[str]] = field(default_factory=dict)  # what a browser would send


class FormReader(HTMLParser):
    """The forms of a page: each field's name and type, the values the page offers for it, and
    what a browser would send if the form were submitted as it is."""

    def __init__(self):
        super().__init__()
        self.forms: list[Form] = []
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form":
            method = (attributes.get("method") or "get").lower()
            self.forms.append(Form(method, attributes.get("action") or ""))
        if not self.forms:
            return
        form = self.forms[-1]
        name = attributes.get("name")
        kind = attributes.get("type", "text")
        if tag == "input" and name and kind not in ("submit", "file", "button", "image"):
            value = attributes.get("value") or ("on" if kind in ("checkbox", "radio") else "")
            form.types[name] = kind
            form.offered.setdefault(name, []).append(value)
            if kind not in ("checkbox", "radio") or "checked" in attributes:
                form.initial.setdefault(name, []).append(value)
        elif tag == "select" and name:
            self._select = name
            form.types[name] = "select"
            form.offered.setdefault(name, [])
        elif tag == "option" and self._select:
            value = attributes.get("value") or ""
            form.offered[self._select].append(value)
            if "selected" in attributes:
                form.initial.setdefault(self._select, []).append(value)
        elif tag == "textarea" and name:
            self._textarea = name
            form.types[name] = "textarea"
            form.offered.setdefault(name, [""])
            form.initial[name] = [""]

    def handle_endtag(self, tag):
        if tag == "select" and self._select:
            form = self.forms[-1]
            options = form.offered[self._select]
            if self._select not in form.initial and options:  # a browser sends the first
                form.initial[self._select] = [options[0]]
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea and self.forms:
            self.forms[-1].initial[self._textarea][0] += data


def read_forms(html: str) -> list[Form]:
    reader = FormReader()
    reader.feed(html)
    return reader.forms


def has_a_page(view_name: str) -> bool:
    return any(route.url_name == view_name and route.is_page for route in ROUTES)


def forms_to_fuzz(page_url: str, html: str) -> list[Form]:
    chosen = []
    for form in read_forms(html):
        target = form.action or page_url
        path = urlsplit(target).path
        try:
            match = resolve(path)
        except Resolver404:
            continue
        if match.view_name in NOT_FUZZED or "admin" in match.namespaces:
            continue
        posts_to_an_action = form.method == "post" and not has_a_page(match.view_name)
        if path == urlsplit(page_url).path or posts_to_an_action:
            form.action = target
            chosen.append(form)
    return chosen


def values_for(form: Form):
    """The form as the page filled it in, with one to three fields changed or left out."""
    names = sorted(name for name in form.offered if name != "csrfmiddlewaretoken")

    def new_value(name):
        hostile = HOSTILE_FOR_TYPE.get(form.types.get(name, "text"), TEXT)
        return st.one_of(
            st.sampled_from(hostile),
            st.text(max_size=40),
            st.sampled_from(form.offered[name] or [""]),
            st.none(),
        )

    @st.composite
    def data(draw):
        result = {name: list(values) for name, values in form.initial.items()}
        size = draw(st.sampled_from([1, 1, 1, 2, 3]))
        for name in draw(st.lists(st.sampled_from(names), min_size=1, max_size=size, unique=True)):
            value = draw(new_value(name))
            if value is None:
                result.pop(name, None)
            else:
                result[name] = [value]
        return result

    return data() if names else st.just(dict(form.initial))


def data_writes(queries) -> list[str]:
    return [
        query["sql"]
        for query in queries
        if query["sql"].split(" ", 1)[0] in ("INSERT", "UPDATE", "DELETE")
        and not any(table in query["sql"] for table in WRITES_ALLOWED_ON_REFUSAL)
    ]


def unsanitised_rich_text() -> list[str]:
    found = []
    for model in apps.get_models():
        for model_field in model._meta.concrete_fields:
            if isinstance(model_field, SanitizedHTMLField):
                for pk, value in model._default_manager.values_list("pk", model_field.attname):
                    if value and sanitize(value) != value:
                        found.append(f"{model.__name__} {pk}.{model_field.name}: {value[:80]!r}")
    return found


def fuzz(client, form: Form, role: str) -> None:
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(data=values_for(form))
    def send(data):
        send_as = client.post if form.method == "post" else client.get
        with CaptureQueriesContext(connection) as queries:
            response = send_as(form.action, data)
        what = f"{form.method.upper()} {form.action} as {role} with {data!r}"
        assert response.status_code < 500, what
        if 400 <= response.status_code < 500:
            assert data_writes(queries.captured_queries) == [], f"{what}: refused, but wrote"

    send()
    assert unsanitised_rich_text() == [], f"{form.method.upper()} {form.action} as {role}"


FUZZED_PAGES = [
    route
    for route in ROUTES
    if route.is_page and route.access not in (Access.STAFF, Access.FLOW_STEP, Access.VISITOR)
]


@pytest.mark.parametrize("route", route_params(FUZZED_PAGES))
def test_hostile_input_in_any_form_never_breaks_the_portal(route, world):
    role = route.user_role
    client = client_for(route, world, role)
    page_url = url_of(route, world)
    page = client.get(page_url)
    if page.status_code != 200 or "html" not in page.get("Content-Type", ""):
        pytest.skip(f"{route.name} is not a page for {role} ({page.status_code})")
    forms = forms_to_fuzz(page_url, page.text)
    if not forms:
        pytest.skip(f"{route.name} has no form of its own")
    for form in forms:
        fuzz(client, form, role)
