"""Constructions met in articles of US local newsrooms and of newsrooms elsewhere (Hong Kong
Free Press, The Kyiv Independent, Honolulu Civil Beat, bne IntelliNews) the rules had never
been written against. None of these articles carries a verified open licence, so each test
is a passage of the same structure in other words and names; the comment cites the article
whose sentence it generalises, with a fragment of it."""

from __future__ import annotations

from tests.core.sentences import sources


def test_a_police_rank_before_a_name_makes_an_official() -> None:
    # Hong Kong Free Press, "Hong Kong police make 6 arrests ...", https://hongkongfp.com/
    # 2019/08/02/hong-kong-police-make-6-arrests-smoke-bombs-misuse-officers-personal-data/
    # ("Senior Superintendent Steve Li said that police were investigating ...").
    text = "Chief Inspector Mara Lind said that officers were checking the cameras."
    assert sources(text) == [[("Mara Lind", "official")]]


def test_bare_officers_and_prosecutors_speak_for_the_body_named_before() -> None:
    # Hong Kong Free Press (as above): "At a Friday press conference, police said that ...
    # Officers said they also found ingredients for making smoke bombs".
    text = (
        "At a press briefing, police said that two men were held overnight.\n\n"
        "Officers said they also found spray paint and cash."
    )
    assert sources(text) == [[("police", "official")], [("police", "official")]]
    # The Kyiv Independent, "Prosecutor's office: 4 Ukrainians convicted ...",
    # https://kyivindependent.com/prosecutors-office-4-ukrainians-convicted-of-fighting-with-
    # russian-forces-sentenced-to-12-15-years-in-prison/ ("..., the Prosecutor General's
    # Office said on Dec. 21. ... Prosecutors found evidence that they had directly fired at
    # Ukrainian forces"): "found evidence that" reports a finding, and the prosecutors are
    # the office's.
    text = (
        "A court jailed two men for smuggling, the Regional Prosecutor's Office said on Monday.\n\n"
        "Prosecutors found evidence that they had bribed border guards."
    )
    assert sources(text) == [[("Regional Prosecutor", "official")]] * 2
    # With no body named before, the officers themselves; without a cue, no attribution.
    assert sources("Officers said they found cash.") == [[("officers", "official")]]
    assert sources("Officers raided a flat in the north of the city.") == [[]]


def test_bare_officers_speak_for_a_body_only_named_nearby_and_of_the_same_place() -> None:
    # Hong Kong Free Press (as above): the police of "police said that ..." are the officers
    # of the next paragraph; not a police named in another place, or paragraphs back.
    text = (
        "The New York Police Department said the road was closed. In London, officers said "
        "a man was stabbed."
    )
    assert sources(text) == [
        [("New York Police Department", "official")],
        [("officers", "official")],
    ]
    text = (
        "The Lakeside Police Department said the road was closed.\n\nA storm hit.\n\n"
        "Rain fell.\n\nTrees fell.\n\nRoofs fell.\n\nOfficers said a man was stabbed."
    )
    assert sources(text)[-1] == [("officers", "official")]
    # The Kyiv Independent (as above): the office of the lead, two paragraphs back.
    text = (
        "A court jailed four men, the Prosecutor General's Office said.\n\nA war began in "
        "2014.\n\nThe men fought for years. Prosecutors found evidence that they fired "
        "at troops."
    )
    assert sources(text)[-1] == [("Prosecutor General", "official")]
    text = (
        "The Lakeside Police Department said the road was closed.\n\n"
        "Officers said a man was stabbed."
    )
    assert sources(text)[-1] == [("Lakeside Police Department", "official")]


