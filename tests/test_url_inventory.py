"""Every URL pattern of the project is declared in the URL registry (tests/harness/registry.py),
and the registry declares nothing that no longer exists: the security and accessibility tests
generated from it then cover every page and action."""

from django.urls import URLPattern, URLResolver, get_resolver

from tests.harness.registry import ROUTES, UNNAMED_PATTERNS


def url_patterns(patterns=None, prefix="", namespace=""):
    """Yield `(route, full name or None, namespace)` for every URL pattern, recursively."""
    if patterns is None:
        patterns = get_resolver().url_patterns
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}{pattern.namespace}:"
            yield from url_patterns(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}{pattern.name}" if pattern.name else None
            yield prefix + str(pattern.pattern), name, namespace


def _declared(name: str | None, namespace: str) -> bool:
    for entry in ROUTES:
        if entry.is_namespace and namespace.startswith(entry.name):
            return True
        if name is not None and entry.name == name:
            return True
    return False


def test_every_url_pattern_is_declared_in_the_registry():
    missing = [
        f"{name}  ({route})"
        for route, name, namespace in url_patterns()
        if name is not None and not _declared(name, namespace)
    ]
    assert not missing, "URL patterns missing from tests/harness/registry.py:\n" + "\n".join(
        missing
    )


def test_every_unnamed_url_pattern_is_whitelisted_or_in_a_declared_namespace():
    unnamed = [
        route
        for route, name, namespace in url_patterns()
        if name is None and not _declared(None, namespace) and route not in UNNAMED_PATTERNS
    ]
    assert not unnamed, (
        "Unnamed URL patterns: name them and declare them in tests/harness/registry.py, or "
        "whitelist them in UNNAMED_PATTERNS with a reason:\n" + "\n".join(unnamed)
    )


def test_the_registry_declares_no_url_that_no_longer_exists():
    names = {name for _route, name, _namespace in url_patterns() if name}
    namespaces = {namespace for _route, _name, namespace in url_patterns() if namespace}
    stale = [
        entry.name
        for entry in ROUTES
        if (entry.name not in namespaces if entry.is_namespace else entry.name not in names)
    ]
    assert not stale, "Registry entries naming no URL pattern any more:\n" + "\n".join(stale)


def test_the_registry_declares_each_url_once():
    names = [entry.name for entry in ROUTES]
    assert len(names) == len(set(names)), sorted(n for n in names if names.count(n) > 1)
