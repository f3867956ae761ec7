"""The partnership's good practices, from its public sources, and the transfers between regions.

Three practices per region, 15 in all. Three are publicly known by name ("Promoting Women
Entrepreneurship", "Financial support for SMEs", "Network of business and entrepreneurship
management technicians"); others follow the regions' action plans. Where a detail is not in the
public sources (a title, a year, a figure, a stage date) the text says "illustrative".
"""

from datetime import UTC, date, datetime

from django.db import transaction
from django.utils.text import slugify

from partners.models import PartnerOrganisation, Region
from practices.models import (
    GoodPractice,
    InstrumentType,
    PracticeStatus,
    Progress,
    Theme,
    Transfer,
    TransferStage,
)

THEMES = [
    "Access to finance",
    "Export promotion",
    "Women's entrepreneurship",
    "Youth entrepreneurship",
    "Training and skills",
    "Business advisory networks",
    "Cross-border cooperation",
    "Clusters",
    "Digitalisation",
    "Rural SMEs",
]

# The themes' names in the other five languages, as the fields' own terms (name_<language>).
THEME_TRANSLATIONS = {
    "Access to finance": {
        "it": "Accesso al credito",
        "hu": "Finanszírozáshoz jutás",
        "pl": "Dostęp do finansowania",
        "es": "Acceso a la financiación",
        "lt": "Finansavimo prieinamumas",
    },
    "Export promotion": {
        "it": "Promozione dell'export",
        "hu": "Exportösztönzés",
        "pl": "Promocja eksportu",
        "es": "Promoción de las exportaciones",
        "lt": "Eksporto skatinimas",
    },
    "Women's entrepreneurship": {
        "it": "Imprenditoria femminile",
        "hu": "Női vállalkozói tevékenység",
        "pl": "Przedsiębiorczość kobiet",
        "es": "Emprendimiento femenino",
        "lt": "Moterų verslumas",
    },
    "Youth entrepreneurship": {
        "it": "Imprenditoria giovanile",
        "hu": "Fiatalok vállalkozói tevékenysége",
        "pl": "Przedsiębiorczość młodzieży",
        "es": "Emprendimiento juvenil",
        "lt": "Jaunimo verslumas",
    },
    "Training and skills": {
        "it": "Formazione e competenze",
        "hu": "Képzés és készségfejlesztés",
        "pl": "Szkolenia i umiejętności",
        "es": "Formación y competencias",
        "lt": "Mokymas ir įgūdžiai",
    },
    "Business advisory networks": {
        "it": "Reti di consulenza alle imprese",
        "hu": "Vállalkozói tanácsadó hálózatok",
        "pl": "Sieci doradztwa biznesowego",
        "es": "Redes de asesoramiento empresarial",
        "lt": "Verslo konsultavimo tinklai",
    },
    "Cross-border cooperation": {
        "it": "Cooperazione transfrontaliera",
        "hu": "Határon átnyúló együttműködés",
        "pl": "Współpraca transgraniczna",
        "es": "Cooperación transfronteriza",
        "lt": "Tarpvalstybinis bendradarbiavimas",
    },
    "Clusters": {
        "it": "Cluster",
        "hu": "Klaszterek",
        "pl": "Klastry",
        "es": "Clústeres",
        "lt": "Klasteriai",
    },
    "Digitalisation": {
        "it": "Digitalizzazione",
        "hu": "Digitalizáció",
        "pl": "Cyfryzacja",
        "es": "Digitalización",
        "lt": "Skaitmeninimas",
    },
    "Rural SMEs": {
        "it": "PMI rurali",
        "hu": "Vidéki kkv-k",
        "pl": "MŚP na obszarach wiejskich",
        "es": "Pymes rurales",
        "lt": "Kaimo MVĮ",
    },
}

ILLUSTRATIVE = "Illustrative: details not given in the public sources are examples."


def _theme_slug(name: str) -> str:
    return slugify(name.replace("'", ""))


