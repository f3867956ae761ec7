"""Whatever HTML a browser sends for a section, the report page shows only the allowed
formatting: no script, no event handler, no dangerous link survives the save."""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from interventures.richtext import ALLOWED_ATTRIBUTES, ALLOWED_TAGS
from reports.services import section_save

XSS_CORPUS = {
    "script": '<script>alert("xss-script")</script>',
    "img onerror": '<img src=x onerror=alert("xss-img")>',
    "javascript link": '<a href="javascript:alert(1)">js link</a>',
    "mixed-case javascript link": '<a href="JaVaScRiPt:alert(1)">mixed case</a>',
    "javascript link with spaces": '<a href="  javascript:alert(1)">spaces</a>',
    "javascript link with a tab entity": '<a href="jav&#x09;ascript:alert(1)">tab</a>',
    "data link": '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>',
    "svg script": '<svg><script>alert("svg-script")</script></svg>',
    "svg onload": "<svg onload=alert(1)>",
    "iframe": '<iframe src="https://evil.example/frame"></iframe>',
    "object": '<object data="https://evil.example/x.swf"></object>',
    "embed": '<embed src="https://evil.example/x.swf">',
    "style element": "<style>body{background:url(javascript:alert(1))}</style>",
    "style attribute": '<p style="background:url(javascript:alert(1))">styled</p>',
    "css expression": '<p style="width: expression(alert(1))">expr</p>',
    "math link": '<math href="javascript:alert(1)">CLICKME</math>',
    "form action": '<form action="https://evil.example/steal"><button>go</button></form>',
    "meta refresh": '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    "p onclick": '<p onclick="alert(1)">click</p>',
    "td onmouseover": "<table><tr><td onmouseover=alert(1)>cell</td></tr></table>",
    "http link": '<a href="http://plain.example/">http link</a>',
    "noscript breakout": '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "html comment": "<!--<script>alert(1)</script>-->",
    # Unclosed: it swallows whatever follows, so it comes last.
    "math mutation": "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
}
XSS_BODY = "".join(XSS_CORPUS.values())

ALLOWED_FORMATTING = (
    "<h3>Findings</h3>"
    "<h4>Ports</h4>"
    "<p><strong>Bold claim</strong> and <em>careful nuance</em>.<br>Next line.</p>"
    "<ul><li>first bullet</li></ul>"
    "<ol><li>first step</li></ol>"
    "<blockquote>A quoted stakeholder.</blockquote>"
    '<table><thead><tr><th colspan="2">Strengths</th></tr></thead>'
    "<tbody><tr><td>ports</td><td>fairs</td></tr></tbody></table>"
    '<p><a href="https://www.interregeurope.eu/inter-ventures/">the project</a> '
    '<a href="mailto:info@interventures.example">write to us</a></p>'
)


