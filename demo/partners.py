"""The partnership as public sources describe it (the programme's project page and
the partners' own pages), for demo data.

Where a fact is not public, the text says "illustrative" rather than inventing precision.
"""

STAGE_NOTE = (
    "The placement on the three-stage ecosystem scale is illustrative: the project's public "
    "sources say the five regions span the whole scale without assigning each a stage."
)

# Each region's name in the portal's six languages (name_<language>; "name" is the English one),
# with the exonyms each language uses.
REGIONS = [
    {
        "slug": "pecs",
        "name": "Pécs (Hungary–Croatia border)",
        "name_it": "Pécs (confine ungherese-croato)",
        "name_hu": "Pécs (magyar–horvát határtérség)",
        "name_pl": "Pécs (pogranicze węgiersko-chorwackie)",
        "name_es": "Pécs (frontera entre Hungría y Croacia)",
        "name_lt": "Pečas (Vengrijos ir Kroatijos pasienis)",
        "country": "HU",
        "nuts_code": "HU231",
        "ecosystem_stage": 2,
        "latitude": "46.07270",
        "longitude": "18.23230",
        "profile": (
            "Baranya county and its centre Pécs lie on the Hungary–Croatia border. The lead "
            "partner, Pannon EGTC, brings together municipalities on both sides of the border "
            "and addresses the Interreg V-A Hungary–Croatia Cooperation Programme. Its action "
            "plan amended the cross-border SME support scheme with an SME preparedness test, a "
            "development plan and financial help, aimed at the 2021-27 calls."
        ),
    },
    {
        "slug": "lombardy",
        "name": "Lombardy",
        "name_it": "Lombardia",
        "name_hu": "Lombardia",
        "name_pl": "Lombardia",
        "name_es": "Lombardía",
        "name_lt": "Lombardija",
        "country": "IT",
        "nuts_code": "ITC4",
        "ecosystem_stage": 3,
        "latitude": "45.46420",
        "longitude": "9.19000",
        "profile": (
            "Small and medium-sized enterprises are the backbone of the Lombard economy. "
            "Unioncamere Lombardia, the regional union of chambers of commerce, chose with its "
            "stakeholders the Hungarian practice “Promoting Women Entrepreneurship” for "
            "transfer to Lombardy, and organised “Women 2027” with the association "
            "“Donne si fa Storia” to replicate it."
        ),
    },
    {
        "slug": "podkarpackie",
        "name": "Podkarpackie",
        "name_it": "Precarpazia",
        "name_hu": "Kárpátaljai vajdaság",
        "name_pl": "Podkarpackie",
        "name_es": "Subcarpacia",
        "name_lt": "Pakarpatės vaivadija",
        "country": "PL",
        "nuts_code": "PL82",
        "ecosystem_stage": 2,
        "latitude": "50.04120",
        "longitude": "21.99910",
        "profile": (
            "Poland's south-eastern region borders Slovakia and Ukraine. The Rzeszów Regional "
            "Development Agency and the Association of the Carpathian Euroregion Poland "
            "represent it. Its Situation Analysis Report is dated Rzeszów, 15 June 2020; its "
            "action plan led to the project “Young people working on their own” (EUR 432,808), "
            "entrepreneurship training for inactive people aged 18-29."
        ),
    },
    {
        "slug": "castilla-y-leon",
        "name": "Castilla y León (province of Burgos)",
        "name_it": "Castiglia e León (provincia di Burgos)",
        "name_hu": "Kasztília és León (Burgos tartomány)",
        "name_pl": "Kastylia i León (prowincja Burgos)",
        "name_es": "Castilla y León (provincia de Burgos)",
        "name_lt": "Kastilija ir Leonas (Burgoso provincija)",
        "country": "ES",
        "nuts_code": "ES412",
        "ecosystem_stage": 1,
        "latitude": "42.34390",
        "longitude": "-3.69690",
        "profile": (
            "The province of Burgos is largely rural. SODEBUR, the provincial development "
            "company, and CEEI Burgos work with rural entrepreneurs through a network of local "
            "business technicians. The action plan brings training programmes and financial "
            "instruments for the internationalisation of rural SMEs."
        ),
    },
    {
        "slug": "klaipeda",
        "name": "Klaipėda",
        "name_it": "Klaipėda",
        "name_hu": "Klaipėda",
        "name_pl": "Kłajpeda",
        "name_es": "Klaipėda",
        "name_lt": "Klaipėda",
        "country": "LT",
        "nuts_code": "LT023",
        "ecosystem_stage": 2,
        "latitude": "55.70330",
        "longitude": "21.14430",
        "profile": (
            "Lithuania's port city on the Baltic Sea. Klaipėda ID, the city development agency, "
            "and Klaipėda City Municipality added internationalisation criteria to the city's "
            "economic development strategy and launched a pre-accelerator programme. Its "
            "Situation Analysis Report was written by an external contractor in 2020."
        ),
    },
]