PRACTICES = [
    # --- Pécs / Hungary–Croatia border ---------------------------------------------------------
    {
        "slug": "promoting-women-entrepreneurship",
        "title": "Promoting Women Entrepreneurship",
        "region": "pecs",
        "owner": "Pannon EGTC",
        "location": "Hungary",
        "instrument_type": InstrumentType.GRANT,
        "themes": ["Women's entrepreneurship", "Training and skills", "Access to finance"],
        "summary": (
            "Grants for self-employment, training courses, employment support and promotional "
            "events that strengthen the entrepreneurial mindset of women."
        ),
        "description": (
            "<p>The practice combines four instruments for women who want to start or grow a "
            "business: grants for self-employment, training courses, employment support and "
            "promotional events that strengthen the entrepreneurial mindset of women.</p>"
        ),
        "evidence_of_success": (
            "<p>Unioncamere Lombardia, with its regional stakeholders, chose the practice for "
            "transfer to Lombardy.</p>"
        ),
        "potential_for_transfer": (
            "<p>The mix of money, skills and visibility can be reproduced by chambers of "
            "commerce and regional agencies elsewhere; Lombardy replicated it through the "
            "“Women 2027” event.</p>"
        ),
        "start_year": None,
    },
    {
        "slug": "sme-preparedness-test-cross-border-support",
        "title": "SME preparedness test for cross-border support",
        "region": "pecs",
        "owner": "Pannon EGTC",
        "location": "Hungary–Croatia border area",
        "instrument_type": InstrumentType.ADVISORY,
        "themes": ["Cross-border cooperation", "Business advisory networks", "Access to finance"],
        "summary": (
            "A preparedness test that shows an SME whether it is ready to work across the "
            "border, followed by a development plan and financial help, aimed at the "
            "Hungary–Croatia 2021-27 calls."
        ),
        "description": (
            "<p>The amended cross-border SME support scheme of the Pécs action plan starts with "
            "a preparedness test; firms that pass it draw up a development plan and can apply "
            "for financial help under the Hungary–Croatia 2021-27 programme.</p>"
            f"<p>{ILLUSTRATIVE}</p>"
        ),
        "potential_for_transfer": (
            "<p>Any border region's programme can screen applicants before funding them.</p>"
        ),
        "start_year": 2022,
    },
    {
        "slug": "hungary-croatia-business-partner-meetings",
        "title": "Hungary–Croatia business partner meetings",
        "region": "pecs",
        "owner": "Pannon EGTC",
        "location": "Pécs and Osijek (illustrative)",
        "instrument_type": InstrumentType.EVENT,
        "themes": ["Cross-border cooperation", "Export promotion"],
        "summary": (
            "Matchmaking days where small firms from both sides of the Hungary–Croatia border "
            "meet potential partners and suppliers. Illustrative example of a practice."
        ),
        "description": (
            "<p>Short bilateral meetings prepared in advance from the firms' profiles, with "
            f"interpreters.</p><p>{ILLUSTRATIVE}</p>"
        ),
        "start_year": 2018,
    },
    # --- Lombardy ------------------------------------------------------------------------------
    {
        "slug": "chamber-system-internationalisation-services",
        "title": "Internationalisation services of the Lombardy chamber system",
        "region": "lombardy",
        "owner": "Unioncamere Lombardia",
        "location": "Lombardy, Italy",
        "instrument_type": InstrumentType.ADVISORY,
        "themes": ["Export promotion", "Business advisory networks"],
        "summary": (
            "The chambers of commerce of Lombardy, coordinated by Unioncamere Lombardia, give "
            "SMEs first advice on foreign markets, information on rules abroad and help with "
            "trade missions."
        ),
        "description": (
            "<p>One entry point per province leads SMEs to the chamber system's services for "
            f"internationalisation.</p><p>{ILLUSTRATIVE}</p>"
        ),
        "potential_for_transfer": (
            "<p>Regions with a network of chambers or agencies can organise a single entry "
            "point in the same way.</p>"
        ),
    },
    {
        "slug": "lombardy-vouchers-international-fairs",
        "title": "Vouchers for SMEs at international fairs",
        "region": "lombardy",
        "owner": "Unioncamere Lombardia",
        "location": "Lombardy, Italy",
        "instrument_type": InstrumentType.GRANT,
        "themes": ["Export promotion", "Access to finance"],
        "summary": (
            "Small grants that cover part of the cost of an SME's first stand at an "
            "international fair. Illustrative example of a practice."
        ),
        "description": f"<p>{ILLUSTRATIVE}</p>",
    },
    {
        "slug": "lombardy-digital-export-training",
        "title": "Digital export training for SMEs",
        "region": "lombardy",
        "owner": "Unioncamere Lombardia",
        "location": "Lombardy, Italy",
        "instrument_type": InstrumentType.TRAINING,
        "themes": ["Digitalisation", "Training and skills", "Export promotion"],
        "summary": (
            "Short courses on selling abroad online: marketplaces, digital marketing and "
            "cross-border e-commerce rules. Illustrative example of a practice."
        ),
        "description": f"<p>{ILLUSTRATIVE}</p>",
    },
    # --- Podkarpackie --------------------------------------------------------------------------
    {
        "slug": "young-people-working-on-their-own",
        "title": "Young people working on their own",
        "region": "podkarpackie",
        "owner": "RARR",
        "location": "Podkarpackie, Poland",
        "instrument_type": InstrumentType.TRAINING,
        "themes": ["Youth entrepreneurship", "Training and skills"],
        "summary": (
            "Entrepreneurship training for inactive young people aged 18-29, a project of "
            "EUR 432,808 that came out of the Podkarpackie action plan."
        ),
        "description": (
            "<p>Participants learn to prepare a business idea and to run a small firm; the "
            "project was funded under the Operational Programme Knowledge Education "
            "Development 2014-2020.</p>"
        ),
        "resources_needed": "<p>EUR 432,808.</p>",
        "start_year": 2022,
    },
    {
        "slug": "carpathian-euroregion-business-cooperation",
        "title": "Carpathian Euroregion business cooperation",
        "region": "podkarpackie",
        "owner": "SEKP",
        "location": "Polish–Slovak–Ukrainian border area",
        "instrument_type": InstrumentType.ADVISORY,
        "themes": ["Cross-border cooperation", "Clusters"],
        "summary": (
            "The Association of the Carpathian Euroregion Poland brings together firms, "
            "municipalities and business support organisations across the borders of the "
            "Carpathian area. Illustrative example of a practice."
        ),
        "description": f"<p>{ILLUSTRATIVE}</p>",
    },
    {
        "slug": "podkarpackie-loans-for-smes",
        "title": "Loans for small firms going abroad",
        "region": "podkarpackie",
        "owner": "RARR",
        "location": "Podkarpackie, Poland",
        "instrument_type": InstrumentType.FINANCIAL,
        "themes": ["Access to finance", "Export promotion"],
        "summary": (
            "Preferential loans from a regional fund for SMEs that invest in selling abroad. "
            "Illustrative example of a practice."
        ),
        "description": f"<p>{ILLUSTRATIVE}</p>",
    },
    # --- Castilla y León (province of Burgos) --------------------------------------------------
    {
        "slug": "network-business-entrepreneurship-technicians",
        "title": "Network of business and entrepreneurship management technicians",
        "region": "castilla-y-leon",
        "owner": "SODEBUR",
        "location": "Province of Burgos, Spain",
        "instrument_type": InstrumentType.ADVISORY,
        "themes": ["Rural SMEs", "Business advisory networks"],
        "summary": (
            "A network of local technicians of SODEBUR, the Burgos provincial development "
            "company, who advise entrepreneurs in the province's rural areas."
        ),
        "description": (
            "<p>Technicians based in the rural areas of the province help entrepreneurs with "
            "their business plans, funding and the paperwork of starting a firm, close to where "
            "they live.</p>"
        ),
        "potential_for_transfer": (
            "<p>Sparsely populated regions can bring advice to entrepreneurs instead of asking "
            "them to travel to the city.</p>"
        ),
    },
    {
        "slug": "burgos-training-rural-smes-internationalisation",
        "title": "Training for the internationalisation of rural SMEs",
        "region": "castilla-y-leon",
        "owner": "SODEBUR",
        "location": "Province of Burgos, Spain",
        "instrument_type": InstrumentType.TRAINING,
        "themes": ["Rural SMEs", "Training and skills", "Export promotion"],
        "summary": (
            "Training programmes that prepare rural SMEs of the province of Burgos to sell "
            "abroad, one of the actions of the Burgos action plan."
        ),
        "description": f"<p>{ILLUSTRATIVE}</p>",
    },
    {
        "slug": "burgos-financial-instruments-rural-smes",
        "title": "Financial instruments for rural SMEs going international",
        "region": "castilla-y-leon",
        "owner": "CEEI Burgos",
        "location": "Province of Burgos, Spain",
        "instrument_type": InstrumentType.FINANCIAL,
        "themes": ["Rural SMEs", "Access to finance"],
        "summary": (
            "Financial instruments for the internationalisation of rural SMEs, the second "
            "strand of the Burgos action plan."
        ),
        "description": f"<p>{ILLUSTRATIVE}</p>",
    },
    # --- Klaipėda ------------------------------------------------------------------------------
    {
        "slug": "financial-support-for-smes-klaipeda",
        "title": "Financial support for SMEs",
        "region": "klaipeda",
        "owner": "Klaipėda City",
        "location": "Klaipėda, Lithuania",
        "instrument_type": InstrumentType.GRANT,
        "themes": ["Access to finance"],
        "summary": (
            "Municipal support for SMEs under the city's economic development strategy, "
            "with calls in 2019-2020."
        ),
        "description": (
            "<p>Klaipėda City Municipality supports small and medium-sized firms through calls "
            "for proposals under the Klaipėda Economic Development Strategy.</p>"
        ),
        "progress": Progress.FINISHED,
        "start_year": 2019,
        "end_year": 2020,
    },
    {
        "slug": "klaipeda-pre-accelerator",
        "title": "Pre-accelerator programme for start-ups",
        "region": "klaipeda",
        "owner": "Klaipėda ID",
        "location": "Klaipėda, Lithuania",
        "instrument_type": InstrumentType.TRAINING,
        "themes": ["Youth entrepreneurship", "Training and skills", "Export promotion"],
        "summary": (
            "A pre-accelerator of Klaipėda ID that prepares early-stage teams to test their "
            "product on foreign markets, from the Klaipėda action plan."
        ),
        "description": f"<p>{ILLUSTRATIVE}</p>",
    },
    {
        "slug": "klaipeda-internationalisation-criteria",
        "title": "Internationalisation criteria in the city's economic strategy",
        "region": "klaipeda",
        "owner": "Klaipėda ID",
        "location": "Klaipėda, Lithuania",
        "instrument_type": InstrumentType.STRATEGY,
        "themes": ["Export promotion", "Clusters"],
        "summary": (
            "Internationalisation criteria added to the Klaipėda Economic Development "
            "Strategy 2030, so that support measures reward firms that work abroad."
        ),
        "description": f"<p>{ILLUSTRATIVE}</p>",
    },
]

