"""Word lists the stages share: titles, pronouns, determiners, nouns for people and bodies,
countries, and what says a person is a man or a woman.
"""

from __future__ import annotations

from claimcheck.core.attribution.lexicon import _words

_ADVERBS = _words(
    """also later then previously recently further once earlier now again subsequently both
    separately repeatedly publicly privately first initially finally only just simply quickly
    still already however meanwhile similarly instead too himself herself itself themselves
    reportedly allegedly twice today yesterday tonight long"""
)


# Verbs whose object a cue word can be as a noun: "gave answers", "received reports".
_GIVING = _words("gave give gives given got gets received receives offered offers provided")
# Verbs whose object may be a cue word used as a noun: "has denied claims that ...".
_ANSWERING = _words(
    "denied denies deny dismissed dismisses rejected rejects refuted refutes disputed disputes"
)


_NOT_SUBJECT = _words(
    """is are was were be been being get gets got to of in on at by for with from about into
    over under when where while if as after before once although though because since until
    unless whether than that which who whom whose what how why and but or nor so yet not no
    never i we you me us one someone somebody nobody everyone anyone it's this these those
    both each all neither either"""
)


_PRONOUNS = _words("he she it they him her his its their them")
_POSSESSIVES = _words("his her its their our my your")


_PERSON_PRONOUNS = _words("he she him her his")


_NOT_SOURCES = _words("wikinews")


_INDEFINITE = _words(
    "a an one another some many several two three four five six seven eight nine ten dozens"
)


_DETERMINERS = _INDEFINITE | _words("the this that these those")


_CORE_TITLES = _words(
    """president minister premier chancellor secretary spokesman spokeswoman spokesperson
    senator sen. rep. representative congressman congresswoman governor gov. mayor ambassador
    general gen. major lieutenant lt. colonel col. captain capt. admiral sergeant sgt. det. cpl.
    commander chief director chairman chairwoman chair ceo founder co-founder mr mr. mrs mrs. ms
    ms. dr dr. prof prof. professor king queen prince princess pope judge justice attorney
    prosecutor advocate commissioner inspector superintendent officer detective sheriff mp mep
    lawmaker leader head executive manager editor analyst economist researcher correspondent
    reporter sir dame lord lady rev. reverend bishop cardinal imam rabbi sheikh councillor
    councilor councilman councilwoman alderman assemblymember assemblyman assemblywoman envoy
    coach curator instructor lecturer treasurer blogger vlogger administrator advisor adviser
    aide chairperson secretary-general director-general"""
)


# Words of a title that are no title on their own: "Environment Minister", "Secretary of State".
_TITLE_MODIFIERS = _words(
    "vice deputy acting foreign defence defense interior environment finance health state"
    " home prime general"
)


# With the abbreviations news style writes before a name: "Sen. Ana Holt", "Rep. Tom Berg".
_OFFICIAL_WORDS = _words(
    """president minister premier chancellor secretary spokesman spokeswoman spokesperson
    spokespeople senator sen. congressman congresswoman representative rep. governor gov.
    lt. mayor ambassador
    diplomat general lieutenant colonel admiral sergeant commander prosecutor prosecutors
    commissioner sheriff mp mep lawmaker lawmakers legislator councillor councilor official
    officials authorities government ministry department administration police military army
    navy parliament congress senate embassy consulate cabinet king queen federal feds
    regulator commission bureau court council kremlin pentagon forces envoy judge justice
    politician politicians assemblyman assemblywoman assemblymember alderman councilman councilwoman
    magistrate ombudsman constable municipality municipalities administrator undersecretary
    under-secretary superintendent inspector detective sgt. det. cpl. lt. capt."""
)


_ORG_WORDS = _words(
    """company companies firm corporation corp corp. inc inc. ltd ltd. llc plc group
    organization organisation conference association foundation institute university college
    union society federation league club charity ngo nations bank fund alliance coalition
    watch campaign startup maker manufacturer retailer airline developer giant operator
    provider producer party summit consortium church diocese mosque temple synagogue"""
)


_PERSON_WORDS = _words(
    """founder co-founder ceo executive chairman chairwoman resident lawyer attorney
    journalist editor columnist reporter correspondent professor analyst expert researcher
    scientist author writer witness activist student teacher doctor dr dr. mr mr. mrs mrs. ms
    ms. actor actress singer survivor fisherman farmer man woman boy girl father mother son
    daughter wife husband owner worker employee victim passenger neighbour neighbor friend
    economist historian coach curator instructor lecturer fan fans visitor attendee artist
    designer cosplayer creator parent brother sister grandmother grandfather child teenager
    pupil volunteer protester demonstrator photographer musician practitioner believer
    engineer"""
)


_TITLE_WORDS = _CORE_TITLES | _TITLE_MODIFIERS | _OFFICIAL_WORDS | _PERSON_WORDS