# An organisation keeps its official name in every language; name_<language> only where the
# organisation has an official name in that language.
ORGANISATIONS = [
    {
        "region": "pecs",
        "name": "Pannon European Grouping of Territorial Cooperation",
        "name_hu": "Pannon Európai Területi Társulás",
        "short_name": "Pannon EGTC",
        "kind": "lead",
        "city": "Pécs",
        "country": "HU",
    },
    {
        "region": "lombardy",
        "name": "Unioncamere Lombardia",
        "short_name": "Unioncamere Lombardia",
        "kind": "partner",
        "city": "Milan",
        "country": "IT",
    },
    {
        "region": "podkarpackie",
        "name": "Rzeszów Regional Development Agency",
        "name_pl": "Rzeszowska Agencja Rozwoju Regionalnego",
        "short_name": "RARR",
        "kind": "partner",
        "city": "Rzeszów",
        "country": "PL",
    },
    {
        "region": "podkarpackie",
        "name": "Association of the Carpathian Euroregion Poland",
        "name_pl": "Stowarzyszenie Euroregion Karpacki Polska",
        "short_name": "SEKP",
        "kind": "partner",
        "city": "Rzeszów",
        "country": "PL",
    },
    {
        "region": "castilla-y-leon",
        "name": "Sociedad para el Desarrollo de la Provincia de Burgos",
        "short_name": "SODEBUR",
        "kind": "partner",
        "city": "Burgos",
        "country": "ES",
    },
    {
        "region": "castilla-y-leon",
        "name": "CEEI Burgos",
        "short_name": "CEEI Burgos",
        "kind": "partner",
        "city": "Burgos",
        "country": "ES",
    },
    {
        "region": "klaipeda",
        "name": "Klaipėda ID",
        "short_name": "Klaipėda ID",
        "kind": "partner",
        "city": "Klaipėda",
        "country": "LT",
    },
    {
        "region": "klaipeda",
        "name": "Klaipėda City Municipality",
        "name_lt": "Klaipėdos miesto savivaldybė",
        "short_name": "Klaipėda City",
        "kind": "partner",
        "city": "Klaipėda",
        "country": "LT",
    },
    {
        "region": None,
        "name": "Association of European Border Regions",
        "short_name": "AEBR",
        "kind": "advisory",
        "city": "Berlin",
        "country": "DE",
    },
]

INSTRUMENTS = [
    {
        "region": "pecs",
        "name": "Interreg V-A Hungary–Croatia Cooperation Programme 2014-2020",
        "managing_authority": "Prime Minister's Office, Hungary",
        "kind": "etc",
        "period": "2014-2020",
        "status": "improved",
        "improvement": (
            "Cross-border SME support reached few firms ready to work across the border. The "
            "action plan amended the support scheme with an SME preparedness test, a "
            "development plan and financial help, aimed at the Hungary–Croatia 2021-27 calls."
        ),
    },
    {
        "region": "lombardy",
        "name": "Regional Operational Programme ERDF Lombardy 2014-2020 (illustrative)",
        "managing_authority": "Lombardy Region (illustrative)",
        "kind": "operational",
        "period": "2014-2020",
        "status": "monitoring",
        "improvement": (
            "Illustrative: the instrument Unioncamere Lombardia addressed was not found in "
            "public sources. The region's interest is the transfer of the Hungarian practice "
            "“Promoting Women Entrepreneurship” to strengthen women-led SMEs abroad."
        ),
    },
    {
        "region": "podkarpackie",
        "name": "Operational Programme Knowledge Education Development 2014-2020",
        "managing_authority": "Ministry of Development Funds and Regional Policy, Poland",
        "kind": "operational",
        "period": "2014-2020",
        "status": "improved",
        "improvement": (
            "Young people outside work and education were rarely reached by entrepreneurship "
            "support. The action plan led to the project “Young people working on their own” "
            "(EUR 432,808): entrepreneurship training for inactive people aged 18-29."
        ),
    },
    {
        "region": "castilla-y-leon",
        "name": "Strategic Plan for the province of Burgos 2021-2025",
        "managing_authority": "Provincial Council of Burgos (SODEBUR)",
        "kind": "strategy",
        "period": "2021-2025",
        "status": "monitoring",
        "improvement": (
            "Rural SMEs lack the skills and finance to sell abroad. The action plan adds "
            "training programmes and financial instruments for the internationalisation of "
            "rural SMEs."
        ),
    },
    {
        "region": "klaipeda",
        "name": "Klaipėda Economic Development Strategy 2030",
        "managing_authority": "Klaipėda City Municipality",
        "kind": "strategy",
        "period": "2017-2030",
        "status": "improved",
        "improvement": (
            "The strategy did not weigh internationalisation when supporting firms. The action "
            "plan added internationalisation criteria to it and a pre-accelerator programme."
        ),
    },
]

STAKEHOLDERS = [
    {"region": "klaipeda", "organisation_name": "Enterprise Lithuania", "kind": "agency"},
    {"region": "lombardy", "organisation_name": "Donne si fa Storia", "kind": "other"},
]

# The one organisation per region whose demo editor and viewer accounts are seeded.
DEMO_ACCOUNT_ORGANISATION = {
    "pecs": "Pannon EGTC",
    "lombardy": "Unioncamere Lombardia",
    "podkarpackie": "RARR",
    "castilla-y-leon": "SODEBUR",
    "klaipeda": "Klaipėda ID",
}