TRANSFERS = [
    {
        "practice": "promoting-women-entrepreneurship",
        "region": "lombardy",
        "stage": TransferStage.ADOPTED,
        "started_on": date(2020, 11, 18),
        "notes": (
            "Unioncamere Lombardia, with its regional stakeholders, chose the Hungarian practice "
            "for transfer. The “Women 2027” event (18-20 November 2020, Unioncamere "
            "Lombardia's Brussels office, with the association “Donne si fa Storia”) was "
            "organised to replicate it in Lombardy."
        ),
    },
    {
        "practice": "klaipeda-pre-accelerator",
        "region": "podkarpackie",
        "stage": TransferStage.STUDY,
        "notes": "Illustrative: an example of a transfer at the study stage.",
    },
    {
        "practice": "network-business-entrepreneurship-technicians",
        "region": "klaipeda",
        "stage": TransferStage.INTEREST,
        "notes": "Illustrative: an example of a transfer at the interest stage.",
    },
    {
        "practice": "chamber-system-internationalisation-services",
        "region": "pecs",
        "stage": TransferStage.STUDY,
        "notes": "Illustrative: an example of a transfer at the study stage.",
    },
    {
        "practice": "young-people-working-on-their-own",
        "region": "castilla-y-leon",
        "stage": TransferStage.INTEREST,
        "notes": "Illustrative: an example of a transfer at the interest stage.",
    },
]