class ContentAudit(HTMLParser):
    """Every tag, attribute and link in a piece of HTML, as a browser would parse it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.attributes, self.hrefs = set(), set(), []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        for name, value in attrs:
            self.attributes.add((tag, name))
            if name == "href":
                self.hrefs.append(value)


def section_content(page: str, key: str = "opportunities") -> str:
    """The rendered text of one section of the report page (its `prose` block)."""
    section = page.split(f'id="section-{key}"')[1].split("</section>")[0]
    match = re.search(r'<div class="prose"[^>]*>(.*?)</div>', section, re.S)
    assert match, f"section {key} shows no text"
    return match.group(1)


def assert_harmless(content: str) -> None:
    audit = ContentAudit()
    audit.feed(content)
    assert audit.tags <= ALLOWED_TAGS, audit.tags - ALLOWED_TAGS
    for tag, name in audit.attributes:
        assert name in ALLOWED_ATTRIBUTES.get(tag, ()) or (tag, name) == ("a", "rel"), (tag, name)
    assert all(href.startswith(("https://", "mailto:")) for href in audit.hrefs), audit.hrefs
    lowered = content.lower()
    for needle in (
        "<script",
        "<img",
        "<svg",
        "<iframe",
        "<object",
        "<embed",
        "<style",
        "<math",
        "<form",
        "<meta",
        "<!--",
        "onerror=",
        "onload=",
        "onclick=",
        "onmouseover=",
        "javascript:",
        "data:",
        "expression(",
        "style=",
        "http://",
    ):
        assert needle not in lowered, f"{needle!r} survived: {content}"


def page_of(client, report) -> str:
    response = client.get(reverse("reports:report_detail", kwargs={"pk": report.pk}))
    assert response.status_code == 200
    return response.text


# --- through the service --------------------------------------------------------------------


@pytest.mark.parametrize("payload", XSS_CORPUS.values(), ids=XSS_CORPUS.keys())
def test_a_hostile_payload_saved_through_the_service_does_not_survive(
    login, report_a, section_a, owner, payload
):
    section_save(
        section=section_a,
        author=owner,
        body=f"<p>Before.</p>{payload}<p>After.</p>",
        base_version=1,
    )

    content = section_content(page_of(login(owner), report_a))

    assert "<p>Before.</p>" in content
    assert_harmless(content)


def test_the_whole_corpus_at_once_does_not_survive_on_the_public_page(
    login, report_a, section_a, owner
):
    section_save(section=section_a, author=owner, body=XSS_BODY, base_version=1)
    report_a.status = "approved"
    report_a.save(update_fields=["status"])

    assert_harmless(section_content(page_of(login(None), report_a)))


# --- through the section editor -------------------------------------------------------------


def test_a_hostile_text_posted_to_the_section_editor_does_not_survive(
    login, report_a, section_a, owner
):
    client = login(owner)
    response = client.post(
        reverse("reports:section_edit", kwargs={"pk": report_a.pk, "key": section_a.key}),
        {"body": f"<p>Before.</p>{XSS_BODY}<p>After.</p>", "base_version": 1},
    )
    assert response.status_code == 302

    content = section_content(page_of(client, report_a))

    assert "<p>Before.</p>" in content
    assert_harmless(content)
    section_a.refresh_from_db()
    assert "javascript:" not in section_a.body.lower()


def test_an_autosaved_draft_is_sanitised_too(login, report_a, section_a, owner):
    client = login(owner)
    client.post(
        reverse("reports:section_autosave", kwargs={"pk": report_a.pk, "key": section_a.key}),
        {"body": XSS_BODY, "base_version": 1},
    )

    draft = section_a.drafts.get()

    assert_harmless(draft.body)


def test_the_conflict_page_shows_no_hostile_text_outside_the_editor(
    login, report_a, section_a, owner
):
    section_save(section=section_a, author=owner, body="<p>Newer text.</p>", base_version=1)

    response = login(owner).post(
        reverse("reports:section_edit", kwargs={"pk": report_a.pk, "key": section_a.key}),
        {"body": XSS_BODY, "base_version": 1},
    )

    assert response.status_code == 409
    # The writer's own text is only inside the (escaped) editor; the diff and the current
    # text are shown as HTML.
    shown = response.text.split('id="conflict"')[1].split('class="form section-form"')[0]
    assert "<p>Newer text.</p>" in shown
    for needle in ("<script", "<img", "<svg", "<iframe", "javascript:", "onerror="):
        assert needle not in shown.lower()


# --- what is allowed stays ------------------------------------------------------------------


def test_allowed_formatting_survives_the_save(login, report_a, section_a, owner):
    section_save(section=section_a, author=owner, body=ALLOWED_FORMATTING, base_version=1)

    content = section_content(page_of(login(owner), report_a))

    for fragment in (
        "<h3>Findings</h3>",
        "<h4>Ports</h4>",
        "<strong>Bold claim</strong>",
        "<em>careful nuance</em>",
        "<br>",
        "<ul><li>first bullet</li></ul>",
        "<ol><li>first step</li></ol>",
        "<blockquote>A quoted stakeholder.</blockquote>",
        '<th colspan="2">Strengths</th>',
        "<td>ports</td><td>fairs</td>",
        'href="https://www.interregeurope.eu/inter-ventures/"',
        'href="mailto:info@interventures.example"',
    ):
        assert fragment in content, fragment
    assert_harmless(content)


def test_links_open_without_handing_the_page_to_the_target(login, report_a, section_a, owner):
    section_save(section=section_a, author=owner, body=ALLOWED_FORMATTING, base_version=1)

    content = section_content(page_of(login(owner), report_a))

    assert content.count('rel="noopener noreferrer nofollow"') == 2
