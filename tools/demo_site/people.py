"""People of the sample institute: slug -> (byline name, plain name, role, bio)."""

PEOPLE = {
    # Authors of the seed publications (real people; bios kept short and factual in tone).
    "arsla-jawaid": (
        "Arsla Jawaid", "Arsla Jawaid", "Research Fellow, Concord Consulting",
        "Arsla Jawaid is a research fellow at Concord Consulting, where she specializes in "
        "understanding militancy and violent extremism. She previously served as a senior "
        "political officer on counter extremism for the British High Commission Islamabad. "
        "She has also consulted for USIP on youth radicalization in Pakistan and has worked "
        "with the UN Counter-Terrorism Committee Executive Directorate and the International "
        "Peace Institute on issues of prevention, militancy, and international security."),
    "christopher-clary": (
        "Christopher Clary", "Christopher Clary", "Contributing Author",
        "Christopher Clary writes on South Asian security, nuclear strategy and the "
        "India-Pakistan relationship. (Sample site: biography abridged.)"),
    "asfandyar-mir": (
        "Asfandyar Mir, Ph.D.", "Asfandyar Mir", "Senior Expert, South Asia",
        "Asfandyar Mir works on South Asian security, militancy and counterterrorism "
        "policy. (Sample site: biography abridged.)"),
    "tamanna-salikuddin": (
        "Tamanna Salikuddin", "Tamanna Salikuddin", "Director, South Asia Programs",
        "Tamanna Salikuddin works on peace and security in South Asia, including Pakistan "
        "and Afghanistan. (Sample site: biography abridged.)"),
    # Fictional staff and fellows of the sample institute.
    "mariam-qureshi": (
        "Mariam Qureshi, Ph.D.", "Mariam Qureshi", "Senior Fellow, Violent Extremism",
        "Mariam Qureshi studies how armed groups recruit young people and how former "
        "fighters return to civilian life. She has led field research in South Asia and "
        "East Africa and advises community programs on disengagement and reintegration."),
    "daniel-okafor": (
        "Daniel Okafor", "Daniel Okafor", "Program Director, Elections and Conflict",
        "Daniel Okafor leads the institute’s work on electoral violence. Before joining the "
        "institute he coordinated election observation missions and trained local monitors "
        "across West Africa."),
    "sofia-ramirez-ortega": (
        "Sofía Ramírez Ortega", "Sofía Ramírez Ortega", "Senior Advisor, Peace Processes",
        "Sofía Ramírez Ortega has worked on peace negotiations and victims’ participation in "
        "Latin America for two decades, as a negotiator’s advisor and as a researcher."),
    "nguyen-thi-lan": (
        "Nguyễn Thị Lan", "Nguyễn Thị Lan", "Program Officer, Youth and Gender",
        "Nguyễn Thị Lan runs the institute’s youth peacebuilding network and its small-grants "
        "program for young women’s organizations in Southeast Asia and beyond."),
    "elodie-marchand": (
        "Élodie Marchand, Ph.D.", "Élodie Marchand", "Senior Fellow, Mediation",
        "Élodie Marchand is a mediation specialist who has supported dialogue processes in "
        "the Sahel and Central Africa. Her research looks at how talks survive coups, "
        "sanctions and the departure of international missions."),
    "jonas-lindqvist": (
        "Jonas Lindqvist", "Jonas Lindqvist", "Visiting Fellow, Negotiation",
        "Jonas Lindqvist is a former diplomat who writes on the design of negotiations, "
        "sanctions and ceasefires."),
    "amira-haddad": (
        "Amira Haddad", "Amira Haddad", "Senior Program Officer, Religion and Inclusive Societies",
        "Amira Haddad works with religious leaders and faith-based organizations on "
        "mediation, reconciliation and public health in conflict-affected communities."),
    "lukasz-wisniewski": (
        "Łukasz Wiśniewski", "Łukasz Wiśniewski", "Fellow, Democracy and Governance",
        "Łukasz Wiśniewski researches local government, decentralization and civic "
        "participation in Central and Eastern Europe."),
    "grace-mwangi": (
        "Grace Mwangi, Ph.D.", "Grace Mwangi", "Senior Fellow, Climate and Security",
        "Grace Mwangi is a political ecologist who studies how drought, land and water "
        "shape conflict in the Horn of Africa and how communities manage them peacefully."),
    "tomas-herrera": (
        "Tomás Herrera", "Tomás Herrera", "Senior Advisor, Human Rights",
        "Tomás Herrera is a human rights lawyer who has worked with truth commissions and "
        "victims’ associations in Central and South America."),
    "priya-raman": (
        "Priya Raman", "Priya Raman", "Research Associate, Technology and Governance",
        "Priya Raman studies online mobilization, emergency powers and the protection of "
        "civic space."),
    "aissatou-diallo": (
        "Aïssatou Diallo", "Aïssatou Diallo", "Program Officer, Dialogue",
        "Aïssatou Diallo designs and evaluates local dialogue programs, with a focus on "
        "the participation of women and young people."),
}