@transaction.atomic
def seed_practices() -> int:
    """Create the themes, each practice once (by slug) and each transfer once.

    A practice that exists is left as the partners made it. Returns how many practices were
    created.
    """
    themes = {}
    for name in THEMES:
        translations = {f"name_{lang}": text for lang, text in THEME_TRANSLATIONS[name].items()}
        themes[name], _ = Theme.objects.update_or_create(
            slug=_theme_slug(name), defaults={"name_en": name, **translations}
        )
    regions = {region.slug: region for region in Region.objects.all()}
    created = 0
    for number, row in enumerate(PRACTICES):
        if GoodPractice.objects.filter(slug=row["slug"]).exists():
            continue
        row = dict(row)
        theme_names = row.pop("themes")
        region = regions[row.pop("region")]
        owner = PartnerOrganisation.objects.get(short_name=row.pop("owner"), region=region)
        practice = GoodPractice.objects.create(
            **row,
            region=region,
            owner=owner,
            main_institution=owner.name,
            status=PracticeStatus.PUBLISHED,
            published_at=datetime(2021, 6, 1 + number, 9, 0, tzinfo=UTC),
        )
        practice.themes.set([themes[name] for name in theme_names])
        created += 1
    for row in TRANSFERS:
        Transfer.objects.get_or_create(
            practice=GoodPractice.objects.get(slug=row["practice"]),
            region=regions[row["region"]],
            defaults={
                "stage": row["stage"],
                "started_on": row.get("started_on"),
                "notes": row["notes"],
            },
        )
    return created
