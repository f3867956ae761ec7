import pytest

from tests.i18n.pseudo import pseudo_english


@pytest.fixture
def pseudo():
    """Pseudo-English for the test: ask for it before `world`, so that labels frozen into the
    sample objects are marked too (and so not taken for content)."""
    with pseudo_english():
        yield
