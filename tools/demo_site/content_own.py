"""Publications written for the sample site (fictional institute, fictional staff)."""

OWN = [
    dict(
        slug="youth-voices-peacebuilding-lessons-five-regions",
        title="Youth Voices in Peacebuilding: Lessons from Five Regions",
        date="2024-06-11", type="Event", topics=["Youth", "Education & Training"],
        authors=[], institutional=True, meta="full", image=True,
        event=dict(time="10:00am - 11:30am", start="2024-06-11T10:00:00-04:00",
                   end="2024-06-11T11:30:00-04:00", place="Online and at the Institute",
                   speakers=["nguyen-thi-lan", "daniel-okafor", "aissatou-diallo"]),
        summary=(
            "Young people are often described as a risk to be managed rather than partners in "
            "building peace. Join the Institute for a conversation with youth organizers from "
            "five regions about what works when young people lead."),
        caption="Participants at a youth dialogue workshop. (Sample image)",
        body="""
Across regions affected by conflict, youth-led groups mediate local disputes, run radio programs, monitor elections and organize relief. Their work rarely appears in official peace agreements, and funding for it is short-term and unpredictable.

This event brings together organizers who have built lasting programs with little outside support. They will discuss how they earned the trust of elders and officials, how they measure their own results, and what donors and governments could do differently.

## Agenda

• Welcome and opening remarks

• Panel: youth organizers from five regions in conversation

• Audience questions

Registration is free. The conversation will be recorded and posted on this page.
""",
    ),
    dict(
        slug="keeping-mediation-alive-sahel-after-coups",
        title="Keeping Mediation Alive in the Sahel After the Coups",
        date="2024-05-22", type="Policy Brief",
        topics=["Mediation, Negotiation & Dialogue", "Democracy & Governance", "Peace Processes"],
        authors=["elodie-marchand"], meta="full", image=True,
        summary=(
            "Military takeovers across the Sahel have cut many of the channels that regional "
            "bodies and international partners once used to mediate local conflicts. This brief "
            "sets out how mediators can keep talking with authorities and armed groups without "
            "endorsing unconstitutional rule."),
        caption="A community meeting in central Mali. (Sample image)",
        bullets_heading="Key Takeaways",
        bullets=[
            "Suspending all engagement with military authorities has left local mediators "
            "without political cover.",
            "Technical channels on humanitarian access, detainees and local truces can stay "
            "open even when high-level diplomacy is frozen.",
            "Regional organizations should separate their position on transitions from their "
            "support for community-level dialogue.",
        ],
        body="""
## Why mediation stalled

Sanctions and suspensions were meant to push military governments toward elections. Their side effect has been to isolate the very officials whose consent local peace agreements require. Community mediators report that district authorities now hesitate to meet them without explicit approval from the capital.

## What still works

Where local truces have held, they were negotiated by people with standing in both communities and backed by a discreet nod from the authorities. Mediators who kept humanitarian and technical contacts alive found it easier to return to political questions later.

## Recommendations

Partners should fund community mediation for several years rather than a single season, protect the space for technical dialogue, and coordinate so that different envoys do not send contradictory messages.
""",
        about_report="This brief draws on interviews with mediators, officials and civil society representatives. (Sample site: text written for the demo.)",
    ),
    dict(
        slug="what-climate-stress-means-pastoralist-conflict-horn-africa",
        title="What Climate Stress Means for Pastoralist Conflict in the Horn of Africa",
        date="2024-04-30", type="Analysis",
        topics=["Climate & Security", "Conflict Analysis & Prevention", "Economics & Environment"],
        authors=["grace-mwangi"], meta="og+ld", image=True,
        summary=(
            "Successive failed rainy seasons have pushed herders into new grazing areas and "
            "strained the customary agreements that once governed access to water. Preventing "
            "violence means investing in those agreements, not only in emergency relief."),
        caption="Herders water their cattle at a shared borehole. (Sample image)",
        body="""
Drought does not cause conflict on its own. What matters is whether communities have trusted ways to share scarce pasture and water when the rains fail. In much of the region, those arrangements have been weakened by land enclosures, the spread of small arms and competition among local politicians.

## Pressure points

Disputes flare where migration routes cross farmland, where new boreholes change who controls water, and where cattle raiding has become a business rather than a customary practice.

## What helps

Joint grazing committees, early warning networks run by herders themselves, and agreements that are written down and recognized by county or district authorities have all reduced violence in places where they were sustained.

## Looking ahead

Climate adaptation funding should treat these institutions as infrastructure. A borehole without an agreement on who uses it can create a new conflict as easily as it solves an old one.
""",
    ),
    dict(
        slug="institute-launches-fellowship-women-mediators",
        title="Institute for Peace Studies Launches Fellowship for Women Mediators",
        date="2024-04-09", type="Press Release",
        topics=["Gender", "Mediation, Negotiation & Dialogue"],
        authors=[], institutional=True, meta="og", image=False,
        summary=(
            "The Institute for Peace Studies today announced a new fellowship that will support "
            "twelve women mediators each year with training, research time and connections to "
            "ongoing peace processes."),
        caption=None,
        body="""
WASHINGTON — The Institute for Peace Studies today announced the launch of a fellowship for women mediators working in conflict-affected countries. Each year the program will bring twelve fellows together for training, give them time to document their own experience and connect them with envoys and negotiation teams.

“Women mediate every day in their communities, yet they remain a small minority at formal negotiating tables,” the Institute said in a statement. “This fellowship is one practical step toward changing that.”

Applications for the first cohort open next month. Details will be published on the Institute’s website.

## Media contact

Office of Public Affairs, press@example.org
""",
    ),
    dict(
        slug="ukraines-local-governments-are-holding-line-they-need-support",
        title="Ukraine’s Local Governments Are Holding the Line. They Need Support.",
        date="2024-03-05", updated="2024-03-08", type="Analysis",
        topics=["Democracy & Governance", "Fragility & Resilience"],
        authors=["lukasz-wisniewski"], meta="full", image=True,
        summary=(
            "Municipalities have kept water running, schools open and displaced families housed "
            "throughout the war. Reconstruction plans that bypass them risk undoing one of "
            "Ukraine’s most successful reforms."),
        caption="Municipal workers repair a damaged heating line. (Sample image)",
        body="""
Decentralization reforms in the years before the full-scale invasion gave communities control over budgets and services. That investment has paid off: local councils coordinated evacuations, organized shelters and restored utilities faster than distant ministries could.

## Strains are growing

Councils near the front line have lost much of their tax base, while those hosting displaced people face rising costs. Martial law has concentrated some powers in military administrations, and the balance between wartime needs and local accountability needs careful attention.

## What partners can do

Donors should channel more reconstruction money through municipalities with transparent procurement, support associations of local governments, and help councils plan with the residents who will return.

Editor’s note: This article was updated on March 8, 2024, to correct the description of wartime administrative arrangements.
""",
    ),
    dict(
        slug="why-religious-leaders-belong-negotiating-table",
        title="Why Religious Leaders Belong at the Negotiating Table",
        date="2024-01-23", type="Commentary",
        topics=["Religion", "Mediation, Negotiation & Dialogue", "Peace Processes"],
        authors=["amira-haddad", "tomas-herrera"], meta="ld", image=True,
        summary=(
            "Religious leaders often carry more trust than any official at the table. Leaving "
            "them out of formal talks wastes a resource that communities rely on every day."),
        caption="Interfaith leaders meet before a community dialogue. (Sample image)",
        body="""
In many conflicts, clergy and faith-based organizations are among the few institutions present on every side of a front line. They bury the dead, shelter the displaced and, quietly, carry messages between enemies.

## Beyond symbolic roles

Too often they are invited only to open a conference with a prayer or to bless an agreement already written. Their knowledge of local grievances, their networks and their moral authority are more useful earlier, when the agenda is still being shaped.

## Managing the risks

Religious actors are not neutral by default, and some fuel division. Mediators need to map who is trusted by whom and build coalitions that cross confessional lines.

## A practical proposal

Negotiation teams could create standing consultative groups of religious leaders from all communities, with a clear mandate and regular access to the parties.
""",
    ),
    dict(
        slug="elections-under-pressure-preventing-violence-west-africa-polls",
        title="Elections Under Pressure: Preventing Violence Around West Africa’s 2023–2024 Polls",
        date="2023-11-28", type="Report",
        topics=["Global Elections & Conflict", "Democracy & Governance",
                "Conflict Analysis & Prevention"],
        authors=["daniel-okafor", "elodie-marchand"], meta="full", image=True,
        summary=(
            "A dense calendar of elections across West Africa comes at a time of democratic "
            "backsliding and insecurity. This report maps the risks of violence before, during "
            "and after the vote and identifies what national institutions and partners can do "
            "to reduce them."),
        caption="Election officials count ballots by lamplight. (Sample image)",
        bullets_heading="Summary",
        bullets=[
            "The most dangerous periods are candidate nomination and the announcement of results.",
            "Trusted electoral commissions and courts reduce the incentive to contest results "
            "in the street.",
            "Local peace committees and early warning networks have prevented clashes where "
            "they were funded well before election day.",
            "Security forces need clear rules on the use of force and on their conduct near "
            "polling stations.",
        ],
        body="""
## Regional context

Several countries in the region face elections while armed groups operate in their borderlands and while neighboring states are governed by military authorities. Public trust in electoral institutions varies widely.

## Lessons from recent polls

Where parties signed peace pledges and religious and traditional leaders monitored them, tensions were easier to contain. Where results were delayed without explanation, rumors filled the gap.
""",
        about_report="This report is based on interviews with election officials, observers and civil society groups in the region. (Sample site: text written for the demo.)",
    ),
    dict(
        slug="nguyen-thi-lan-young-women-peacebuilding",
        title="Nguyễn Thị Lan on Young Women in Peacebuilding",
        date="2023-10-17", type="Podcast", topics=["Youth", "Gender"],
        authors=["nguyen-thi-lan"], meta="og", image=False,
        summary=(
            "Young women lead many of the grassroots groups that keep communities together "
            "during conflict, yet they receive a tiny share of peacebuilding funding. "
            "Nguyễn Thị Lan explains what changes when they get it."),
        caption=None,
        body="""
## Episode notes

The institute’s youth program officer describes the small-grants program she runs, the groups it has supported and why flexible funding matters more than large grants.

## Transcript (excerpt)

Host: What do young women’s groups do differently?

Guest: They go where others do not: to households, to markets, to the places where rumors start. And they stay after the projects end.
""",
    ),
    dict(
        slug="mediating-local-conflicts-over-water",
        title="Mediating Local Conflicts Over Water",
        date="2023-09-12", type="Event",
        topics=["Climate & Security", "Mediation, Negotiation & Dialogue"],
        authors=[], institutional=True, meta="none", image=False,
        event=dict(time="9:30am - 11:00am", start="2023-09-12T09:30:00-04:00",
                   end="2023-09-12T11:00:00-04:00", place="Institute for Peace Studies",
                   speakers=["grace-mwangi", "elodie-marchand"]),
        summary=(
            "As droughts and floods become more frequent, disputes over water are multiplying. "
            "Practitioners discussed how local mediation can resolve them before they turn violent."),
        caption=None,
        body="""
This past event brought together mediators and researchers who work on disputes over rivers, wells and irrigation channels. Speakers compared customary mechanisms with newer water user associations and discussed how to link them with district authorities.

A recording of the discussion is available on request.
""",
    ),
    dict(
        slug="ceasefire-settlement-sequencing-colombias-regional-dialogues",
        title="From Ceasefire to Settlement: Sequencing Colombia’s Regional Dialogues",
        date="2023-07-25", type="Peaceworks",
        topics=["Peace Processes", "Mediation, Negotiation & Dialogue"],
        authors=["sofia-ramirez-ortega"], meta="full", image=True,
        summary=(
            "Colombia is negotiating with several armed groups at once while trying to deliver "
            "on the commitments of its 2016 agreement. This study examines how regional "
            "dialogues can be sequenced so that temporary ceasefires lead to lasting "
            "settlements rather than new fragmentation."),
        caption="A regional dialogue session in southwestern Colombia. (Sample image)",
        bullets_heading="Summary",
        bullets=[
            "Temporary ceasefires reduce violence only when they come with clear verification "
            "and a timetable for substantive talks.",
            "Regional tables give communities a voice but risk overlapping mandates.",
            "Victims’ organizations should take part in the design of each phase.",
        ],
        body="""
## Many tables at once

Simultaneous processes with different groups stretch the capacity of the state’s negotiation teams and of verification bodies. They also create incentives for groups to split in the hope of securing their own table.

## Sequencing

The study proposes moving from humanitarian agreements to verified ceasefires and only then to questions of disarmament and political participation, with each step tied to measurable commitments.
""",
        about_report="This Peaceworks draws on field research in three regions and interviews with negotiators and community leaders. (Sample site: text written for the demo.)",
    ),
    dict(
        slug="five-lessons-demobilizing-armed-groups-youngest-fighters",
        title="Five Lessons for Demobilizing Armed Groups’ Youngest Fighters",
        date="2023-06-06", type="Analysis",
        topics=["Violent Extremism", "Youth", "Reconciliation"],
        authors=["mariam-qureshi", "nguyen-thi-lan"], meta="og+ld", image=True,
        summary=(
            "Children and adolescents who leave armed groups face stigma, trauma and few "
            "prospects. Programs that succeed treat them first as young people with a future."),
        caption="A vocational training class for former child soldiers. (Sample image)",
        body="""
## 1. Start with protection

Young people who leave armed groups are first of all victims of recruitment. Screening and detention practices that treat them as security threats push them back toward the groups they left.

## 2. Families matter most

Reunification and support to families, including mediation with neighbors, predict successful return better than any training course.

## 3. Education, not only jobs

Many returnees missed years of school. Accelerated learning programs keep doors open that short vocational courses close.

## 4. Address stigma in the community

Community ceremonies and dialogues help neighbors accept returnees, especially girls.

## 5. Stay long enough

Support that ends after six months leaves young people at their most vulnerable moment.
""",
    ),
    dict(
        slug="women-mediation-and-architecture-local-peace",
        title="Women, Mediation and the Architecture of Local Peace",
        date="2023-04-18", type="Special Report",
        topics=["Gender", "Mediation, Negotiation & Dialogue", "Peace Processes"],
        authors=["aissatou-diallo", "amira-haddad"], meta="full", image=True,
        summary=(
            "Local peace agreements negotiated with women’s participation tend to address a wider "
            "range of needs and to last longer. This report examines how women mediators gain "
            "entry, what they bring and how national processes can build on their work."),
        caption="Women mediators meet with district officials. (Sample image)",
        bullets_heading="Summary",
        bullets=[
            "Women mediators often gain access through kinship, trade and faith networks "
            "rather than formal appointment.",
            "Agreements they helped negotiate more often include provisions on services, "
            "detainees and freedom of movement.",
            "National processes rarely connect to these local agreements.",
        ],
        body="""
## Entry points

The women interviewed for this report described mediation as an extension of roles they already held: traders crossing front lines, teachers, members of faith groups.

## Building bridges upward

Linking local agreements to national talks requires mechanisms for reporting, recognition and protection of the mediators themselves.
""",
        about_report="This report is based on case studies in four countries. (Sample site: text written for the demo.)",
    ),
    dict(
        slug="human-rights-monitoring-should-not-wait-peace-deal",
        title="Human Rights Monitoring Should Not Wait for a Peace Deal",
        date="2023-02-14", type="Commentary",
        topics=["Human Rights", "Peace Processes", "Justice, Security & Rule of Law"],
        authors=["tomas-herrera"], meta="none", image=False,
        summary=(
            "Documenting abuses while fighting continues is difficult and sometimes dangerous, "
            "but waiting for an agreement means evidence is lost and victims are failed."),
        caption=None,
        body="""
Negotiators sometimes treat human rights monitoring as an obstacle: a source of accusations that makes compromise harder. The experience of past processes suggests the opposite. Reliable documentation makes it easier to design transitional justice later and builds the trust of victims in whatever agreement emerges.

## What monitoring during conflict requires

Local documentation groups need secure storage for evidence, protection for their staff and a clear relationship with any future truth or accountability body.

## A role for mediators

Mediators can encourage the parties to accept basic monitoring of detention and of attacks on civilians as a confidence-building measure rather than a concession.
""",
    ),
    dict(
        slug="countering-online-recruitment-without-silencing-young-people",
        title="Countering Online Recruitment Without Silencing Young People",
        date="2022-12-06", type="Policy Brief",
        topics=["Violent Extremism", "Youth", "Technology"],
        authors=["mariam-qureshi", "priya-raman"], meta="full", image=True,
        summary=(
            "Aggressive content removal and surveillance have done little to stop online "
            "recruitment by violent groups, and they have chilled legitimate youth activism. "
            "This brief proposes a more targeted approach."),
        caption="Students at a digital literacy workshop. (Sample image)",
        bullets_heading="Key Takeaways",
        bullets=[
            "Recruitment rarely happens through public posts alone; personal networks matter more.",
            "Broad takedown rules remove satire, journalism and political criticism.",
            "Digital literacy and credible messengers are more effective than blanket bans.",
        ],
        body="""
## The problem with blunt tools

Platforms and governments have removed vast amounts of content, often with automated systems that cannot tell propaganda from reporting about it. Young activists describe accounts suspended for documenting abuses.

## A targeted approach

Focus enforcement on clear incitement and coordination, invest in community programs that reach young people offline as well as online, and publish transparency reports that let civil society check how rules are applied.
""",
        about_report="This brief is part of the institute’s work on technology and violent extremism. (Sample site: text written for the demo.)",
    ),
    dict(
        slug="after-vote-managing-disputed-results-fragile-democracies",
        title="After the Vote: Managing Disputed Results in Fragile Democracies",
        date="2022-10-11", type="Analysis",
        topics=["Global Elections & Conflict", "Democracy & Governance"],
        authors=["daniel-okafor"], meta="ld", image=True,
        summary=(
            "The days between polling and the final declaration of results are often the most "
            "dangerous of an election cycle. Clear procedures and trusted arbiters make the "
            "difference."),
        caption="Supporters await the announcement of results. (Sample image)",
        body="""
Disputes over results are normal in any democracy. They become dangerous when losing candidates believe they cannot get a fair hearing and when supporters are mobilized before any court has ruled.

## Before election day

Publish the timetable for counting and tabulation, train party agents, and agree in advance on how complaints will be handled.

## After the polls close

Release results polling station by polling station, explain delays promptly, and protect judges and commissioners from intimidation.

## The role of outsiders

Observers and partners should reinforce national institutions rather than substitute for them, and speak with one voice.
""",
    ),
    dict(
        slug="faith-networks-and-community-resilience-lake-chad-basin",
        title="Faith Networks and Community Resilience in the Lake Chad Basin",
        date="2022-08-23", type="Report",
        topics=["Religion", "Violent Extremism", "Fragility & Resilience"],
        authors=["amira-haddad", "grace-mwangi"], meta="full", image=True,
        summary=(
            "Mosques, churches and Quranic schools have helped communities in the Lake Chad "
            "Basin absorb displacement and resist recruitment by armed groups. This report "
            "documents how, and where that resilience is fraying."),
        caption="A displacement camp near the shores of Lake Chad. (Sample image)",
        bullets_heading="Summary",
        bullets=[
            "Faith networks provide shelter, food and counseling to displaced families.",
            "Religious leaders who speak out against armed groups face serious threats.",
            "Humanitarian agencies rarely coordinate with faith-based responders.",
        ],
        body="""
## Resilience under strain

A decade of conflict, shrinking water and economic decline has exhausted many communities. Faith networks remain among the few institutions people trust.

## Recommendations

Agencies should include faith-based responders in coordination meetings, fund their protection, and support interfaith committees that mediate disputes between host and displaced communities.
""",
        about_report="This report is based on focus groups and interviews in four countries of the basin. (Sample site: text written for the demo.)",
    ),
    dict(
        slug="sofia-ramirez-ortega-victims-center-peace-talks",
        title="Sofía Ramírez Ortega on Victims at the Center of Peace Talks",
        date="2022-06-14", type="Podcast",
        topics=["Peace Processes", "Reconciliation", "Human Rights"],
        authors=["sofia-ramirez-ortega"], meta="og", image=False,
        summary=(
            "Putting victims at the center of negotiations changed what peace agreements promise "
            "and how they are judged. Sofía Ramírez Ortega reflects on what that means in practice."),
        caption=None,
        body="""
## Episode notes

A conversation about victims’ delegations to negotiations, the promises made to them and the gap between agreement and implementation.

## Transcript (excerpt)

Host: What changes when victims speak directly to the parties?

Guest: The language changes. Negotiators stop talking about abstractions and start talking about specific people, places and obligations.
""",
    ),
    dict(
        slug="sanctions-relief-bargaining-chip-when-it-helps-negotiations",
        title="Sanctions Relief as a Bargaining Chip: When It Helps Negotiations",
        date="2022-03-29", type="Analysis",
        topics=["Mediation, Negotiation & Dialogue", "Global Policy"],
        authors=["jonas-lindqvist"], meta="og", image=True,
        summary=(
            "Offering to lift sanctions can bring a reluctant party to the table, but only if the "
            "offer is credible and the steps are clear. Too often neither condition holds."),
        caption="Diplomats at a negotiating session. (Sample image)",
        body="""
Sanctions are imposed quickly and lifted slowly. Parties to a conflict know this, and they discount promises of relief accordingly.

## Conditions for success

Relief works as an incentive when the sanctioning governments agree among themselves on the steps required, when those steps are observable, and when relief can be phased in as commitments are met.

## Common mistakes

Vague benchmarks, shifting demands and legal frameworks that make partial relief impossible all undermine the credibility of the offer.
""",
    ),
    dict(
        slug="truth-commissions-twenty-years-what-survivors-say",
        title="Truth Commissions Twenty Years On: What Survivors Say",
        date="2021-11-16", type="Special Report",
        topics=["Reconciliation", "Human Rights"],
        authors=["tomas-herrera", "sofia-ramirez-ortega"], meta="full", image=True,
        summary=(
            "Survivors who testified before truth commissions two decades ago describe what "
            "the process gave them, what it failed to deliver and what they would tell "
            "commissions being set up today."),
        caption="A memorial wall with photographs of the disappeared. (Sample image)",
        bullets_heading="Summary",
        bullets=[
            "Survivors value public acknowledgment above almost everything else.",
            "Unfulfilled promises of reparations have eroded trust in later institutions.",
            "Commissions should plan for follow-up from the start, not after their final report.",
        ],
        body="""
## Listening to survivors

The interviews behind this report span several countries and generations. Many survivors said that testifying was the first time an official body listened to them.

## The follow-up gap

Final reports were published with great ceremony, but the bodies charged with implementing their recommendations were weak or never created.
""",
        about_report="This report draws on interviews with survivors, former commissioners and officials. (Sample site: text written for the demo.)",
    ),
    dict(
        slug="local-ceasefires-are-not-substitute-national-process",
        title="Local Ceasefires Are Not a Substitute for a National Process",
        date="2021-09-21", type="Commentary",
        topics=["Peace Processes", "Conflict Analysis & Prevention"],
        authors=["jonas-lindqvist"], meta="none", image=False,
        summary=(
            "Local ceasefires save lives and can build momentum. Treating them as an end in "
            "themselves lets the parties avoid the harder questions."),
        caption=None,
        body="""
When national talks stall, mediators and donors understandably turn to local arrangements: a truce around a city, a corridor for aid, an exchange of prisoners. These agreements matter enormously to the people they protect.

But local deals can also freeze front lines, reward the groups that control territory and let national leaders claim progress without making concessions. They work best as stepping stones, with a clear link to a broader process and independent monitoring.
""",
    ),
    dict(
        slug="inclusive-dialogue-divided-cities-evidence-three-municipal-programs",
        title="Inclusive Dialogue in Divided Cities: Evidence from Three Municipal Programs",
        date="2021-06-08", type="Report",
        topics=["Mediation, Negotiation & Dialogue", "Democracy & Governance", "Youth"],
        authors=["lukasz-wisniewski", "aissatou-diallo"], meta="og", image=True,
        summary=(
            "Cities divided along ethnic, religious or political lines have experimented with "
            "structured dialogue between residents and officials. This report evaluates three "
            "such programs and what made them work."),
        caption="Residents and city officials in a neighborhood dialogue. (Sample image)",
        bullets_heading="Summary",
        bullets=[
            "Dialogue produced lasting change where it was tied to real budget decisions.",
            "Young residents participated when sessions were held in their own neighborhoods.",
            "Programs that depended on a single mayor did not survive elections.",
        ],
        body="""
## Three cities

The programs differed in design, from neighborhood assemblies to youth councils to mediated forums on policing. All faced skepticism at the start.

## What made the difference

Participants returned when they saw their proposals reflected in decisions, and when facilitators were seen as independent from the city administration.
""",
        about_report="This report evaluates three municipal dialogue programs over two years. (Sample site: text written for the demo.)",
    ),
    dict(
        slug="talking-armed-groups-lessons-humanitarian-negotiators",
        title="Talking to Armed Groups: Lessons from Humanitarian Negotiators",
        date="2021-01-19", type="Analysis",
        topics=["Mediation, Negotiation & Dialogue", "Human Rights"],
        authors=["jonas-lindqvist", "aissatou-diallo"], meta="og+ld", image=True,
        summary=(
            "Humanitarian agencies negotiate access with armed groups every day, often with more "
            "success than political envoys. Their practice holds lessons for peacemakers."),
        caption="Aid workers negotiate passage at a checkpoint. (Sample image)",
        body="""
Frontline humanitarian negotiators rarely have leverage. What they have is patience, a clear and limited agenda, and a reputation for keeping their word. Over years, these qualities build relationships that political mediators can struggle to establish.

## Start small and concrete

Agreements on a vaccination campaign or the evacuation of the wounded are easier to reach than agreements on power. They also test whether commitments are kept.

## Keep channels separate

Humanitarian negotiators guard their neutrality. Political mediators who borrow their channels should do so openly and with care, or risk closing them.
""",
    ),
    dict(
        slug="pandemic-restrictions-and-protest-keeping-emergency-powers-temporary",
        title="Pandemic Restrictions and Protest: Keeping Emergency Powers Temporary",
        date="2021-03-02", type="Analysis",
        topics=["Democracy & Governance", "Human Rights", "Global Health"],
        authors=["priya-raman"], meta="ld", image=True,
        summary=(
            "Emergency measures adopted to fight the pandemic have been used in some countries to "
            "restrict protest and silence critics. Sunset clauses and independent review can keep "
            "them temporary."),
        caption="Protesters wearing masks at a demonstration. (Sample image)",
        body="""
Public health emergencies justify extraordinary measures. They do not justify measures without limits in time or scope.

## Warning signs

Bans on gatherings that apply to protests but not to rallies of the ruling party, arrests of journalists under laws against misinformation, and emergency decrees renewed without debate.

## Safeguards

Automatic expiry of emergency powers, parliamentary review, and courts able to hear challenges quickly help ensure that restrictions end when the emergency does.
""",
    ),
    dict(
        slug="preventing-election-violence-through-early-warning-and-local-mediation",
        title="Preventing Election Violence Through Early Warning and Local Mediation",
        date="2020-10-20", type="Peaceworks",
        topics=["Global Elections & Conflict", "Conflict Analysis & Prevention",
                "Mediation, Negotiation & Dialogue"],
        authors=["daniel-okafor"], meta="full", image=True,
        summary=(
            "Early warning systems often detect the risk of election violence but fail to trigger "
            "a response. This study examines how linking warning to local mediation closes the gap."),
        caption="Election monitors review incident reports. (Sample image)",
        bullets_heading="Summary",
        bullets=[
            "Warnings must reach people with the standing to act on them.",
            "Local mediators resolved most incidents before they escalated.",
            "Response plans should be agreed with security forces in advance.",
        ],
        body="""
## From warning to response

Many systems collect incident reports efficiently but send them to national offices with no capacity to respond locally. The programs studied here instead routed alerts to district peace committees.

## Results

Committees that met regularly and included party representatives resolved disputes over campaign rallies, posters and polling locations before they turned violent.
""",
        about_report="This Peaceworks is based on an evaluation of early warning programs in three countries. (Sample site: text written for the demo.)",
    ),
    dict(
        slug="religious-leaders-and-public-health-messaging-conflict-zones",
        title="Religious Leaders and Public Health Messaging in Conflict Zones",
        date="2020-06-30", type="Analysis",
        topics=["Religion", "Global Health"],
        authors=["amira-haddad"], meta="none", image=False,
        summary=(
            "Where trust in authorities is low, religious leaders can carry public health messages "
            "further than any ministry. They need accurate information and support to do so."),
        caption=None,
        body="""
During outbreaks in conflict-affected areas, rumors spread faster than official guidance. Religious leaders who adapted services, explained precautions and countered misinformation helped communities protect themselves.

## Lessons

Health agencies should brief religious leaders early, give them materials in local languages, and listen to their feedback about what people fear.
""",
    ),
    dict(
        slug="reintegrating-former-fighters-case-community-ownership",
        title="Reintegrating Former Fighters: The Case for Community Ownership",
        date="2020-03-10", type="Policy Brief",
        topics=["Violent Extremism", "Reconciliation", "Justice, Security & Rule of Law"],
        authors=["mariam-qureshi"], meta="og+ld", image=True,
        summary=(
            "Reintegration programs designed in capitals often fail in the villages where former "
            "fighters return. Giving communities a real say in the process improves acceptance "
            "and reduces the risk of recidivism."),
        caption="A community meeting on the return of former fighters. (Sample image)",
        bullets_heading="Key Takeaways",
        bullets=[
            "Communities need a voice in deciding the conditions of return.",
            "Benefits for returnees should be matched by support for the wider community.",
            "Local justice mechanisms can complement formal prosecutions.",
        ],
        body="""
## Why ownership matters

When returnees receive support that their neighbors do not, resentment follows. Programs that invest in community projects alongside individual assistance fare better.

## Recommendations

Involve local leaders, victims and women’s groups in screening and planning, and fund follow-up for several years.
""",
        about_report="This brief draws on program evaluations in three countries. (Sample site: text written for the demo.)",
    ),
    dict(
        slug="youth-councils-and-local-governance-review-peacebuilding-practice",
        title="Youth Councils and Local Governance: A Review of Peacebuilding Practice",
        date="2019-11-05", type="Report",
        topics=["Youth", "Democracy & Governance"],
        authors=["nguyen-thi-lan", "jonas-lindqvist"], meta="og", image=True,
        summary=(
            "Youth councils are a popular tool for bringing young people into local decision "
            "making. This review of programs in twelve countries finds that their impact depends "
            "on real authority and resources."),
        caption="Members of a municipal youth council. (Sample image)",
        bullets_heading="Summary",
        bullets=[
            "Councils with a budget line achieved more than purely advisory bodies.",
            "Selection processes shaped whether councils were seen as legitimate.",
            "Links to local peace committees helped councils address violence.",
        ],
        body="""
## Scope of the review

The review covers programs supported by governments, international organizations and civil society between 2010 and 2019.

## Findings

Youth councils were most effective when they controlled small budgets, met regularly with officials and reported back to their peers.
""",
        about_report="This report reviews evaluations and program documents from twelve countries. (Sample site: text written for the demo.)",
    ),
    dict(
        slug="water-land-and-conflict-early-warning-indicators-climate-related-violence",
        title="Water, Land and Conflict: Early Warning Indicators for Climate-Related Violence",
        date="2019-07-16", type="Special Report",
        topics=["Climate & Security", "Conflict Analysis & Prevention",
                "Economics & Environment"],
        authors=["grace-mwangi"], meta="full", image=True,
        summary=(
            "Climate change is reshaping where and how communities compete for water and land. "
            "This report proposes a set of indicators that early warning systems can use to "
            "anticipate climate-related violence."),
        caption="A dried riverbed in a drought-affected region. (Sample image)",
        bullets_heading="Summary",
        bullets=[
            "Rainfall data alone predicts conflict poorly; social and institutional indicators "
            "matter more.",
            "Changes in migration routes and market prices are early signals of tension.",
            "Communities themselves should help choose and monitor indicators.",
        ],
        body="""
## Beyond rainfall

Early warning systems that rely only on climate data miss the social processes that turn scarcity into violence.

## Proposed indicators

The report groups indicators into environmental stress, livelihood disruption, institutional capacity and signs of mobilization.
""",
        about_report="This report is based on a review of early warning systems and field consultations. (Sample site: text written for the demo.)",
    ),
    dict(
        slug="dialogue-deadlines-why-rushed-peace-agreements-fail",
        title="Dialogue Before Deadlines: Why Rushed Peace Agreements Fail",
        date="2019-04-02", type="Commentary",
        topics=["Peace Processes", "Mediation, Negotiation & Dialogue"],
        authors=["elodie-marchand"], meta="og", image=True,
        summary=(
            "Deadlines set by outside powers can force a signature, but agreements signed under "
            "pressure without broad consultation often collapse within a few years."),
        caption="Delegates at the signing of a peace agreement. (Sample image)",
        body="""
International partners want results they can announce. Parties to a conflict learn to give them signatures without commitment.

## The cost of speed

Agreements negotiated quickly among a few leaders leave out the communities, armed factions and political groups whose cooperation implementation requires.

## A better rhythm

Mediators should protect time for consultation, build in review points and resist setting dates that serve diplomatic calendars rather than the process.
""",
    ),
]