def test_a_relative_that_after_a_participle_is_not_what_was_said() -> None:
    # Honolulu Civil Beat, "Bill requiring more info on police arrests and use of force dies in
    # Hawai'i Senate", https://www.civilbeat.org/2022/03/bill-requiring-more-info-on-police-
    # arrests-and-use-of-force-dies-in-hawai-senate/ ("Senate Bill 2318 is the second iteration
    # of a measure proposed last year that would have required each county police department
    # to collect data"): "that would" has no subject of its own, so "proposed" reports nothing.
    text = (
        "House Bill 410 is a revised version of a plan proposed last year that would have "
        "required each district to publish its budget."
    )
    assert sources(text) == [[]]
    # A complement clause still is: "The council proposed last year that fees rise".
    assert sources("The council proposed last year that parking fees rise.") == [
        [("the council", "official")]
    ]


def test_called_on_someone_to_act_is_a_cue() -> None:
    # bne IntelliNews, "Weekend of rival protests looms in Belgrade", https://www.intellinews.com/
    # weekend-of-rival-protests-looms-in-belgrade-279790/ ("The first is a rally sponsored by
    # President Aleksandar Vucic ... Vucic called on citizens to attend his event on May 26").
    text = (
        "The march is backed by President Ivan Petrov.\n\n"
        "Petrov called on voters to join his rally on Sunday if they want peace."
    )
    assert sources(text)[1] == [("Ivan Petrov", "official")]
    # A visit is no call to act.
    assert sources("Petrov called on his mother in the village.") == [[]]
    # Nor is a visit with when and where before its purpose.
    for visit in (
        "Police called on the house at 9 pm to serve a warrant.",
        "Detectives called on the suspect's home on Friday to question him.",
        "The inspector called on the school twice in May to check the fire exits.",
    ):
        assert sources(visit) == [[]], visit
    # A body of five words is still those called on.
    text = "Foreign Minister Ana Sol called on the United Nations Security Council to act."
    assert sources(text) == [[("Ana Sol", "official")]]


def test_a_report_by_a_described_body_is_the_bodys_report() -> None:
    # openDemocracy, "Government 'misinformation' unit flagged investigative journalism and
    # critics", https://www.opendemocracy.net/en/cabinet-office-misinformation-unit-monitored-
    # investigation-into-government-secrecy-and-foi/ ("Now, a new report by civil liberties
    # organisation Big Brother Watch has revealed that the RRU conducted ..."): the report
    # speaks, its owner named after a description of it.
    text = "Now, a new study by consumer charity Fair Rent Trust has revealed that fees doubled."
    assert sources(text) == [[("Fair Rent Trust study", "document")]]
    text = "A new study by the consumer charity Fair Rent Trust has revealed that fees doubled."
    assert sources(text) == [[("Fair Rent Trust study", "document")]]


def test_a_participle_cue_after_an_opening_subordinate_clause_is_the_main_subjects() -> None:
    # openDemocracy (as above): "When openDemocracy tried to obtain a copy of the document
    # under the FOI Act, the Cabinet Office rejected our request, claiming its disclosure would
    # ...": the subject of the main clause speaks, not that of the "When" clause.
    text = (
        "When the Lakeside Herald sought a copy of the memo, the Home Office refused the "
        "request, claiming its release would harm talks."
    )
    assert sources(text) == [[("Home Office", "official")]]
    assert sources(text, publisher="Lakeside Herald") == [[("Home Office", "official")]]


def test_a_right_quotation_mark_set_where_a_left_one_belongs_still_opens_the_quotation() -> None:
    # AFP Fact Check, "South African health authorities urge public not to share hotline
    # graphics with false information", https://factcheck.afp.com/south-african-health-
    # authorities-urge-public-not-share-hotline-graphics-false-information ("... tweeted a
    # warning to the public." then a paragraph opening with a right mark: "\u201dAlthough the
    # below may appear to be official ...").
    text = (
        "The country's National Health Agency tweeted a warning to the public.\n\n"
        "\u201dThis may look official but it is not from us. If you see it, do not share it.\u201d"
        "\n\nThe number is correct."
    )
    speaker = [("National Health Agency", "social_media")]
    assert sources(text) == [speaker, speaker, speaker, []]
