"""The `any_of` lookup: an integer column's value is in a list passed as one parameter."""

from partners.models import Region


def test_any_of_keeps_the_rows_whose_id_is_in_the_list(db):
    regions = [
        Region.objects.create(name=name, slug=name.lower(), country="IT")
        for name in ("Alpha", "Beta", "Gamma")
    ]
    wanted = [regions[0].pk, regions[2].pk]
    found = Region.objects.filter(pk__any_of=wanted).order_by("name")
    assert [region.name for region in found] == ["Alpha", "Gamma"]


def test_any_of_an_empty_list_keeps_nothing(db):
    Region.objects.create(name="Alpha", slug="alpha", country="IT")
    assert not Region.objects.filter(pk__any_of=[]).exists()


def test_any_of_sends_a_long_list_as_one_parameter(db):
    sql, params = Region.objects.filter(pk__any_of=range(1, 1001)).query.sql_with_params()
    assert len(params) == 1
    assert sql.count("%s") == 1