# What says a person is a man or a woman, for "he" and "she": titles, gendered nouns and
# common first names.
_GENDERS = {
    **dict.fromkeys(
        _words(
            """mr sir lord king prince duke spokesman chairman congressman councilman
            businessman father son husband brother boy man monsieur herr senor"""
        ),
        "m",
    ),
    **dict.fromkeys(
        _words(
            """mrs ms miss dame lady queen princess duchess spokeswoman chairwoman
            congresswoman councilwoman businesswoman mother daughter wife sister girl woman
            madame frau senora"""
        ),
        "f",
    ),
    **dict.fromkeys(
        _words(
            """james john robert michael william david richard joseph thomas charles
            christopher daniel matthew anthony mark donald steven paul andrew joshua kenneth
            kevin brian george timothy ronald edward jason jeffrey ryan jacob gary nicholas eric
            jonathan stephen larry justin scott brandon benjamin samuel gregory frank alexander
            patrick peter henry tom tim jim bob bill mike dan ben sam joe jack harry oliver
            lars erik anders nils jonas sven olaf pavel ivan sergei dmitri vladimir andrei
            mikhail oleksandr tomas jan piotr marek carlos jose juan luis miguel pedro antonio
            diego pablo francisco jorge manuel marco giovanni luca hans klaus jurgen stefan
            joost pieter willem pierre francois louis ahmed mohammed muhammad ali omar
            hassan hussein ibrahim mustafa yusuf khalid wei jun hiroshi kenji takeshi raj
            rahul amit sanjay vijay arjun kwame kofi emeka chinedu"""
        ),
        "m",
    ),
    **dict.fromkeys(
        _words(
            """mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy
            lisa betty margaret sandra ashley kimberly emily donna michelle dorothy carol
            amanda melissa deborah stephanie rebecca sharon laura cynthia kathleen amy angela
            shirley anna brenda pamela emma nicole helen samantha katherine christine debra
            rachel catherine carolyn janet ruth maria heather diane julie joyce victoria kelly
            christina lauren joan evelyn olivia judith megan cheryl martha andrea hannah
            jacqueline ann alice kathryn gloria teresa sara janice julia grace judy
            theresa beverly denise marilyn amber danielle rose brittany diana abigail natalie
            jane lucy kate charlotte claire ingrid astrid kari sigrid karin
            birgit greta olena olga natalia tatiana svetlana irina elena anastasia ekaterina
            marta agnieszka katarzyna lucia sofia isabel carmen ana paula giulia francesca
            chiara marie sophie camille ursula fatima aisha amira layla mariam yasmin
            noor zainab mei ling yuki keiko priya anjali sunita ngozi amina chioma"""
        ),
        "f",
    ),
}


_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}


def _gender(words: frozenset[str]) -> str | None:
    return next((_GENDERS[w.rstrip(".")] for w in words if w.rstrip(".") in _GENDERS), None)


_PERSON_NOUNS = _words(
    """minister president spokesman spokeswoman spokesperson official senator governor mayor
    premier man woman lawyer witness resident chairman founder executive judge coroner
    prosecutor coach director curator teacher doctor professor officer detective inspector
    commissioner ambassador secretary chancellor commander"""
)


# The staff of a public body written bare, by what the body's name holds: "Officers said"
# after "police said" are the police; "Prosecutors found" the prosecutor's office named before.
_STAFF_OF_BODY = {"officers": "police", "detectives": "police", "prosecutors": "prosecut"}


_OFFICIAL_PLURALS = _words(
    "officials authorities police investigators prosecutors lawmakers diplomats"
)


# Public bodies, each one body, whose officials are specific enough to be a source: "school
# officials". Not "government", "federal", "election" or "border" officials: which of many
# offices they hold is no more said than by "officials" alone, a hedge.
_PUBLIC_BODIES = _words(
    """city town county district school police court prison hospital airport embassy ministry
    department"""
)


# People of the story known by what they are, not by name: specific enough to be a source
# ("residents said", "said an elder", "officials claimed"), unlike those outside it
# ("experts", "critics", "sources"), who are a hedge. Officials speak as officials.
_PARTICIPANTS = {
    **dict.fromkeys(
        _words(
            """residents resident locals villagers villager parents parent witnesses witness
            speakers speaker members member elders elder families relatives neighbours
            neighbors students teachers workers farmers passengers survivors victims doctors
            nurses organisers organizers volunteers patients employees traders vendors
            protesters demonstrators attendees fishermen"""
        ),
        "person",
    ),
    # "a police spokesman said", "an official with the ministry said": one of a body's staff.
    **dict.fromkeys(
        _words(
            """officials authorities investigators lawmakers official spokesman spokeswoman
            spokesperson representative"""
        ),
        "official",
    ),
}


# The heads of unnamed groups: a hedge, unless the group is one of the story's own people
# (``_PARTICIPANTS``: "residents", "officials", "witnesses" speak).
_VAGUE_HEADS = _words(
    """officials experts analysts sources critics residents witnesses observers people
    individuals groups reports scientists researchers insiders commentators media users others
    estimates"""
)


