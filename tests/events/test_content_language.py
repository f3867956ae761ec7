"""Text written in another language than the page's carries `lang`, so that screen readers
pronounce it right; text in the page's own language carries nothing extra."""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from tests.events.test_pages import detail_url
from tests.harness import factories

SUMMARY = "Vállalkozó nők képzése és mentorálása."


@pytest.fixture
def hungarian_practice(region_a):
    return factories.make_practice(
        region_a, title="Női vállalkozók támogatása", summary=SUMMARY, language="hu"
    )


@pytest.fixture
def hungarian_event(region_a):
    return factories.make_event(
        region_a, title="Nőnapi üzleti fórum", summary="Üzleti fórum nőknek.", language="hu"
    )


class LanguageOfText(HTMLParser):
    """Reads a page and answers the language each text is in: the nearest `lang` around it."""

    VOID = {"br", "img", "input", "meta", "link", "hr", "source", "wbr"}

    def __init__(self, html: str):
        super().__init__()
        self.stack: list[tuple[str, str | None]] = []
        self.texts: list[tuple[str, str | None]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append((tag, dict(attrs).get("lang")))

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data):
        if any(tag == "main" for tag, _lang in self.stack):  # not the <title>
            language = next((lang for _tag, lang in reversed(self.stack) if lang), None)
            self.texts.append((data, language))

    def languages_of(self, text: str) -> set[str | None]:
        return {language for data, language in self.texts if text in data}


def marked_hungarian(html: str, text: str) -> bool:
    """Whether the text is in the page's main part, each time inside lang="hu"."""
    return LanguageOfText(html).languages_of(text) == {"hu"}


def test_a_hungarian_practice_on_an_english_page_is_marked_hungarian(login, hungarian_practice):
    html = login(None).get(hungarian_practice.get_absolute_url()).text

    assert marked_hungarian(html, "Női vállalkozók támogatása")
    assert marked_hungarian(html, SUMMARY)


def test_a_hungarian_practice_on_the_hungarian_page_needs_no_mark(login, hungarian_practice):
    html = login(None).get("/hu" + hungarian_practice.get_absolute_url()).text

    assert marked_hungarian(html, SUMMARY)  # by the page itself: <html lang="hu">
    # <html> and the switcher's own "HU" (hreflang="hu" of the alternate links is no language mark)
    assert len(re.findall(r'(?<![a-z])lang="hu"', html)) == 2


def test_the_practice_list_marks_a_hungarian_title_and_summary(login, hungarian_practice):
    html = login(None).get(reverse("practices:practice_list")).text

    assert marked_hungarian(html, "Női vállalkozók támogatása")
    assert marked_hungarian(html, SUMMARY)


def test_a_hungarian_event_is_marked_on_its_page_the_list_and_the_home_page(login, hungarian_event):
    for url in (detail_url(hungarian_event), reverse("events:event_list"), reverse("home")):
        html = login(None).get(url).text
        assert marked_hungarian(html, "Nőnapi üzleti fórum"), url
    assert marked_hungarian(login(None).get(detail_url(hungarian_event)).text, "Üzleti fórum")


def test_an_english_event_on_the_hungarian_page_is_marked_english(login, region_a):
    event = factories.make_event(region_a, title="Export day in Milan")

    html = login(None).get("/hu" + detail_url(event)).text

    assert re.search(r'<h1 lang="en">Export day in Milan</h1>', html)


def test_the_region_page_marks_a_hungarian_practice(login, region_a, hungarian_practice):
    html = login(None).get(region_a.get_absolute_url()).text

    assert marked_hungarian(html, "Női vállalkozók támogatása")


def test_a_hungarian_report_title_is_marked_in_the_report_list_and_page(login, region_a):
    report = factories.make_report(
        region_a, status="approved", title="Helyzetelemzés", language="hu"
    )

    for url in (reverse("reports:report_list"), report.get_absolute_url()):
        assert marked_hungarian(login(None).get(url).text, "Helyzetelemzés"), url
