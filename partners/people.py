"""How a person is named on a page, in one place (`person_label`; in templates the filter
`{{ person|person_label:names_shown }}` of the `people` tag library).

Privacy by default: without `names_shown` (a visitor: anyone who is not a partner of the
object's region nor a coordinator) a person is only their organisation, never a name or an
email address. The region's partners and the coordinators read "Name (Organisation)". Someone
who deleted their account is "a former partner of <organisation>" to everyone.

The organisation comes from prefetched memberships (`partners.selectors.attach_organisations`
or `people_with_organisations`), so a list of people costs one query, not one per row.
"""

from django.utils.translation import gettext as _

from .models import User


def person_label(person: User | None, *, names_shown: bool = False) -> str:
    if person is None:
        return _("a former user")
    organisation = person.organisation
    if person.erased_at is not None:
        if organisation is None:
            return _("a former user")
        return _("a former partner of %(organisation)s") % {"organisation": organisation.name}
    if not names_shown:
        if organisation is not None:
            return organisation.name
        return _("a coordinator") if person.is_coordinator else _("a partner")
    if organisation is None:
        return str(person)
    return _("%(name)s (%(organisation)s)") % {"name": person, "organisation": organisation.name}