_COUNTRIES = _words(
    """china russia india japan iran iraq israel syria ukraine germany france britain uk us
    u.s. usa america canada mexico brazil australia indonesia malaysia thailand myanmar
    vietnam philippines pakistan afghanistan turkey egypt italy spain poland taiwan singapore
    bangladesh nigeria kenya ethiopia venezuela cuba argentina chile colombia peru greece
    sweden norway finland denmark netherlands belgium switzerland austria hungary ireland
    lebanon jordan qatar yemen libya sudan algeria morocco"""
) | {"south korea", "north korea", "saudi arabia", "united states", "united kingdom"}


# Places in a name of two or more words make it a body's ("Texas Instruments", "Greenpeace
# Canada"); places that are also given or family names ("Michael Jordan", "Paris Hilton",
# "Whitney Houston", "America Ferrera") are left out.
_PLACES = (_COUNTRIES - _words("jordan israel india america kenya")) | _words(
    """alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii
    idaho illinois iowa kansas kentucky louisiana maine maryland massachusetts michigan
    minnesota mississippi missouri nebraska nevada ohio oklahoma oregon pennsylvania texas
    utah vermont wisconsin wyoming ontario quebec alberta manitoba toronto tokyo beijing
    taipei rome athens melbourne chicago"""
)


_NAME_JOINERS = _words(
    "of for and & de da di du del della delle degli dos das der van von la le al el bin ibn abu"
)
# Bodies named for what they work on: "the Council on Foreign Relations".
_ON_BODIES = _words("council committee commission conference institute center centre panel")


_DESC_STOPS = _words("of at for in from with who which that based since whose")


# Social networks: who writes on them is a social-media source ("said on TikTok").
_PLATFORMS = (
    "Twitter",
    "Facebook",
    "Instagram",
    "Weibo",
    "YouTube",
    "Telegram",
    "Reddit",
    "TikTok",
    "X",
    "Tumblr",
    "LinkedIn",
    "Mastodon",
)
_PLATFORM = "(?:" + "|".join(_PLATFORMS) + ")"


# Capitalised words that name no one: "an Internet posting".
_GENERIC_CAPS = _words("internet web online")


_CALENDAR = _words(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday"""
)


_ROLE_WORDS = _words(
    """spokesman spokeswoman spokesperson representative representatives official officials
    analysts economists researchers scientists experts executives staff employees"""
)


# Bodies a description names by their kind ("the company") or only by their own name
# ("the court", "the church": a body of that name, not any body of its kind).
_COMPANY = _words("group inc corp corporation company ltd llc plc motors airlines airways holdings")
_COMPANY |= _words("technologies labs")
_COMPANY_NOUNS = _words(
    "company firm group corporation maker manufacturer retailer carrier airline operator provider"
    " producer chipmaker startup"
)
# Nouns a body's name ends with, which say what kind of body it is: a company's ending, or
# "Irving Police Department", "Hellenic Ministry of Culture", "Lakeside Residents Association".
_BODY_HEAD_WORDS = _COMPANY | _words(
    """bank foundation institute university church association society union party museum
    hospital school festival federation league council committee court international
    organisation organization network alliance coalition conference trust club movement
    department ministry government agency police commission office authority bureau
    municipality"""
)
# Descriptions that stand for a body of any kind: "the group" for a ministry or a charity.
_GENERIC_BODIES = _words("group organisation organization body")
_NAMED_BODIES = _words(
    """court police parliament army military navy congress senate embassy council committee
    commission church university hospital museum school party union festival district county
    city province municipality bureau authority tribunal organizers organisers"""
)


# Titles whose holder speaks for the body they are of: a company's spokeswoman, an
# association's president or treasurer speaks as the company or the association. A director
# or head speaks for a government body, but a museum's director may speak for themselves.
_BODY_TITLES = _words(
    """spokesman spokeswoman spokesperson representative president chairman chairwoman chair
    ceo executive treasurer officer secretary director head chief manager"""
)
_OFFICIAL_ONLY_TITLES = _words("director head chief manager")
# A government portfolio, or "Under", before a title makes it a government office, not the
# title of a body so named: "Agriculture Secretary Tom Vilsack", "Deputy Under Secretary".
_PORTFOLIOS = _words(
    """agriculture commerce energy education labor labour transport transportation justice
    treasury housing trade interior defence defense health environment finance foreign home
    homeland veterans under"""
)


_OWNERS = frozenset(("his", "her", "their"))
# People known by whose they are: "his father said", "her lawyer told the court".
_RELATIVES = _words(
    """father mother sister brother son daughter wife husband parents uncle aunt cousin
    grandfather grandmother friend lawyer attorney teacher coach principal"""
)
# Those who speak for the one a possessive names, as that one: "His office said".
_SPEAKING_FOR = _words("office spokesperson spokesman spokeswoman campaign")
