"""The partnership's real timeline, from its public sources, and a few example events ahead.

Dates are those of the sources; times of day are not public and are indicative. Only Burgos'
study visit has no public date at all: its date is illustrative and its summary says so.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

from events.models import Event, EventFormat, EventKind, EventStatus
from events.services import event_save
from partners.models import PartnerOrganisation, Region
from practices.models import GoodPractice

ALL_REGIONS = ["pecs", "lombardy", "podkarpackie", "castilla-y-leon", "klaipeda"]


def _at(zone: str, *args) -> datetime:
    return datetime(*args, tzinfo=ZoneInfo(zone))


EVENTS = [
    {
        "slug": "kick-off-meeting-zamardi-2019",
        "title": "Kick-off meeting in Zamárdi",
        "kind": EventKind.KICK_OFF,
        "host_region": "pecs",
        "host_organisation": "Pannon EGTC",
        "regions": ALL_REGIONS,
        "format": EventFormat.IN_PERSON,
        "status": EventStatus.HELD,
        "planned_place": "Zamárdi, Hungary",
        "actual_place": "Zamárdi, Hungary",
        "timezone": "Europe/Budapest",
        "starts_at": ("Europe/Budapest", 2019, 10, 1, 9, 0),
        "ends_at": ("Europe/Budapest", 2019, 10, 2, 13, 0),
        "summary": (
            "The partnership's first meeting, hosted by the lead partner Pannon EGTC on the shore "
            "of Lake Balaton. The partners presented the regional policy instruments they aim to "
            "improve."
        ),
        "agenda": (
            "<ol><li>Welcome by the lead partner, Pannon EGTC</li>"
            "<li>Presentation of each region's policy instrument</li>"
            "<li>Work plan: Situation Analysis Reports, study visits, action plans</li></ol>"
        ),
        "outcomes": (
            "<p>Each partner presented its policy instrument; the partnership agreed to start "
            "with a Situation Analysis Report per region.</p>"
        ),
    },
    {
        "slug": "thematic-study-visit-burgos-2020",
        "title": "Thematic study visit to Burgos",
        "kind": EventKind.STUDY_VISIT,
        "host_region": "castilla-y-leon",
        "host_organisation": "SODEBUR",
        "regions": ALL_REGIONS,
        "format": EventFormat.ONLINE,
        "status": EventStatus.MOVED_ONLINE,
        "planned_place": "Burgos",
        "actual_place": "Online",
        "timezone": "Europe/Madrid",
        "starts_at": ("Europe/Madrid", 2020, 10, 15, 10, 0),
        "ends_at": ("Europe/Madrid", 2020, 10, 15, 13, 0),
        "summary": (
            "Planned as a visit to the province of Burgos, it was moved online because of the "
            "pandemic, as one of three online meetings that replaced the 2020 study visits. "
            "The exact date is not public: the date shown is an illustrative date."
        ),
        "agenda": "",
        "outcomes": (
            "<p>The visit to Burgos was replaced by an online meeting, one of the three that "
            "replaced the 2020 study visits.</p>"
        ),
    },
    {
        "slug": "thematic-study-visit-klaipeda-2020",
        "title": "2nd thematic study visit, hosted by Klaipėda",
        "kind": EventKind.STUDY_VISIT,
        "host_region": "klaipeda",
        "host_organisation": "Klaipėda ID",
        "regions": ALL_REGIONS,
        "format": EventFormat.ONLINE,
        "status": EventStatus.MOVED_ONLINE,
        "planned_place": "Klaipėda",
        "actual_place": "Online",
        "timezone": "Europe/Vilnius",
        "starts_at": ("Europe/Vilnius", 2020, 11, 19, 10, 0),
        "ends_at": ("Europe/Vilnius", 2020, 11, 19, 14, 0),
        "summary": (
            "Planned in Klaipėda, the second thematic study visit was hosted online because of "
            "the pandemic. Local SMEs presented their experience, with Enterprise Lithuania."
        ),
        "agenda": (
            "<ul><li>Klaipėda's support for SMEs</li>"
            "<li>Local SMEs present their experience abroad</li>"
            "<li>Enterprise Lithuania's services</li></ul>"
        ),
        "outcomes": (
            "<p>Local SMEs and Enterprise Lithuania presented their experience to the partners "
            "online instead of on site.</p>"
        ),
    },
    {
        "slug": "women-2027-brussels-2020",
        "title": "Women 2027",
        "kind": EventKind.CONFERENCE,
        "host_region": "lombardy",
        "host_organisation": "Unioncamere Lombardia",
        "regions": ["lombardy", "pecs"],
        "format": EventFormat.IN_PERSON,
        "status": EventStatus.HELD,
        "planned_place": "Unioncamere Lombardia's Brussels office",
        "actual_place": "Unioncamere Lombardia's Brussels office",
        "timezone": "Europe/Brussels",
        "starts_at": ("Europe/Brussels", 2020, 11, 18, 9, 30),
        "ends_at": ("Europe/Brussels", 2020, 11, 20, 13, 0),
        "summary": (
            "Organised by Unioncamere Lombardia with the association “Donne si fa Storia”, to "
            "replicate in Lombardy the Hungarian practice “Promoting Women Entrepreneurship”. "
            "Dates as the article gives them; other sources date a first edition on "
            "21-22 November 2019 in Brussels and a second one online on 25-26 February 2021."
        ),
        "agenda": "",
        "outcomes": (
            "<p>A step in the transfer of the Hungarian women-entrepreneurship practice, which "
            "Unioncamere Lombardia and its stakeholders chose for Lombardy.</p>"
        ),
    },
    {
        "slug": "closing-conference-pecs-2022",
        "title": "Closing conference “Encouraging the international cooperation of SMEs”",
        "kind": EventKind.CONFERENCE,
        "host_region": "pecs",
        "host_organisation": "Pannon EGTC",
        "regions": ALL_REGIONS,
        "format": EventFormat.HYBRID,
        "status": EventStatus.HELD,
        "planned_place": "Kodály Centre, Pécs",
        "actual_place": "Kodály Centre, Pécs",
        "timezone": "Europe/Budapest",
        "starts_at": ("Europe/Budapest", 2022, 11, 3, 9, 0),
        "ends_at": ("Europe/Budapest", 2022, 11, 3, 17, 0),
        "summary": (
            "The closing conference of the project's first phase and the final partner meeting, "
            "in person at the Kodály Centre and online."
        ),
        "agenda": (
            "<ol><li>Closing conference: encouraging the international cooperation of SMEs</li>"
            "<li>Final partner meeting</li></ol>"
        ),
        "outcomes": (
            "<p>The partnership presented its work on encouraging the international "
            "cooperation of SMEs and held its final partner meeting.</p>"
        ),
    },
    # Examples ahead, to try registration and the waiting list: not real events.
    {
        "slug": "example-stakeholder-meeting-milan-2027",
        "title": "Example event: stakeholder-group meeting on export support",
        "kind": EventKind.STAKEHOLDERS,
        "host_region": "lombardy",
        "host_organisation": "Unioncamere Lombardia",
        "regions": ["lombardy"],
        "format": EventFormat.IN_PERSON,
        "status": EventStatus.PLANNED,
        "planned_place": "Milan",
        "actual_place": "",
        "timezone": "Europe/Rome",
        "starts_at": ("Europe/Rome", 2027, 3, 10, 10, 0),
        "ends_at": ("Europe/Rome", 2027, 3, 10, 13, 0),
        "capacity": 30,
        "registration_deadline": ("Europe/Rome", 2027, 3, 5, 18, 0),
        "summary": "Example event for the demo: not a real meeting.",
        "agenda": "<ul><li>Monitoring of the action plan</li><li>Discussion</li></ul>",
        "outcomes": "",
    },
    {
        "slug": "example-webinar-klaipeda-2027",
        "title": "Example event: webinar on finding partners abroad",
        "kind": EventKind.WEBINAR,
        "host_region": "klaipeda",
        "host_organisation": "Klaipėda ID",
        "regions": ALL_REGIONS,
        "format": EventFormat.ONLINE,
        "status": EventStatus.PLANNED,
        "planned_place": "Online",
        "actual_place": "",
        "timezone": "Europe/Vilnius",
        "starts_at": ("Europe/Vilnius", 2027, 4, 15, 11, 0),
        "ends_at": ("Europe/Vilnius", 2027, 4, 15, 12, 30),
        "capacity": 2,
        "registration_deadline": None,
        "summary": (
            "Example event for the demo, with only two seats so that the waiting list can be "
            "tried: not a real webinar."
        ),
        "agenda": "",
        "outcomes": "",
    },
    {
        "slug": "example-interregional-meeting-rzeszow-2027",
        "title": "Example event: interregional meeting in Rzeszów",
        "kind": EventKind.INTERREGIONAL,
        "host_region": "podkarpackie",
        "host_organisation": "RARR",
        "regions": ALL_REGIONS,
        "format": EventFormat.HYBRID,
        "status": EventStatus.PLANNED,
        "planned_place": "Rzeszów",
        "actual_place": "",
        "timezone": "Europe/Warsaw",
        "starts_at": ("Europe/Warsaw", 2027, 5, 20, 9, 0),
        "ends_at": ("Europe/Warsaw", 2027, 5, 21, 13, 0),
        "capacity": 25,
        "registration_deadline": ("Europe/Warsaw", 2027, 5, 10, 23, 59),
        "summary": "Example event for the demo: not a real meeting.",
        "agenda": "",
        "outcomes": "",
    },
]


# Good practices presented at events. Women 2027 is the public record; the two examples ahead
# are as illustrative as those events.
EVENT_PRACTICES = {
    "women-2027-brussels-2020": ["promoting-women-entrepreneurship"],
    "example-stakeholder-meeting-milan-2027": [
        "lombardy-vouchers-international-fairs",
        "lombardy-digital-export-training",
    ],
    "example-webinar-klaipeda-2027": ["hungary-croatia-business-partner-meetings"],
}


def link_event_practices() -> None:
    """Link the demo events to the practices presented there (after `seed_practices`); links
    are only added, so partners' own changes stay."""
    for event_slug, practice_slugs in EVENT_PRACTICES.items():
        event = Event.objects.filter(slug=event_slug).first()
        if event is not None:
            event.practices.add(*GoodPractice.objects.filter(slug__in=practice_slugs))


def seed_events() -> int:
    """Create each event once (by slug); an event that exists is left as partners made it.

    Returns how many events were created.
    """
    created = 0
    for row in EVENTS:
        if Event.objects.filter(slug=row["slug"]).exists():
            continue
        row = dict(row)
        region_slugs = row.pop("regions")
        host_region = Region.objects.get(slug=row.pop("host_region"))
        organisation = PartnerOrganisation.objects.filter(
            short_name=row.pop("host_organisation"), region=host_region
        ).first()
        deadline = row.pop("registration_deadline", None)
        event = Event(
            **{
                **row,
                "host_region": host_region,
                "host_organisation": organisation,
                "starts_at": _at(*row["starts_at"]),
                "ends_at": _at(*row["ends_at"]),
                "registration_deadline": _at(*deadline) if deadline else None,
                "is_published": True,
            }
        )
        event_save(event=event, regions=Region.objects.filter(slug__in=region_slugs))
        created += 1
    return created
