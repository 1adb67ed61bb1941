"""The seed's five publications, with their real titles, dates, authors, types and topics."""

SEED = [
    dict(
        slug="understanding-pakistans-deradicalization-programming",
        title="Understanding Pakistan’s Deradicalization Programming",
        date="2020-01-14", type="Special Report", topics=["Violent Extremism"],
        authors=["arsla-jawaid"], meta="full", image=True,
        summary=(
            "Pakistan has struggled with Islamic militancy since the rise of the mujahideen in the "
            "1980s. In the late 2000s, the Pakistan Army began establishing rehabilitation centers "
            "in the Swat Valley in an effort to deradicalize former Taliban fighters and other "
            "militants and reintegrate them into their communities. This report contrasts "
            "Pakistan’s deradicalization approach with the community-based program used in "
            "Denmark and the widely different prison-based program used in Saudi Arabia, and "
            "identifies areas in which the army’s approach could benefit from more extensive "
            "partnering with civilian-based organizations."),
        caption=(
            "Men learn to use computers in a classroom at Pakistan’s Mishal Deradicalization and "
            "Emancipation Program in April 2012. (Mian Khursheed/Reuters)"),
        bullets=[
            "Based on the evidence, the success of deradicalization and rehabilitation programs "
            "depends on the voluntary participation of individuals and the early identification "
            "of the primary and secondary factors that contributed to their participation in "
            "militancy.",
            "Worldwide, most programs focus on young men who show sympathy or peripheral support "
            "for militant groups, as they are considered to be at a phase where ideological "
            "refutation and disengagement is possible.",
            "Pakistan’s program has borrowed heavily from Saudi Arabia’s deradicalization model, "
            "but has also strived to adopt a more comprehensive approach toward understanding "
            "the root causes of radicalization.",
            "The Pakistan Army leads most deradicalization programming efforts in the country. "
            "The process of deradicalization and reintegration is costly and intensive, and the "
            "military’s intelligence and investigation abilities exceed those of other potential "
            "actors in this space.",
            "Civil society organizations (CSOs) in Pakistan can and should be most active in the "
            "reintegration phase. Besides working with individuals, CSOs are integral in building "
            "resilience and trust in a wider community and ensuring a preventive approach toward "
            "further radicalization.",
            "Given the number of potential red flags pertaining to human rights violations, any "
            "deradicalization project should follow the best practices of an established "
            "international body to ensure transparency and coordination.",
        ],
        bullets_heading=None,
        about_report=(
            "Based on fieldwork conducted in Pakistan, this report explores the Pakistan Army’s "
            "approach to deradicalization programming. The research discusses lessons learned "
            "from Pakistan’s experience with deradicalization programming and formulates a set of "
            "recommendations based on international best practices. The research was supported "
            "by a grant from the Asia Center at the United States Institute of Peace."),
        related=[
            "as-fragile-kashmir-cease-fire-turns-three-heres-how-keep-it-alive",
            "understanding-pakistans-election-results",
            "tamanna-salikuddin-pakistans-elections",
            "2021-india-pakistan-ceasefire-origins-prospects-and-lessons-learned",
        ],
        body="",
    ),
    dict(
        slug="as-fragile-kashmir-cease-fire-turns-three-heres-how-keep-it-alive",
        title="As Fragile Kashmir Cease-Fire Turns Three, Here’s How to Keep it Alive",
        date="2024-02-21", type="Analysis", topics=["Global Policy"],
        authors=["christopher-clary"], meta="og+ld", image=True,
        summary=(
            "At midnight on the night of February 24-25, 2021, India and Pakistan reinstated a "
            "cease-fire that covered their security forces operating “along the Line of Control "
            "(LOC) and all other sectors” in Kashmir, the disputed territory that has been at the "
            "center of the India-Pakistan conflict since 1947. While the third anniversary of "
            "that agreement is a notable landmark in the history of India-Pakistan cease-fires, "
            "the 2021 cease-fire is fragile and needs bolstering to be maintained."),
        caption="A security post along the Line of Control. (Sample image)",
        body="""
Cease-fires between the two armies have been announced before, and most of them eroded within a few years. Cross-border firing along the Line of Control rose steadily in the second half of the 2010s, displacing villagers on both sides and killing soldiers and civilians alike. Against that record, three years of relative quiet is an achievement that deserves attention rather than complacency.

## Why the cease-fire has held

The arrangement rests on a simple bargain: both militaries gain from a quieter frontier. Quiet lets each side shift attention and resources to other priorities, and it spares border communities the constant disruption of shelling. The understanding was reached through established military channels rather than a high-profile political summit, which has kept it insulated from day-to-day political rhetoric.

## What could break it

The cease-fire has no written mechanism for investigating violations, and it depends on a small number of officials who negotiated it. A major terrorist attack attributed to groups based across the border, a change of leadership in either capital, or an incident in which soldiers are killed could quickly revive the old cycle of retaliation.

## How to keep it alive

Both sides can take modest steps without conceding anything on the underlying dispute: keep the hotline between military operations directorates active, hold regular flag meetings at the local level, and quietly agree on how to handle isolated violations so that they do not escalate. Outside governments can help by encouraging these routine contacts and by avoiding public statements that force either side to demonstrate resolve.
""",
    ),
    dict(
        slug="understanding-pakistans-election-results",
        title="Understanding Pakistan’s Election Results",
        date="2024-02-13", type="Analysis",
        topics=["Global Elections & Conflict", "Global Policy"],
        authors=["asfandyar-mir", "tamanna-salikuddin"], meta="og+ld", image=True,
        summary=(
            "Days after Pakistan’s February 8 general election, the Election Commission of "
            "Pakistan released the official results confirming a major political upset. Contrary "
            "to what most political pundits and observers had predicted, independents aligned "
            "with former Prime Minister Imran Khan’s Pakistan Tehreek-e-Insaf (PTI) won the most "
            "seats at the national level, followed by former Prime Minister Nawaz Sharif’s "
            "Pakistan Muslim League-Nawaz (PML-N), the Pakistan Peoples Party (PPP) and the "
            "Muttahida Qaumi Movement (MQM). No party won an absolute majority needed to form a "
            "government on its own. The resultant uncertainty means the United States may have to "
            "contend with a government that is more focused on navigating internal politics and "
            "less so on addressing strategic challenges."),
        caption="Voters queue outside a polling station. (Sample image)",
        body="""
## A surprising outcome

Candidates backed by PTI ran as independents after the party lost its common electoral symbol, which made it harder for many voters to identify them on the ballot. That they nonetheless won the largest bloc of seats suggests a strong and motivated base of support and a protest vote against the political establishment.

## Coalition arithmetic

With no party holding a majority, attention turned immediately to coalition building. Independents had to decide whether to join another party to claim a share of reserved seats, while the larger established parties negotiated over the offices of prime minister and president and over the distribution of cabinet portfolios.

## Questions about the count

Delays in announcing results and allegations of irregularities in several constituencies fed disputes that are likely to play out in the courts and on the streets. How institutions handle these challenges will shape public confidence in the next government.

## What it means for policy

A government built on a fragile coalition will spend much of its energy holding itself together. Economic stabilization, relations with neighbors and security challenges along the western border all require sustained attention that may be hard to find. Partners should expect a cautious government and plan their engagement accordingly.
""",
    ),
    dict(
        slug="tamanna-salikuddin-pakistans-elections",
        title="Tamanna Salikuddin on Pakistan’s Elections",
        date="2024-02-12", type="Podcast", topics=["Global Elections & Conflict"],
        # The seed's card for this episode shows no topic; its own page does.
        card_topics=[],
        authors=["tamanna-salikuddin"], meta="og", image=False,
        summary=(
            "Surprisingly, candidates aligned with former Prime Minister Imran Khan won the most "
            "seats in Pakistan’s elections. But while voters “have shown their faith in "
            "democracy,” the lack of a strong mandate for any specific leader or institution "
            "“doesn’t necessarily bode well for [Pakistan’s] stability,” says USIP’s Tamanna "
            "Salikuddin."),
        caption=None,
        body="""
## Episode notes

In this episode, the conversation turns to the days after the vote: what the results say about voters’ mood, why a fragmented outcome complicates governing, and what to watch as coalition negotiations unfold.

## Transcript (excerpt)

Host: The results surprised a lot of observers. What stood out to you?

Guest: Turnout and the strength of the independent candidates. Voters came out despite considerable obstacles, and that tells you people still see the ballot as a way to be heard.

Host: And what does a fragmented result mean for stability?

Guest: Without a strong mandate, any government will be negotiating constantly with its partners. That makes hard economic and security decisions more difficult to take and to sustain.
""",
    ),
    dict(
        slug="2021-india-pakistan-ceasefire-origins-prospects-and-lessons-learned",
        title="The 2021 India-Pakistan Ceasefire: Origins, Prospects, and Lessons Learned",
        date="2024-02-06", type="Special Report", topics=["Peace Processes"],
        authors=["christopher-clary"], meta="full", image=True,
        summary=(
            "The February 2021 ceasefire between India and Pakistan along the Line of Control in "
            "Kashmir has—despite occasional violations—turned into one of the longest-lasting in "
            "the countries’ 75-year shared history. Yet, as Christopher Clary writes, the "
            "ceasefire remains vulnerable to shocks from terrorist attacks, changes in "
            "leadership, and shifting regional relations. With the ceasefire approaching its "
            "third anniversary, Clary’s report examines the factors that have allowed it to "
            "succeed, signs that it may be fraying, and steps that can be taken to sustain it."),
        caption="Border communities near the Line of Control. (Sample image)",
        bullets_heading="Summary",
        bullets=[
            "The 2021 ceasefire was reached through quiet military-to-military contacts and "
            "announced jointly, which gave both sides ownership of it.",
            "Violations have fallen sharply compared with the years before the agreement, "
            "allowing families along the Line of Control to return to their fields and schools.",
            "The arrangement lacks formal verification and depends on political leaders who "
            "see value in a calm frontier.",
            "Regular local commanders’ meetings, clear procedures for handling incidents and "
            "quiet encouragement from outside partners would make it more resilient.",
        ],
        about_report=(
            "This report reviews the history of ceasefires along the Line of Control and the "
            "circumstances of the 2021 agreement, drawing on public statements, violation data "
            "and interviews. (Sample site: text written for the demo.)"),
        body="""
## A long history of broken truces

Ceasefires in Kashmir have repeatedly been agreed and abandoned. The 2003 understanding brought years of relative calm before firing resumed in earnest later in the decade. Each breakdown left border villages exposed and made the next agreement harder to reach.

## What made 2021 different

The 2021 ceasefire came after a period of high tension and was negotiated without public fanfare. Both sides framed it as a reaffirmation of earlier understandings, which allowed leaders to present it as continuity rather than concession.
""",
    ),
]
