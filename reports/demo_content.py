"""Demo Situation Analysis Reports, written from the partnership's public sources (the
programme's project page, the partners' pages and an Italian article on the project).

Figures marked "illustrative" are not from the project's public sources.
"""

REPORTS = {
    "pecs": {
        "title": "Situation Analysis Report: Pécs and the Hungary–Croatia border",
        "reference_period": "2014-2020",
        "status": "in_review",
        "sections": {
            "executive_summary": (
                "<p>This report describes the conditions for the internationalisation of "
                "small and medium-sized enterprises (SMEs) in Pécs, Baranya county and "
                "the wider Hungarian–Croatian border area. It was prepared by Pannon "
                "EGTC, the lead partner of INTER VENTURES, and its final draft is dated "
                "25 February 2021. Like the reports of the other four partner regions, it "
                "aims to give a clear, detailed and realistic picture of the "
                "opportunities, resources, challenges, barriers and public support for "
                "SME internationalisation, and it is the basis on which the region's "
                "action plan will be prepared.</p>"
                "<p>The policy instrument addressed is the Interreg V-A Hungary–Croatia "
                "Cooperation Programme 2014-2020. The programme has financed cross-border "
                "cooperation along the border for several years, but the analysis finds "
                "that its support for SMEs reaches few firms that are genuinely ready to "
                "work with partners on the other side. Many enterprises enter "
                "cross-border projects without a clear view of their own capacities, of "
                "the neighbouring market or of the commitments a project involves, which "
                "limits what the projects achieve.</p>"
                "<h3>Main conclusions</h3>"
                "<ul><li>Cross-border cooperation is well established between "
                "institutions (local governments, chambers, the EGTC itself) but much "
                "less so between firms.</li>"
                "<li>Language, differences in regulation, taxation and currency, and a "
                "limited knowledge of the neighbouring market are the barriers SMEs cite "
                "most often.</li>"
                "<li>Support should begin before the grant: firms need an assessment of "
                "their readiness and a development plan, and only then financial "
                "help.</li>"
                "<li>The preparation of the 2021-27 programming period is the moment to "
                "build these steps into the next Hungary–Croatia calls.</li></ul>"
                "<p>On the project's three-stage scale of ecosystem maturity (1 "
                "occasional cross-border cooperation, 2 structured network, 3 "
                "international clusterisation) the report places the area at stage 2, a "
                "structured network. This placement is illustrative: the project's public "
                "sources say that the five regions span the whole scale but do not assign "
                "a stage to each.</p>"
            ),
            "regional_context": (
                "<p>Pécs is the centre of Baranya county in southern Hungary and lies a "
                "short distance from the Croatian border, which in this section largely "
                "follows the Drava river. On both sides the border area is mainly rural, "
                "made up of small towns and villages, with Pécs as the main urban, "
                "university and service centre. The city was a European Capital of "
                "Culture in 2010, and culture, higher education and health services "
                "remain important to its economy.</p>"
                "<p>Hungary and Croatia are both members of the European Union, and firms "
                "on either side trade within the single market. At the time of writing, "
                "however, Croatia is not yet part of the Schengen area and uses its own "
                "currency, the kuna, while Hungary uses the forint. Crossing the border "
                "therefore still involves checks, and every cross-border transaction "
                "involves two currencies, two tax systems and two languages that are "
                "unrelated to each other.</p>"
                "<h3>The partner and the policy instrument</h3>"
                "<p>Pannon EGTC is a European Grouping of Territorial Cooperation based "
                "in Pécs which brings together local governments from the border area. "
                "The partnership's kick-off meeting took place in Zamárdi, Hungary, on "
                "1-2 October 2019, where each partner presented the policy instrument it "
                "intends to improve. For this region the instrument is the Interreg V-A "
                "Hungary–Croatia Cooperation Programme 2014-2020, which funds joint "
                "projects of organisations on both sides of the border, including "
                "projects that support the cooperation of SMEs.</p>"
            ),
            "sme_ecosystem": (
                "<p>The enterprise base of the border area is dominated by micro and "
                "small firms, many of them family businesses in agriculture and food "
                "processing, wine, tourism and hospitality, construction and local "
                "services. The Villány wine district in Baranya and the cultural offer of "
                "Pécs give the area recognisable products, but most firms work for the "
                "local or national market. Larger manufacturing employers are few, and "
                "supplier relations with them are a limited route to international "
                "markets.</p>"
                "<p>Cross-border business contacts exist, but they are mostly occasional: "
                "a supplier found through personal acquaintance, a one-off tourism "
                "package, participation in a fair. The stakeholders consulted estimate "
                "that around one SME in twenty has a regular business partner on the "
                "other side of the border; this figure is illustrative and not drawn from "
                "a statistical source.</p>"
                "<h3>Who supports SMEs</h3>"
                "<ul><li>the county chamber of commerce and industry, which offers "
                "information, training and business-matching events;</li>"
                "<li>the University of Pécs, a source of skilled graduates and applied "
                "research;</li>"
                "<li>local governments and Pannon EGTC, which have long experience of "
                "cross-border projects and know their Croatian counterparts;</li>"
                "<li>national business-development and export-promotion bodies, whose "
                "services are available to firms in the region but are seldom tailored to "
                "the border.</li></ul>"
                "<p>The result is a structured network of institutions that know each "
                "other and have worked together, and a much thinner layer of firms that "
                "actually do business across the border.</p>"
            ),
            "opportunities": (
                "<p>The first opportunity is the neighbouring market itself. For a small "
                "firm in Baranya, a customer across the Drava is closer than Budapest, "
                "and the Croatian coast attracts large numbers of visitors every year. "
                "Food, wine, crafts and tourism services from both sides of the border "
                "are complementary, and joint offers (cross-border routes, combined "
                "packages, shared promotion) can reach markets that neither side could "
                "reach alone.</p>"
                "<p>The second is timing. The Hungary–Croatia programme is being prepared "
                "for the 2021-27 period, and the lessons of INTER VENTURES can still "
                "shape how its calls support SMEs. The partners' experience during the "
                "pandemic, when study visits were replaced by online meetings, also shows "
                "that many contacts can be prepared and maintained at a distance, which "
                "lowers the cost of a first step across the border.</p>"
                "<h3>Learning from the partnership</h3>"
                "<p>The good practices exchanged in the project offer ready models. The "
                "Hungarian practice “Promoting Women Entrepreneurship”, which combines "
                "grants for self-employment, training courses, employment support and "
                "promotional events, has already been chosen by Unioncamere Lombardia for "
                "transfer to Lombardy; its approach of coupling money with training and "
                "mentoring is equally relevant to cross-border support in the home "
                "region.</p>"
            ),
            "resources": (
                "<p>The area's main resource for internationalisation is its "
                "institutional experience of cross-border cooperation. Local governments, "
                "the chamber and Pannon EGTC have prepared and run projects with Croatian "
                "partners, know the programme's rules and have contacts on the other "
                "side. This is a significant asset: it means that SMEs do not have to "
                "build a partnership from nothing.</p>"
                "<ul><li><strong>Knowledge:</strong> the University of Pécs and "
                "vocational schools provide graduates with language and business skills, "
                "although too few of them speak Croatian.</li>"
                "<li><strong>Networks:</strong> the regional stakeholder group set up for "
                "INTER VENTURES brings together the organisations that design or "
                "implement SME support in the area.</li>"
                "<li><strong>Territory:</strong> wine, gastronomy, cultural heritage and "
                "nature on both sides of the border are resources that can be promoted "
                "jointly at a scale that suits small firms.</li>"
                "<li><strong>Funding:</strong> the cross-border programme itself, "
                "alongside national and EU instruments for SMEs.</li></ul>"
                "<p>What is missing is not so much money or institutions as a way of "
                "preparing individual firms to use them.</p>"
            ),
            "challenges": (
                "<p>The challenges are structural and shared by both sides of the border. "
                "Firms are small, often run by the owner alone, and lack the management "
                "time and skills needed to plan an entry into a new market. Young people "
                "with qualifications tend to move to larger cities, which makes it harder "
                "for firms to hire staff with language and export skills.</p>"
                "<p>Access to finance is a further challenge. Interreg projects reimburse "
                "expenditure after it has been incurred and checked, so participating "
                "firms must pre-finance their share of the work. For a micro enterprise "
                "this can be the decisive obstacle, and it favours the few firms that "
                "already have reserves.</p>"
                "<p>Finally, 2020 brought the COVID-19 pandemic. Tourism and hospitality, "
                "important on both sides of the border, lost much of their business, "
                "border crossings were restricted for long periods, and many firms "
                "postponed any plans to expand. The recovery will compete for the "
                "attention of owners who might otherwise have considered cross-border "
                "projects.</p>"
            ),
            "barriers": (
                "<p>Whereas the challenges above concern the capacity of firms in "
                "general, the barriers below are specific to doing business across this "
                "border.</p>"
                "<ol><li><strong>Language.</strong> Hungarian and Croatian are unrelated "
                "languages; few business owners speak the other's language, and English "
                "is not yet a common working language for small firms in the area.</li>"
                "<li><strong>Rules and taxation.</strong> Company law, tax, labour and "
                "product rules differ, and firms lack a single place where they can get "
                "practical answers about the other country.</li>"
                "<li><strong>Currency and border.</strong> Two currencies add cost and "
                "exchange risk, and border checks add time to the delivery of goods and "
                "services.</li>"
                "<li><strong>Information.</strong> SMEs know little about potential "
                "customers and partners on the other side, and there is no shared "
                "partner-search tool.</li>"
                "<li><strong>Administration.</strong> The application and reporting "
                "requirements of cross-border projects are demanding for small firms, "
                "which often depend on consultants to apply.</li></ol>"
            ),
            "public_support": (
                "<p>The central instrument is the Interreg V-A Hungary–Croatia "
                "Cooperation Programme 2014-2020. It funds joint projects in which "
                "organisations from both countries work together, and it has supported "
                "actions for the cooperation of SMEs. Its calls, however, assume that "
                "participating firms are ready to cooperate; they do not assess that "
                "readiness beforehand or help firms build it. Information on the "
                "programme and on Interreg in general is available from "
                '<a href="https://www.interregeurope.eu/">Interreg Europe</a> and the '
                "programme's own bodies.</p>"
                "<p>Alongside the programme, SMEs can use national support for business "
                "development and exports, the services of the chamber of commerce and "
                'industry, and the <a href="https://een.ec.europa.eu/">Enterprise Europe '
                "Network</a>, which helps firms find partners abroad. These services are "
                "general: none of them is designed around the needs of firms whose first "
                "foreign market lies a few kilometres away across the border.</p>"
                "<h3>Assessment</h3>"
                "<p>Public support in the area is substantial, but it is fragmented and "
                "starts too late in a firm's path. The gap the report identifies lies "
                "between information, which is plentiful, and grants, which require a "
                "maturity many firms do not have.</p>"
            ),
            "swot": (
                "<table><thead><tr><th>Strengths</th><th>Weaknesses</th><th>Opportunities"
                "</th><th>Threats</th></tr></thead>"
                "<tbody><tr><td><ul><li>Long institutional experience of cross-border "
                "cooperation</li>"
                "<li>Pannon EGTC as a standing cross-border body</li>"
                "<li>University and chamber in Pécs</li>"
                "<li>Complementary products: wine, food, tourism</li></ul>"
                "</td><td><ul><li>Few firms with regular partners across the border</li>"
                "<li>Small firm size and limited management capacity</li>"
                "<li>Weak knowledge of the neighbour's language</li>"
                "<li>Difficulty pre-financing project costs</li></ul>"
                "</td><td><ul><li>Hungary–Croatia programme for 2021-27 in "
                "preparation</li>"
                "<li>Joint tourism and food offers</li>"
                "<li>Good practices from the partnership</li>"
                "<li>Online tools for first contacts</li></ul>"
                "</td><td><ul><li>Slow recovery of tourism after the pandemic</li>"
                "<li>Outflow of young, skilled people</li>"
                "<li>Administrative burden deterring applicants</li>"
                "<li>Support that keeps reaching the same few firms</li></ul>"
                "</td></tr></tbody></table>"
            ),
            "recommendations": (
                "<p>The recommendations are addressed first to the bodies that prepare "
                "the Hungary–Croatia programme for 2021-27, and second to the regional "
                "stakeholder group that will follow the action plan.</p>"
                "<ol><li><strong>Introduce an SME preparedness test.</strong> Before "
                "applying, a firm should assess its readiness for cross-border work: its "
                "products, capacity, languages, finances and motivation.</li>"
                "<li><strong>Require and support a development plan.</strong> Firms that "
                "pass the test should prepare, with an adviser, a short plan for their "
                "cross-border activity, which the support then follows.</li>"
                "<li><strong>Link financial help to the plan.</strong> Grants, and where "
                "possible advance payments, should finance the steps of the plan rather "
                "than isolated activities.</li>"
                "<li><strong>Offer practical information in both languages.</strong> A "
                "shared help desk or guide on rules, tax and partner search would lower "
                "the barriers listed above.</li>"
                "<li><strong>Monitor who is reached.</strong> The programme should record "
                "how many first-time applicants it supports, not only how many projects "
                "it funds.</li></ol>"
                "<blockquote><p>The aim is not more support, but support that begins "
                "where firms actually are.</p></blockquote>"
            ),
        },
        "indicators": [
            {
                "name": "Total budget of INTER VENTURES (all partners)",
                "value": "1376708",
                "unit": "EUR",
                "year": 2019,
                "source": "INTER VENTURES project page, Interreg Europe programme",
            },
            {
                "name": "ERDF contribution to INTER VENTURES",
                "value": "1151955.30",
                "unit": "EUR",
                "year": 2019,
                "source": "INTER VENTURES project page, Interreg Europe programme",
            },
            {
                "name": "Ecosystem maturity stage (self-assessment)",
                "value": "2",
                "unit": "stage (1-3)",
                "year": 2021,
                "source": (
                    "Illustrative figure for the demo (public sources assign no stage to each "
                    "region)"
                ),
            },
            {
                "name": "SMEs with a regular business partner across the border",
                "value": "5",
                "unit": "%",
                "year": 2019,
                "source": "Illustrative figure for the demo",
            },
            {
                "name": "Members of the regional stakeholder group",
                "value": "11",
                "unit": "organisations",
                "year": 2020,
                "source": "Illustrative figure for the demo",
            },
        ],
        "comments": [
            {
                "author": "coordinator",
                "section": "barriers",
                "body": (
                    "In the first draft the barriers repeated much of the challenges section. "
                    "Please keep general capacity issues under challenges and the obstacles "
                    "specific to this border under barriers."
                ),
                "resolved": True,
            },
            {
                "author": "coordinator",
                "section": "sme_ecosystem",
                "body": (
                    "Where does the share of firms with a partner across the border come "
                    "from? If there is no statistical source, say it is illustrative in the "
                    "text and in the indicator."
                ),
                "resolved": True,
            },
            {
                "author": "editor",
                "section": "sme_ecosystem",
                "body": (
                    "It is the stakeholders' estimate, not a statistic. Marked as "
                    "illustrative in both places."
                ),
                "resolved": True,
            },
            {
                "author": "viewer",
                "section": "recommendations",
                "body": (
                    "Could the draft preparedness test be shown to the Croatian members of "
                    "the stakeholder group before the action plan is written? Their firms "
                    "would take it too."
                ),
                "resolved": False,
            },
            {
                "author": "coordinator",
                "section": None,
                "body": (
                    "Final draft of 25 February 2021 received. I am checking it against the "
                    "common structure and will come back on the recommendations."
                ),
                "resolved": False,
            },
        ],
        "transitions": [
            {
                "actor": "editor",
                "from": "draft",
                "to": "in_review",
                "reason": "",
            },
            {
                "actor": "coordinator",
                "from": "in_review",
                "to": "changes_requested",
                "reason": (
                    "Please separate the challenges from the barriers and mark every figure "
                    "without a source as illustrative."
                ),
            },
            {
                "actor": "editor",
                "from": "changes_requested",
                "to": "in_review",
                "reason": "Final draft of 25 February 2021, with the requested changes.",
            },
        ],
    },
    "lombardy": {
        "title": "Situation Analysis Report: Lombardy",
        "reference_period": "2014-2019",
        "status": "draft",
        "sections": {
            "executive_summary": (
                "<p><em>Working draft. The sections on opportunities, resources, "
                "challenges, barriers, public support, the SWOT and the recommendations "
                "will be written after the next meeting of the regional "
                "stakeholders.</em></p>"
                "<p>Small and medium-sized enterprises are the backbone of the Lombard "
                "economy. This report, prepared by "
                '<a href="https://www.unioncamerelombardia.it/">Unioncamere '
                "Lombardia</a>, the regional union of chambers of commerce, describes the "
                "conditions in which they internationalise. It is Lombardy's contribution "
                "to INTER VENTURES, a project funded by the "
                '<a href="https://www.interregeurope.eu/">Interreg Europe</a> programme '
                "and started in August 2019, whose purpose is to support SMEs, stimulate "
                "their growth and strengthen their ability to internationalise and expand "
                "into new markets.</p>"
                "<p>Lombardy differs from the other partner regions in scale: it is "
                "Italy's largest regional economy, and many of its firms already sell "
                "abroad. On the project's three-stage scale of ecosystem maturity (1 "
                "occasional cross-border cooperation, 2 structured network, 3 "
                "international clusterisation) this draft places it at stage 3. The "
                "placement is illustrative: the project's public sources do not assign a "
                "stage to each region. The question for Lombardy is therefore less "
                "whether its SMEs internationalise than which of them are left out.</p>"
                "<h3>Focus of this report</h3>"
                "<ul><li>the gap between internationalised firms and the many micro and "
                "small firms that remain focused on the domestic market;</li>"
                "<li>women's entrepreneurship, where the region has chosen, together with "
                "its stakeholders, to learn from the Hungarian good practice “Promoting "
                "Women Entrepreneurship”;</li>"
                "<li>the role of the chamber system as a facilitator, in the region and "
                "through its office in Brussels.</li></ul>"
                "<p>The policy instrument that this report will inform is still to be "
                "confirmed with the regional stakeholders and is not named in this "
                "draft.</p>"
            ),
            "regional_context": (
                "<p>Lombardy lies in northern Italy between the Alps and the Po, with "
                "Milan as its capital. To the north it borders Switzerland (the cantons "
                "of Ticino and Graubünden), and the border area has a long tradition of "
                "daily commuting and trade across the frontier. The region is densely "
                "populated and densely industrialised, and Milan is one of Europe's main "
                "centres for finance, fashion, design and trade fairs, served by "
                "international airports and by rail links to the rest of Europe.</p>"
                "<p>Its economy is organised to a large extent in territorial systems of "
                "small firms: industrial districts and supply chains in mechanical "
                "engineering, textiles and clothing, furniture, chemicals and agri-food, "
                "often concentrated in particular provinces. These systems have made "
                "Lombardy an exporting region, but they also mean that its fortunes "
                "depend on international demand and on the ability of small suppliers to "
                "keep pace with the changes of their markets.</p>"
                "<h3>A border region in a wider sense</h3>"
                "<p>Compared with the other partners, Lombardy's border dimension is not "
                "limited to the Swiss frontier. Its firms work every day across European "
                "and global markets, and the regional chamber system keeps an office in "
                "Brussels to follow EU policy and to connect Lombard enterprises with "
                "European partners. For INTER VENTURES this makes Lombardy a source of "
                "experience in clusterisation as well as a learner in areas, such as "
                "women's entrepreneurship, where other regions have tested approaches it "
                "lacks.</p>"
            ),
            "sme_ecosystem": (
                "<p>SMEs make up the great majority of Lombard enterprises, and micro "
                "firms with fewer than ten employees make up the great majority of SMEs. "
                "Alongside medium-sized exporters that are leaders in their niches, there "
                "is a large population of craft, trade and service businesses that sell "
                "locally. In this draft we assume, as an illustrative figure to be "
                "replaced with chamber data, that about one SME in five exports "
                "regularly.</p>"
                "<p>Support for internationalisation is comparatively dense. The chambers "
                "of commerce offer information, training, export-readiness checks and "
                "business missions; trade associations, banks and consultants offer their "
                "own services; national agencies promote Italian products abroad. The "
                "difficulty for a small firm is less the absence of services than finding "
                "its way among them and having the time to use them.</p>"
                "<h3>Women's entrepreneurship</h3>"
                "<p>Women's entrepreneurship is the area in which the regional "
                "stakeholders see the clearest room for improvement, both in the creation "
                "of new firms and in their growth beyond the local market. With its "
                "stakeholders, Unioncamere Lombardia has chosen the Hungarian practice "
                "“Promoting Women Entrepreneurship”, which combines grants for "
                "self-employment, training courses, employment support and promotional "
                "events to strengthen the entrepreneurial mindset of women, as the good "
                "practice to transfer to Lombardy. To start the transfer, it will hold "
                "the event “Women 2027” at its Brussels office from 18 to 20 November "
                "2020, together with the association “Donne si fa Storia”.</p>"
            ),
            "opportunities": "",
            "resources": "",
            "challenges": "",
            "barriers": "",
            "public_support": "",
            "swot": "",
            "recommendations": "",
        },
        "indicators": [
            {
                "name": "Ecosystem maturity stage (self-assessment)",
                "value": "3",
                "unit": "stage (1-3)",
                "year": 2020,
                "source": (
                    "Illustrative figure for the demo (public sources assign no stage to each "
                    "region)"
                ),
            },
            {
                "name": "SMEs that export regularly",
                "value": "20",
                "unit": "%",
                "year": 2019,
                "source": ("Illustrative figure for the demo (to be replaced with chamber data)"),
            },
            {
                "name": "Length of the event “Women 2027” in Brussels",
                "value": "3",
                "unit": "days",
                "year": 2020,
                "source": (
                    "Unioncamere Lombardia, article on INTER VENTURES (18-20 November 2020)"
                ),
            },
        ],
        "comments": [
            {
                "author": "viewer",
                "section": "sme_ecosystem",
                "body": (
                    "The draft dates “Women 2027” to 18-20 November 2020, as our article "
                    "does. Other sources mention a first edition in Brussels on 21-22 "
                    "November 2019 and a second one online on 25-26 February 2021. Which "
                    "dates should the report use?"
                ),
                "resolved": False,
            },
            {
                "author": "editor",
                "section": "sme_ecosystem",
                "body": (
                    "For now we keep the article's dates. I have asked the Brussels office to "
                    "confirm the editions and will correct the paragraph and the indicator "
                    "together."
                ),
                "resolved": False,
            },
            {
                "author": "coordinator",
                "section": "executive_summary",
                "body": (
                    "The summary says the policy instrument is still to be confirmed. Please "
                    "name it before you submit the report for review: the action plan has to "
                    "improve one identified instrument."
                ),
                "resolved": False,
            },
            {
                "author": "editor",
                "section": "executive_summary",
                "body": (
                    "Agreed. We are confirming it with the regional stakeholders and will "
                    "then write the public support section around it."
                ),
                "resolved": False,
            },
        ],
        "transitions": [],
    },
    "podkarpackie": {
        "title": "Situation Analysis Report: Podkarpackie",
        "reference_period": "2014-2019",
        "status": "approved",
        "sections": {
            "executive_summary": (
                "<p>This Situation Analysis Report describes the conditions for the "
                "internationalisation of small and medium-sized enterprises (SMEs) in "
                "Podkarpackie, Poland's south-eastern region on the borders with Slovakia "
                "and Ukraine. It was prepared by the Rzeszów Regional Development Agency "
                "together with the Association of the Carpathian Euroregion Poland as "
                "their contribution to INTER VENTURES, an "
                '<a href="https://www.interregeurope.eu/">Interreg Europe</a> project '
                "that started on 1 August 2019. The report is dated Rzeszów, 15 June "
                "2020.</p>"
                "<p>Following the structure agreed by the partnership, it sets out the "
                "opportunities, resources, challenges, barriers and public support that "
                "shape the ability of the region's SMEs to work beyond their home market. "
                "Its central finding is that Podkarpackie has solid frameworks for "
                "cross-border cooperation and a number of internationally active "
                "industries, but that the base of new entrepreneurs is narrow: in "
                "particular, young people who are neither working nor studying are rarely "
                "reached by entrepreneurship support, although they are the pool from "
                "which new, outward-looking firms could grow.</p>"
                "<h3>Key messages</h3>"
                "<ul><li>The region has two international borders of different kinds: an "
                "internal EU border with Slovakia and an external EU border with "
                "Ukraine.</li>"
                "<li>Cross-border cooperation is organised, notably through the "
                "Carpathian Euroregion, but firms take part in it far less than "
                "institutions do.</li>"
                "<li>The policy instrument addressed, the Operational Programme Knowledge "
                "Education Development 2014-2020, can be improved by opening "
                "entrepreneurship support to inactive young people.</li></ul>"
                "<p>On the project's three-stage scale of ecosystem maturity (1 "
                "occasional cross-border cooperation, 2 structured network, 3 "
                "international clusterisation) the report places Podkarpackie at stage 2. "
                "This is an illustrative self-assessment: the project's public sources do "
                "not assign a stage to each region.</p>"
            ),
            "regional_context": (
                "<p>Podkarpackie (the Subcarpathian voivodeship) is the south-eastern "
                "corner of Poland. Its capital is Rzeszów. To the south it borders "
                "Slovakia along the Carpathian mountains, and to the east it borders "
                "Ukraine, which is also an external border of the European Union. The "
                "south of the region is mountainous and thinly settled, with forests and "
                "protected areas, while the north and centre contain the main towns, the "
                "transport corridors and most of the industry.</p>"
                "<p>The region's economy combines a strong industrial core, including the "
                "aviation industry around Rzeszów, with large rural areas in which small "
                "farms and small service businesses predominate. Distances to the large "
                "Polish and Western European markets are considerable, and the region has "
                "long been counted among the less developed parts of the EU, which makes "
                "it a major beneficiary of cohesion policy.</p>"
                "<h3>Two kinds of border</h3>"
                "<p>The border with Slovakia lies within the Schengen area: people, goods "
                "and services move freely, and the obstacles are those of language, "
                "regulation and distance. The border with Ukraine is an external border: "
                "goods are subject to customs formalities, people to border checks and "
                "visa rules, and trade depends on rules that differ from the EU's. A "
                "realistic picture of SME internationalisation in Podkarpackie has to "
                "keep these two situations apart.</p>"
            ),
            "sme_ecosystem": (
                "<p>As elsewhere in Poland, the great majority of enterprises in "
                "Podkarpackie are micro firms, many of them sole traders in trade, "
                "construction, transport and personal services. A smaller group of "
                "manufacturing SMEs works in supply chains for larger industrial firms, "
                "including the aviation, automotive and chemical industries, and through "
                "them is indirectly linked to international markets. In this report we "
                "use an illustrative estimate that fewer than one SME in ten sells "
                "directly abroad; no regional statistic of this kind was available to the "
                "authors.</p>"
                "<p>The institutions that support business are well developed: a regional "
                "development agency, business-support and innovation centres, science and "
                "technology parks, universities in Rzeszów, and chambers and business "
                "associations. They run counselling, training and loan schemes, and some "
                "of them have long experience of European projects.</p>"
                "<h3>The weak link: new entrepreneurs</h3>"
                "<p>The analysis shows that the pipeline of new entrepreneurs is narrow. "
                "Start-up support mostly reaches people who are already registered as "
                "unemployed or already in contact with business institutions. Young "
                "people aged roughly 18 to 29 who are neither in work nor in education "
                "form a group that is hard to reach, often living outside the main towns, "
                "and the support system offers them little that is designed for their "
                "situation.</p>"
            ),
            "opportunities": (
                "<p>The region's position is an opportunity as much as a constraint. It "
                "is Poland's gateway to Ukraine and, through Slovakia, close to the "
                "markets of Central Europe. Firms that learn to work across both borders "
                "can serve customers that competitors from central Poland find harder to "
                "reach.</p>"
                "<ul><li><strong>Industrial supply chains.</strong> Internationally "
                "active manufacturers in the region need local suppliers and services, "
                "which is a first step abroad for many SMEs.</li>"
                "<li><strong>Tourism and local products.</strong> The Carpathian "
                "mountains on both sides of the Polish–Slovak border offer scope for "
                "joint tourism products and for the promotion of regional food and "
                "crafts.</li>"
                "<li><strong>Cross-border programmes.</strong> EU programmes along both "
                "borders fund cooperation between institutions and, increasingly, between "
                "enterprises.</li>"
                "<li><strong>Young people.</strong> A generation that is familiar with "
                "digital tools and foreign languages can start firms that are "
                "international from the outset, if it receives appropriate training.</li>"
                "</ul>"
                "<p>The exchange with the other INTER VENTURES partners adds a further "
                "opportunity: practices that have worked elsewhere, such as the Hungarian "
                "support for women's entrepreneurship, show how training and financial "
                "help can be combined for groups that mainstream support misses.</p>"
            ),
            "resources": (
                "<p>Podkarpackie can build on a set of organisations and networks that "
                "few regions of its size have.</p>"
                "<ol><li><strong>The Carpathian Euroregion.</strong> The Association of "
                "the Carpathian Euroregion Poland represents the Polish side of a "
                "long-standing cross-border structure in the Carpathians and has "
                "experience in running small projects with partners from neighbouring "
                "countries.</li>"
                "<li><strong>The Rzeszów Regional Development Agency.</strong> The agency "
                "manages business support and financial instruments and knows both the "
                "needs of regional firms and the rules of EU funds.</li>"
                "<li><strong>Universities and schools.</strong> Higher education "
                "institutions in Rzeszów and vocational schools across the region train "
                "engineers, economists and technicians.</li>"
                "<li><strong>Industrial clusters.</strong> Established clusters and "
                "business associations connect SMEs with larger firms and with "
                "international partners.</li></ol>"
                "<p>These resources are concentrated in and around Rzeszów. Making them "
                "accessible to firms and would-be entrepreneurs in the rest of the region "
                "is one of the main tasks identified.</p>"
            ),
            "challenges": (
                "<p>The first challenge is demographic. Young people from the region have "
                "for many years moved to larger Polish cities or abroad to work, and "
                "those who stay are not always equipped to start a business. Rural areas "
                "are most affected, and entrepreneurship there is often a matter of "
                "necessity rather than of opportunity.</p>"
                "<p>The second is the size and capacity of firms. Micro enterprises have "
                "little time, staff or capital to spare for exploring markets abroad, and "
                "few have employees with experience of exporting. Many remain dependent "
                "on a single large customer or on the local market.</p>"
                "<p>The third, at the time of writing, is the COVID-19 pandemic. Since "
                "March 2020 border restrictions, the cancellation of fairs and the "
                "uncertainty of demand have hit small firms that depend on cross-border "
                "trade and tourism, and plans for internationalisation have been put on "
                "hold.</p>"
            ),
            "barriers": (
                "<h3>Towards Slovakia</h3>"
                "<p>Within the Schengen area the barriers are mainly soft: differences of "
                "language, law and administrative practice, limited knowledge of the "
                "neighbouring market and poor cross-border transport links in the "
                "mountainous border zone. Slovakia uses the euro and Poland the złoty, "
                "which adds exchange costs for small firms.</p>"
                "<h3>Towards Ukraine</h3>"
                "<p>At the external border the barriers are harder. Firms face customs "
                "formalities, waiting times at the crossings, visa and work-permit rules, "
                "different technical standards and a less predictable business "
                "environment. Payment and legal risks deter many small firms from dealing "
                "with Ukrainian partners directly.</p>"
                "<h3>Across both</h3>"
                "<ul><li>lack of practical information and advice tailored to small "
                "firms;</li>"
                "<li>limited language skills beyond English among business owners;</li>"
                "<li>the cost of a first market entry, which small firms cannot spread "
                "over large volumes;</li>"
                "<li>for young would-be entrepreneurs, the absence of a first contact "
                "with business support at all.</li></ul>"
            ),
            "public_support": (
                "<p>Support for SMEs in Podkarpackie comes from several levels. The "
                "regional operational programme finances investment, innovation and "
                "business-support services; national programmes finance skills, "
                "employment and entrepreneurship; European territorial cooperation "
                "programmes along the Polish–Slovak and Polish–Ukrainian borders finance "
                "cross-border projects. Business-support institutions in the region "
                "translate these funds into counselling, training, loans and grants.</p>"
                "<h3>The policy instrument addressed</h3>"
                "<p>INTER VENTURES addresses the Operational Programme Knowledge "
                "Education Development 2014-2020, a national programme co-financed by the "
                "European Social Fund that supports, among other things, the "
                "labour-market activation of young people, including support for starting "
                "a business. The analysis finds that its entrepreneurship measures reach "
                "young people who are registered as unemployed, but not those who are "
                "inactive and outside any institution. It also finds that the training "
                "offered is general and rarely looks beyond the local market.</p>"
                "<p>More information on Interreg Europe and its approach to improving "
                "policy instruments is available at "
                '<a href="https://www.interregeurope.eu/">www.interregeurope.eu</a>.</p>'
            ),
            "swot": (
                "<table><thead><tr><th>Strengths</th><th>Weaknesses</th><th>Opportunities"
                "</th><th>Threats</th></tr></thead>"
                "<tbody><tr><td><ul><li>Experienced regional development agency</li>"
                "<li>Carpathian Euroregion as a cross-border framework</li>"
                "<li>Internationally active industries and clusters</li>"
                "<li>Universities and technical schools in Rzeszów</li></ul>"
                "</td><td><ul><li>Narrow base of new entrepreneurs</li>"
                "<li>Small, domestically oriented micro firms</li>"
                "<li>Support concentrated around Rzeszów</li>"
                "<li>Limited language and export skills</li></ul>"
                "</td><td><ul><li>Gateway position towards Ukraine and Slovakia</li>"
                "<li>Cross-border tourism and local products</li>"
                "<li>Digitally skilled young people</li>"
                "<li>Transfer of good practices from partner regions</li></ul>"
                "</td><td><ul><li>Out-migration of young people</li>"
                "<li>Effects of the pandemic on trade and tourism</li>"
                "<li>Uncertainty at the external EU border</li>"
                "<li>Support that misses inactive groups</li></ul>"
                "</td></tr></tbody></table>"
            ),
            "recommendations": (
                "<p>The recommendations below are the starting point for the region's "
                "action plan. They are addressed to the bodies that implement the "
                "Operational Programme Knowledge Education Development in the region and "
                "to the regional stakeholder group.</p>"
                "<ol><li><strong>Reach inactive young people.</strong> Design an "
                "entrepreneurship measure for people aged 18-29 who are neither working "
                "nor studying, with outreach through schools, municipalities and "
                "non-governmental organisations rather than through labour offices "
                "alone.</li>"
                "<li><strong>Combine training with financial help.</strong> Training in "
                "running a business should be followed by support for starting one, as in "
                "the good practices examined in the project.</li>"
                "<li><strong>Include an international perspective.</strong> Training "
                "should cover selling beyond the region, including to Slovakia and "
                "Ukraine, and use the contacts of the Carpathian Euroregion.</li>"
                "<li><strong>Bring support closer to rural areas.</strong> Services now "
                "concentrated in Rzeszów should be delivered locally or online.</li></ol>"
                "<p>The follow-up of these recommendations will be monitored in the "
                "second phase of the project.</p>"
            ),
        },
        "indicators": [
            {
                "name": ("Budget of the action-plan project “Young people working on their own”"),
                "value": "432808",
                "unit": "EUR",
                "year": 2022,
                "source": ("INTER VENTURES action plan for Podkarpackie"),
            },
            {
                "name": "Partner organisations representing the region in INTER VENTURES",
                "value": "2",
                "unit": "organisations",
                "year": 2020,
                "source": "INTER VENTURES project page, Interreg Europe programme",
            },
            {
                "name": "Ecosystem maturity stage (self-assessment)",
                "value": "2",
                "unit": "stage (1-3)",
                "year": 2020,
                "source": (
                    "Illustrative figure for the demo (public sources assign no stage to each "
                    "region)"
                ),
            },
            {
                "name": "SMEs selling directly abroad",
                "value": "8",
                "unit": "%",
                "year": 2019,
                "source": "Illustrative figure for the demo",
            },
        ],
        "comments": [
            {
                "author": "coordinator",
                "section": "barriers",
                "body": (
                    "The borders with Slovakia and Ukraine raise very different barriers. "
                    "Please treat them separately, since one is an internal and the other an "
                    "external EU border."
                ),
                "resolved": True,
            },
            {
                "author": "viewer",
                "section": "sme_ecosystem",
                "body": (
                    "The share of SMEs selling abroad is our own estimate. Should we say so "
                    "in the text?"
                ),
                "resolved": True,
            },
            {
                "author": "editor",
                "section": "sme_ecosystem",
                "body": "Yes: the text and the indicator now both call it illustrative.",
                "resolved": True,
            },
            {
                "author": "coordinator",
                "section": None,
                "body": (
                    "For the portal, the budget of the follow-up project “Young people "
                    "working on their own” has been added to the indicators; it comes from "
                    "the action plan, not from the report of 15 June 2020."
                ),
                "resolved": True,
            },
        ],
        "transitions": [
            {
                "actor": "editor",
                "from": "draft",
                "to": "in_review",
                "reason": "",
            },
            {
                "actor": "coordinator",
                "from": "in_review",
                "to": "changes_requested",
                "reason": (
                    "Please distinguish the barriers at the Slovak and the Ukrainian border, "
                    "and add the place and date of the report."
                ),
            },
            {
                "actor": "editor",
                "from": "changes_requested",
                "to": "in_review",
                "reason": "Revised version, dated Rzeszów, 15 June 2020.",
            },
            {
                "actor": "coordinator",
                "from": "in_review",
                "to": "approved",
                "reason": (
                    "A complete and realistic picture of the region, and a sound basis for "
                    "the action plan."
                ),
            },
        ],
    },
    "castilla-y-leon": {
        "title": "Situation Analysis Report: Castilla y León (province of Burgos)",
        "reference_period": "2014-2020",
        "status": "draft",
        "sections": {
            "executive_summary": (
                "<p>This report analyses the conditions for the internationalisation of "
                "small and medium-sized enterprises (SMEs) in the province of Burgos, in "
                "the region of Castilla y León. It was prepared by SODEBUR, the "
                "development company of the province of Burgos, and CEEI Burgos as part "
                "of INTER VENTURES, an Interreg Europe project that started on 1 August "
                "2019 and brings together five European regions at different stages of "
                "SME-ecosystem maturity.</p>"
                "<p>The province is largely rural. Outside the city of Burgos and a few "
                "industrial towns, its economy rests on micro enterprises in agriculture, "
                "food, wood, crafts and rural tourism, spread over a large territory with "
                "a low and ageing population. These firms produce goods of recognised "
                "quality, but very few of them sell abroad: they lack the skills, the "
                "time and the finance to prepare an entry into foreign markets, and the "
                "support available is designed mainly for larger companies in urban "
                "areas.</p>"
                "<h3>Main findings</h3>"
                "<ul><li>Internationalisation in the province is concentrated in a small "
                "number of industrial firms; rural SMEs are almost absent from it.</li>"
                "<li>The province has an asset that few rural areas have: a network of "
                "local technicians who advise entrepreneurs in their own territory.</li>"
                "<li>The policy instrument addressed, the Strategic Plan for the province "
                "of Burgos 2021-2025, is the right place to add training and financial "
                "instruments for the internationalisation of rural SMEs.</li></ul>"
                "<p>On the project's three-stage scale (1 occasional cross-border "
                "cooperation, 2 structured network, 3 international clusterisation) the "
                "report places the province at stage 1. This is an illustrative "
                "self-assessment, as the project's public sources do not assign a stage "
                "to each region.</p>"
            ),
            "regional_context": (
                "<p>Castilla y León is Spain's largest region by area and shares a border "
                "with Portugal to the west. The province of Burgos lies in its "
                "north-east, on the upper Duero and Ebro basins, and borders the regions "
                "of Cantabria, the Basque Country and La Rioja. The city of Burgos is the "
                "administrative and industrial centre; Miranda de Ebro and Aranda de "
                "Duero are the other main towns. The rest of the province consists of a "
                "very large number of small municipalities, many of them with only a few "
                "hundred inhabitants or fewer.</p>"
                "<p>Like much of inland Spain, the province has lost rural population "
                "over decades, and the population that remains is older than the national "
                "average. Services, jobs and young people concentrate in the city of "
                "Burgos and the larger towns, while villages depend on agriculture, small "
                "businesses and, increasingly, tourism.</p>"
                "<h3>A border region in a wider sense</h3>"
                "<p>The province of Burgos does not itself lie on a national border. It "
                "shares, however, the features that INTER VENTURES addresses in border "
                "areas: a peripheral position in relation to large markets, dispersed "
                "settlement, small firms and the need for local actors to deliver "
                "services at a scale that no single municipality can reach. Its "
                "territorial resources are considerable, among them the Way of St James, "
                "the archaeological sites of Atapuerca and the wine of the Ribera del "
                "Duero.</p>"
            ),
            "sme_ecosystem": (
                "<p>The enterprise structure of the province has two faces. Around "
                "Burgos, Miranda de Ebro and Aranda de Duero there is an industrial base "
                "of manufacturing firms, some of them subsidiaries of international "
                "groups, with a tradition of exporting. In the rural areas the economy "
                "consists almost entirely of micro enterprises and self-employed people: "
                "farms, food producers (meat products, cheese, wine, honey), sawmills and "
                "carpentry, builders, shops and rural tourism accommodation.</p>"
                "<p>Rural SMEs produce goods that could find buyers abroad, especially in "
                "food and wine, but they rarely try. In this report we use an "
                "illustrative estimate that only around three in a hundred rural SMEs "
                "sell outside Spain; the figure is not drawn from a statistical source "
                "and will be checked with the stakeholder group.</p>"
                "<h3>Support actors</h3>"
                "<ul><li><strong>SODEBUR</strong>, the development company of the "
                "Provincial Council, which runs programmes for employment, "
                "entrepreneurship and territorial promotion across the province;</li>"
                "<li><strong>CEEI Burgos</strong>, the European business and innovation "
                "centre, which supports new and innovative companies;</li>"
                "<li>the network of business and entrepreneurship management technicians, "
                "local advisers who work with entrepreneurs in the rural areas;</li>"
                "<li>the chamber of commerce, business associations, local action groups "
                "and the regional government's business and export services.</li></ul>"
            ),
            "opportunities": (
                "<p>The food and wine sector is the clearest opportunity. Products of the "
                "province enjoy a good reputation in Spain, and demand for quality food "
                "with a clear origin is growing in European markets. Small producers that "
                "group together can reach buyers abroad that none of them could serve "
                "alone.</p>"
                "<p>Tourism is the second. Visitors to the Way of St James, Atapuerca and "
                "the wine routes come from many countries, and each visit is a contact "
                "with a potential foreign customer. Rural businesses that learn to sell "
                "to these visitors, including online after they return home, take a first "
                "step towards international markets without leaving the province.</p>"
                "<p>The third is digitalisation. The pandemic has shown in 2020 that "
                "meetings, training and even fairs can move online; the INTER VENTURES "
                "study visit planned in Burgos itself was replaced by online meetings. "
                "For rural firms, for which every trip to a fair is costly, online "
                "channels lower the price of a first contact with foreign markets, "
                "provided broadband and digital skills are available.</p>"
            ),
            "resources": (
                "<p>The province's most distinctive resource for internationalisation is "
                "its network of business and entrepreneurship management technicians. "
                "Working across the rural areas of the province, these technicians advise "
                "rural entrepreneurs where they live, help them with business plans, "
                "procedures and funding applications, and know the firms of their area "
                "personally. SODEBUR presented the network to the partnership as one of "
                "its good practices.</p>"
                "<ul><li><strong>Institutions:</strong> SODEBUR and CEEI Burgos, with "
                "experience of European projects and of business support in the "
                "province.</li>"
                "<li><strong>Products:</strong> food, wine, wood and crafts with a "
                "recognised identity.</li>"
                "<li><strong>Heritage and landscape:</strong> assets for tourism and for "
                "the promotion of the province as a brand.</li>"
                "<li><strong>Planning:</strong> the new Strategic Plan for the province "
                "of Burgos 2021-2025, which gives a framework for coordinated "
                "action.</li></ul>"
                "<p>The technicians are currently trained to support the creation and "
                "management of firms rather than their internationalisation. Extending "
                "their skills in this direction would use an existing structure instead "
                "of building a new one.</p>"
            ),
            "challenges": (
                "<p>The main challenges are those of a sparsely populated rural "
                "territory. The population is small, dispersed and ageing; many business "
                "owners are close to retirement and have no successor, and young people "
                "leave to study and often do not return. A firm that wants to grow finds "
                "it hard to hire staff with language, marketing or export skills.</p>"
                "<p>Firm size is the second challenge. Most rural enterprises are micro "
                "firms run by their owners, who combine production, sales and "
                "administration. Internationalisation requires time, knowledge and "
                "investment that such firms cannot easily find, and its returns come "
                "late.</p>"
                "<p>The third is infrastructure. Broadband coverage and transport "
                "connections in parts of the province are still weaker than in urban "
                "areas, which limits both online sales and the logistics of exporting "
                "from small villages.</p>"
            ),
            "barriers": (
                "<p>The barriers that keep rural SMEs from foreign markets, as identified "
                "with the local technicians, are the following.</p>"
                "<ol><li><strong>Skills.</strong> Owners rarely speak foreign languages "
                "and have little knowledge of export procedures, foreign regulations or "
                "international marketing.</li>"
                "<li><strong>Finance.</strong> The costs of a first market entry (fairs, "
                "samples, translations, certification, travel) come before any income and "
                "are hard to finance for a micro firm; banks and existing instruments "
                "seldom cover them.</li>"
                "<li><strong>Volume.</strong> Small producers cannot guarantee the "
                "quantities and continuity that foreign buyers expect, unless they "
                "cooperate.</li>"
                "<li><strong>Access to support.</strong> Export services are located in "
                "cities and designed for larger firms; rural entrepreneurs often do not "
                "know they exist.</li></ol>"
            ),
            "public_support": (
                "<p>Public support for SMEs in the province is delivered by several "
                "levels of government. The regional government of Castilla y León offers "
                "programmes for business competitiveness and internationalisation, and "
                "national bodies promote Spanish exports; these services are open to "
                "firms in the province but are used mostly by established, urban "
                "companies. The Provincial Council of Burgos, through SODEBUR, supports "
                "entrepreneurship, employment and the promotion of the territory, and "
                "coordinates the network of local technicians that advise rural "
                "entrepreneurs.</p>"
                "<h3>The policy instrument addressed</h3>"
                "<p>The Strategic Plan for the province of Burgos 2021-2025 sets the "
                "priorities of the province's action for the coming years. In its current "
                "form it supports rural entrepreneurship and business creation but "
                "contains no specific measure for the internationalisation of rural SMEs. "
                "This is the gap that the region's participation in "
                '<a href="https://www.interregeurope.eu/">Interreg Europe</a> is meant to '
                "address.</p>"
                "<p>CEEI Burgos complements this support with incubation, advice and "
                "training for new and innovative firms, and with its links to business "
                "and innovation centres in other European regions.</p>"
            ),
            "swot": (
                "<table><thead><tr><th>Strengths</th><th>Weaknesses</th><th>Opportunities"
                "</th><th>Threats</th></tr></thead>"
                "<tbody><tr><td><ul><li>Network of local business technicians</li>"
                "<li>Quality food and wine with a clear origin</li>"
                "<li>Internationally known heritage</li>"
                "<li>Experienced provincial development bodies</li></ul>"
                "</td><td><ul><li>Very small, owner-run rural firms</li>"
                "<li>Few language and export skills</li>"
                "<li>No finance for first market entry</li>"
                "<li>Gaps in broadband and transport</li></ul>"
                "</td><td><ul><li>Demand for quality food in Europe</li>"
                "<li>International visitors as customers</li>"
                "<li>Online sales and meetings</li>"
                "<li>New Strategic Plan 2021-2025</li></ul>"
                "</td><td><ul><li>Depopulation and ageing</li>"
                "<li>Businesses closing without successors</li>"
                "<li>Pandemic losses in tourism</li>"
                "<li>Support designed only for urban firms</li></ul>"
                "</td></tr></tbody></table>"
            ),
            "recommendations": "",
        },
        "indicators": [
            {
                "name": "Ecosystem maturity stage (self-assessment)",
                "value": "1",
                "unit": "stage (1-3)",
                "year": 2020,
                "source": (
                    "Illustrative figure for the demo (public sources assign no stage to each "
                    "region)"
                ),
            },
            {
                "name": "Duration of the Strategic Plan for the province of Burgos",
                "value": "5",
                "unit": "years",
                "year": 2021,
                "source": ("Strategic Plan for the province of Burgos 2021-2025"),
            },
            {
                "name": "Rural SMEs selling outside Spain",
                "value": "3",
                "unit": "%",
                "year": 2019,
                "source": "Illustrative figure for the demo",
            },
            {
                "name": "Local technicians in the business and entrepreneurship network",
                "value": "20",
                "unit": "technicians",
                "year": 2020,
                "source": "Illustrative figure for the demo",
            },
        ],
        "comments": [
            {
                "author": "coordinator",
                "section": "recommendations",
                "body": (
                    "This section is still empty. As the action plan will build on it, please "
                    "draft at least its main lines before submitting the report for review."
                ),
                "resolved": False,
            },
            {
                "author": "editor",
                "section": "recommendations",
                "body": (
                    "We will write it after the stakeholder group meets. CEEI Burgos is "
                    "preparing the part on financial instruments and SODEBUR the part on "
                    "training for the technicians and for rural firms."
                ),
                "resolved": False,
            },
            {
                "author": "viewer",
                "section": "resources",
                "body": (
                    "The number of technicians in the network is an estimate. Could SODEBUR "
                    "give the exact figure so that we can drop the “illustrative” label?"
                ),
                "resolved": False,
            },
        ],
        "transitions": [],
    },
    "klaipeda": {
        "title": "Situation Analysis Report: Klaipėda",
        "reference_period": "2014-2019",
        "status": "changes_requested",
        "sections": {
            "executive_summary": (
                "<p>This report describes the conditions for the internationalisation of "
                "small and medium-sized enterprises (SMEs) in Klaipėda, Lithuania's "
                "seaport city on the Baltic coast. It was written in 2020 by an external "
                "contractor for Klaipėda ID, the city's development agency, and Klaipėda "
                "City Municipality, the two Lithuanian partners of INTER VENTURES, an "
                '<a href="https://www.interregeurope.eu/">Interreg Europe</a> project '
                "that started on 1 August 2019.</p>"
                "<p>Klaipėda is by its nature an international city: its port, logistics "
                "companies and free economic zone connect it every day with markets "
                "around the Baltic Sea and beyond. Yet the report finds that much of this "
                "international activity is carried by large companies and by foreign "
                "investors, while the city's SMEs take part in it mostly as local "
                "suppliers. Relatively few local SMEs develop their own products for "
                "foreign markets, and municipal business support has so far not "
                "distinguished between firms that aim to grow abroad and those that do "
                "not.</p>"
                "<h3>Key points</h3>"
                "<ul><li>The policy instrument addressed is the Klaipėda Economic "
                "Development Strategy 2030, which guides the municipality's support to "
                "business.</li>"
                "<li>The municipality already runs a scheme of financial support for "
                "SMEs, with calls in 2019-2020, which the partners presented as a good "
                "practice.</li>"
                "<li>The strategy and its support schemes could do more to encourage "
                "internationalisation, especially for young and innovative firms at an "
                "early stage.</li></ul>"
                "<p>On the project's three-stage scale (1 occasional cross-border "
                "cooperation, 2 structured network, 3 international clusterisation) the "
                "report places Klaipėda at stage 2. This is an illustrative "
                "self-assessment: the project's public sources do not assign a stage to "
                "each region.</p>"
            ),
            "regional_context": (
                "<p>Klaipėda is Lithuania's third-largest city and its only seaport. It "
                "lies where the Curonian Lagoon meets the Baltic Sea, opposite the "
                "Curonian Spit, a UNESCO World Heritage site. The port is ice-free "
                "throughout the year and handles a large share of the country's foreign "
                "trade; road and rail corridors link it with the rest of Lithuania and "
                "with Latvia, Belarus and further east. To the north lies Latvia, and to "
                "the south, at the end of the Curonian Spit, the Kaliningrad region of "
                "Russia.</p>"
                "<p>Lithuania is a member of the European Union, the Schengen area and, "
                "since 2015, the euro area, so Klaipėda's firms trade within the single "
                "market without border checks, and with Latvia and Estonia in the same "
                "currency. The border with Russia, by contrast, is an external EU border. "
                "The city's economy has been shaped by the port, by shipbuilding and ship "
                "repair, by the Klaipėda Free Economic Zone, which hosts manufacturing "
                "and logistics investors, and by Klaipėda University and the city's "
                "colleges.</p>"
                "<h3>The partners</h3>"
                "<p>Klaipėda ID is the city's development agency, responsible for "
                "attracting investment, promoting the city and supporting its business "
                "community. Klaipėda City Municipality adopts and implements the Klaipėda "
                "Economic Development Strategy 2030. More information on the city is "
                'available at <a href="https://www.klaipeda.lt/">www.klaipeda.lt</a>.</p>'
            ),
            "sme_ecosystem": (
                "<p>Klaipėda's SMEs are concentrated in logistics and transport, port and "
                "maritime services, manufacturing (including metalworking, plastics, wood "
                "and food processing), construction, trade, tourism and a growing group "
                "of information-technology and creative businesses. According to the "
                "contractor, roughly one SME in seven exports goods or services directly; "
                "this figure is illustrative and its source is being checked.</p>"
                "<p>A large part of the city's SMEs is linked to international markets "
                "indirectly, as subcontractors or service providers to the port, to "
                "shipyards or to foreign-owned companies in the free economic zone. These "
                "relationships bring work and know-how but do not require the SMEs to "
                "find customers abroad themselves, and many have never done so.</p>"
                "<h3>Start-ups and young firms</h3>"
                "<p>The community of start-ups and young innovative firms is small "
                "compared with Vilnius and Kaunas. Young founders have access to "
                "co-working spaces, university programmes and national support, but "
                "report a lack of structured help at the earliest stage, between the idea "
                "and a product that can be tested with customers, including customers "
                "abroad. The national agency Enterprise Lithuania supports exporters, but "
                "its services are mostly used by established firms.</p>"
            ),
            "opportunities": (
                "<p>Klaipėda's opportunities follow from its position and its "
                "international connections.</p>"
                "<ul><li><strong>The port as a gateway.</strong> Logistics links and the "
                "presence of international companies give local SMEs contacts with "
                "foreign partners that can be developed into direct business.</li>"
                "<li><strong>Maritime and blue economy.</strong> Port services, "
                "shipbuilding, marine technology and coastal tourism are sectors in which "
                "Klaipėda has expertise to sell abroad.</li>"
                "<li><strong>The Baltic Sea region.</strong> The markets of Latvia, "
                "Estonia, Poland, the Nordic countries and Germany are within reach by "
                "sea and land, in the same currency area for several of them.</li>"
                "<li><strong>Digital services.</strong> IT and creative firms can serve "
                "foreign customers from Klaipėda from their first year.</li></ul>"
                "<p>The city's new economic strategy offers a framework for turning these "
                "opportunities into priorities, and the exchange with the INTER VENTURES "
                "partners offers examples of how support schemes elsewhere prepare SMEs "
                "for foreign markets.</p>"
            ),
            "resources": (
                "<p>The city's resources include its institutions, its people and its "
                "existing support schemes. Klaipėda ID provides a single point of contact "
                "for investors and businesses; the municipality finances business support "
                "under the economic development strategy; Klaipėda University and the "
                "colleges train engineers, maritime specialists and business graduates; "
                "and business associations and the chamber of commerce connect firms with "
                "each other.</p>"
                "<h3>Financial support for SMEs</h3>"
                "<p>The municipal scheme of financial support for SMEs, with calls in "
                "2019-2020 under the city's economic development strategy, is the "
                "resource most directly relevant to this report. It co-finances costs of "
                "small firms, and its regular calls make it a natural channel for "
                "encouraging internationalisation. The partners presented it to INTER "
                "VENTURES as one of Klaipėda's good practices.</p>"
                "<p>The contractor notes that the selection of projects under the scheme "
                "does not at present take into account whether the supported activity "
                "helps a firm to enter foreign markets.</p>"
            ),
            "challenges": (
                "<p>The first challenge is the dependence of many SMEs on a few large "
                "customers in the port and industry. When these customers reduce "
                "activity, their suppliers have no alternative markets, and the habit of "
                "selling to a single large client does not build the marketing and sales "
                "skills needed abroad.</p>"
                "<p>The second is human capital. Like other Lithuanian cities, Klaipėda "
                "has lost working-age people through emigration, and firms compete for "
                "qualified staff with larger companies and with Vilnius. Small firms in "
                "particular find it hard to attract people with export, marketing and "
                "language skills.</p>"
                "<p>The third is the pandemic. In 2020 tourism and hospitality were "
                "sharply affected, and many firms turned their attention to survival "
                "rather than to new markets.</p>"
            ),
            "barriers": (
                "<ol><li><strong>Market knowledge.</strong> SMEs lack information on "
                "foreign markets, customers and distribution channels, and the cost of "
                "obtaining it is high for a small firm.</li>"
                "<li><strong>Early-stage finance.</strong> Young firms find little "
                "finance for developing and testing a product for foreign customers "
                "before they have revenue.</li>"
                "<li><strong>Skills and capacity.</strong> Owners and small teams have "
                "limited time and experience for sales abroad.</li>"
                "<li><strong>Fragmented support.</strong> Municipal, national and "
                "European services exist side by side, and firms find it difficult to "
                "know which to use and when.</li></ol>"
                "<p>These barriers are less about borders in the strict sense than about "
                "the step from local supplier to independent exporter.</p>"
            ),
            "public_support": (
                "<p>The Klaipėda Economic Development Strategy 2030 is the city's "
                "framework for economic policy and the policy instrument addressed by "
                "Klaipėda in INTER VENTURES. It sets the direction for the attraction of "
                "investment, the development of business and the city's priority sectors, "
                "and it is implemented through municipal programmes such as the financial "
                "support for SMEs.</p>"
                "<p>National support is provided by Enterprise Lithuania for exporters "
                "and start-ups and by other national agencies for innovation and finance. "
                "European funds reach Klaipėda through national operational programmes "
                "and through territorial cooperation programmes in the Baltic Sea "
                "region.</p>"
                "<p>The contractor concludes that public support is broad but that "
                "internationalisation is not an explicit objective of the municipal "
                "instruments. Support is allocated according to general criteria, and "
                "nothing in the present design rewards firms that plan to sell "
                "abroad.</p>"
            ),
            "swot": (
                "<table><thead><tr><th>Strengths</th><th>Weaknesses</th><th>Opportunities"
                "</th><th>Threats</th></tr></thead>"
                "<tbody><tr><td><ul><li>Ice-free seaport and logistics links</li>"
                "<li>Free economic zone with foreign investors</li>"
                "<li>Active city development agency</li>"
                "<li>Existing municipal SME support scheme</li></ul>"
                "</td><td><ul><li>SMEs dependent on a few large customers</li>"
                "<li>Small start-up community</li>"
                "<li>Internationalisation absent from support criteria</li>"
                "<li>Shortage of export and marketing skills</li></ul>"
                "</td><td><ul><li>Baltic Sea markets within reach</li>"
                "<li>Maritime and digital services</li>"
                "<li>Economic Development Strategy 2030</li>"
                "<li>Lessons from partner regions</li></ul>"
                "</td><td><ul><li>Emigration of working-age people</li>"
                "<li>Cycles in port and transport activity</li>"
                "<li>Pandemic losses in tourism</li>"
                "<li>Competition for talent from larger cities</li></ul>"
                "</td></tr></tbody></table>"
            ),
            "recommendations": (
                "<p>The contractor's recommendations, as submitted, are:</p>"
                "<ol><li>strengthen the international orientation of the city's business "
                "support;</li>"
                "<li>offer more information on foreign markets to local SMEs;</li>"
                "<li>support young and innovative firms at an early stage;</li>"
                "<li>continue the financial support for SMEs.</li></ol>"
                "<p>These recommendations will be made more specific in the light of the "
                "review before they are used as the basis of the action plan.</p>"
            ),
        },
        "indicators": [
            {
                "name": "Ecosystem maturity stage (self-assessment)",
                "value": "2",
                "unit": "stage (1-3)",
                "year": 2020,
                "source": (
                    "Illustrative figure for the demo (public sources assign no stage to each "
                    "region)"
                ),
            },
            {
                "name": "SMEs exporting directly",
                "value": "14",
                "unit": "%",
                "year": 2019,
                "source": "Illustrative figure for the demo",
            },
            {
                "name": ("SMEs supported by the municipal financial support scheme, 2019-2020"),
                "value": "60",
                "unit": "enterprises",
                "year": 2020,
                "source": "Illustrative figure for the demo",
            },
        ],
        "comments": [
            {
                "author": "coordinator",
                "section": "sme_ecosystem",
                "body": (
                    "The share of exporting SMEs and the number of supported firms are only "
                    "marked as illustrative. Please ask the contractor for the sources so "
                    "that the report can cite them, or explain in the text why none exist."
                ),
                "resolved": False,
            },
            {
                "author": "coordinator",
                "section": "recommendations",
                "body": (
                    "The recommendations are too general to guide an action plan. Which "
                    "criteria could the Economic Development Strategy 2030 use to reward "
                    "internationalisation, and what kind of early-stage support do you have "
                    "in mind?"
                ),
                "resolved": False,
            },
            {
                "author": "coordinator",
                "section": "public_support",
                "body": (
                    "Please add what was learnt at the online study visit you hosted on 19 "
                    "November 2020, where local SMEs presented their experience together with "
                    "Enterprise Lithuania."
                ),
                "resolved": False,
            },
            {
                "author": "editor",
                "section": "recommendations",
                "body": (
                    "We have asked the contractor for the sources and are reworking the "
                    "recommendations together with the municipality."
                ),
                "resolved": False,
            },
        ],
        "transitions": [
            {
                "actor": "editor",
                "from": "draft",
                "to": "in_review",
                "reason": "",
            },
            {
                "actor": "coordinator",
                "from": "in_review",
                "to": "changes_requested",
                "reason": (
                    "The contractor's analysis of the port economy is thorough, but the "
                    "report is not yet a basis for the action plan: two figures lack sources, "
                    "the study visit of 19 November 2020 is missing, and the recommendations "
                    "do not say how the Klaipėda Economic Development Strategy 2030 should "
                    "take internationalisation into account. See the comments on the SME "
                    "ecosystem, public support and recommendations."
                ),
            },
        ],
    },
}
