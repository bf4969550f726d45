"""The grammar of attribution in news English, one construction at a time.

Each test is a short passage written the way news reports are written, so that a rule is
shown on the construction it reads rather than on one article's wording; the real-article
tests beside it (test_attribution_real.py) show the same rules on published text.
"""

from __future__ import annotations

from tests.core.sentences import analyse, who


def speakers(text: str) -> list[list[tuple[str, str]]]:
    return [who(a) for _, a in analyse(text)]


# --- 1. inverted cues with more after the name ---------------------------------------------


def test_an_inverted_cue_with_the_rest_of_the_clause_after_the_name() -> None:
    text = (
        "Flood water closed the bridge on Monday.\n\n"
        '"We will rebuild," said Mayor Ana Ruiz to the crowd gathered outside city hall. '
        '"It was terrible," recalled local resident Jan Novak last week. '
        '"We have asked for aid," said a spokesperson for the Ministry of Interior on Tuesday. '
        '"We will rebuild" said Ruiz at the meeting.'
    )
    found = analyse(text)
    assert [who(a) for _, a in found] == [
        [],
        [("Ana Ruiz", "primary")],
        [("Jan Novak", "primary")],
        [("Ministry of Interior", "primary")],
        [("Ana Ruiz", "primary")],
    ]
    ruiz = found[1][1].attributions[0]
    assert (ruiz.source_kind, ruiz.cue, ruiz.carried_from) == ("official", "said", None)
    assert found[3][1].attributions[0].source_kind == "official"


def test_an_inverted_cue_is_not_read_into_a_clause_that_follows_said() -> None:
    # "said" followed by its own clause: the words after it are content, not a speaker.
    text = (
        "According to the Lakeside Gazette, Professor Jan Novak, the chairman of the panel, "
        "said Lakeside's bridge has never before been closed for a week."
    )
    ((_, found),) = analyse(text)
    assert who(found) == [("Jan Novak", "primary"), ("Lakeside Gazette", "via")]


# --- 2. quotations over several sentences and paragraphs ------------------------------------


def test_a_quotation_runs_over_sentences_and_paragraphs_with_its_cue_before_or_after() -> None:
    text = (
        "Lakeside flooded on Monday.\n\n"
        '"The water came in the night. Nobody was ready. We lost everything," said farmer '
        "Jan Novak.\n\n"
        "The council voted on Tuesday.\n\n"
        '"It was the worst night of my life," Novak said. "My cows drowned.\n\n'
        '"I will stay with my sister."\n\n'
        "Tom Becker runs the bakery. He said the shop would reopen.\n\n"
        '"We have flour for a week. After that, who knows?"'
    )
    found = analyse(text)
    novak, becker = [("Jan Novak", "primary")], [("Tom Becker", "primary")]
    assert [who(a) for _, a in found] == [
        [],
        *[novak] * 3,
        [],
        *[novak] * 3,
        [],
        *[becker] * 3,
    ]
    carried = [a.attributions[0].carried_from if a.attributions else None for _, a in found]
    assert carried == [None, 3, 3, None, None, None, 5, 5, None, None, 9, 9]


def test_an_uncued_quotation_is_the_person_its_paragraph_opened_with() -> None:
    text = (
        "The council met on Tuesday.\n\n"
        'Mayor Ana Ruiz spoke at the meeting. "We will rebuild. The town has survived worse.'
        '\n\n"Nobody will be left behind."\n\n'
        'Jan Novak was arrested on Monday. "Justice has been served."\n\n'
        'Tom Lee saw it twice. "Avatar" was the top film of the year.'
    )
    found = analyse(text)
    ruiz = [("Ana Ruiz", "primary")]
    # A passive subject says nothing, nor does a title in quotation marks.
    assert [who(a) for _, a in found] == [[], [], ruiz, ruiz, ruiz, [], [], [], []]
    first = found[2][1].attributions[0]
    assert (first.cue, first.source_kind, first.source_text) == (None, "official", "Mayor Ana Ruiz")


def test_a_question_of_the_writer_does_not_break_a_speakers_quotation() -> None:
    # corpus/wikinews/23_warhol.txt
    text = (
        "Kiara Perkins, a second year USI art major, admitted she was willing to skip class "
        "Thursday night to attend the opening exhibit but then circumstances allowed for her to "
        "attend the exhibit. Why did she so badly want to attend? \"It's Warhol. He is a "
        'legend."'
    )
    found = analyse(text)
    perkins = [("Kiara Perkins", "primary")]
    assert [who(a) for _, a in found] == [perkins, [], perkins, perkins]
    assert found[1][1].kind != "claim"


# --- 3. credit lines under a quotation ------------------------------------------------------


def test_a_credit_line_under_a_quotation_with_or_without_a_dash() -> None:
    text = (
        "Prices rose again in March.\n\n"
        '"Our costs have doubled since March. We cannot keep prices where they are."\n'
        "Tom Becker, owner of the Lakeside Bakery\n\n"
        '"The river has never been this high."\n'
        "- Maria Olsen\n\n"
        '"We will rebuild every home." \u2014 Mayor Ana Ruiz\n\n'
        '"Nobody saw it coming." - Jan Novak, a farmer'
    )
    found = analyse(text)
    assert [who(a) for _, a in found] == [
        [],
        [("Tom Becker", "primary")],
        [("Tom Becker", "primary")],
        [],
        [("Maria Olsen", "primary")],
        [],
        [("Ana Ruiz", "primary")],
        [("Jan Novak", "primary")],
    ]
    # The credit lines are no claims; the words they credit are.
    assert [a.kind == "claim" for _, a in found] == [
        True,
        True,
        True,
        False,
        True,
        False,
        True,
        True,
    ]
    becker = found[2][1].attributions[0]
    assert (becker.cue, becker.source_kind, becker.source_text) == (None, "person", "Tom Becker")
    assert found[4][1].attributions[0].cue == "-"


def test_a_heading_under_a_quotation_credits_nobody() -> None:
    text = (
        "Prices rose again in March.\n\n"
        '"Our costs have doubled since March."\n\n'
        "Local Reaction\n\n"
        "Shops stayed closed on Friday."
    )
    assert speakers(text) == [[], [], [], []]


# --- 4. the outlet that relayed the words ---------------------------------------------------


def test_the_outlet_told_spoken_to_or_written_to_is_the_via_source() -> None:
    text = (
        "Jan Novak lost his barn in the flood.\n\n"
        "Novak told the Lakeside Gazette on Friday that the repairs would take a year. "
        "Speaking to Reuters, Mayor Ana Ruiz said the dam held. "
        "Ruiz stated to LA Weekly that more money was coming. "
        "Novak said, speaking with the Daily Star, that he would stay. "
        '"We are looking at it," wrote Ruiz in an email to the Lakeside Gazette. '
        "Novak said in a letter to Governor Lisa Hart that he needed help. "
        "Ruiz said on CNN that the dam failed. "
        "Ruiz said on Monday that the dam held."
    )
    found = speakers(text)
    assert found == [
        [],
        [("Jan Novak", "primary"), ("Lakeside Gazette", "via")],
        [("Ana Ruiz", "primary"), ("Reuters", "via")],
        [("Ana Ruiz", "primary"), ("LA Weekly", "via")],
        [("Jan Novak", "primary"), ("Daily Star", "via")],
        [("Ana Ruiz", "primary"), ("Lakeside Gazette", "via")],
        # The one a letter is written to is its recipient, no source.
        [("Jan Novak", "primary")],
        [("Ana Ruiz", "primary"), ("CNN", "via")],
        [("Ana Ruiz", "primary")],
    ]
    kinds = {a.canonical: a.source_kind for _, s in analyse(text) for a in s.attributions}
    assert kinds["Daily Star"] == kinds["LA Weekly"] == "newspaper"


# --- 5. reporting verbs in every form, pronouns and descriptions, colon cues ---------------


def test_reporting_verbs_in_all_tenses_and_forms_after_a_pronoun_or_a_name() -> None:
    text = (
        "Governor Lisa Hart visited the town on Monday.\n\n"
        'She explained: "The money is there." She went on: "We will pay." '
        "Hart would later say that the dam was safe. "
        "Hart has repeatedly said the town would be rebuilt. "
        "She was quoted as saying that the state was ready. "
        "Hart has been saying for weeks that the dam was safe. "
        "She continued to insist the dam was safe. "
        'Hart answered: "We do not know." '
        "Hart promised that every home would be rebuilt. "
        "Hart questioned whether the dam had been inspected. "
        "Hart expressed concern that the river would rise again."
    )
    found = analyse(text)
    assert [who(a) for _, a in found] == [[]] + [[("Lisa Hart", "primary")]] * 11
    first = found[1][1].attributions[0]
    assert (first.mention, first.source_kind, first.cue) == ("She", "official", "explained")
    # The subject is the name, not the name with the auxiliary after it.
    assert found[3][1].attributions[0].source_text == "Hart"


def test_a_verb_form_that_is_also_a_noun_is_no_cue_without_what_is_said() -> None:
    text = (
        "Governor Lisa Hart visited the town on Monday.\n\n"
        "The promise of aid came too late. Hart answered questions for an hour. "
        "The question of money remains. Hart thanked the volunteers. "
        "Her comments drew a crowd. Farmers voice their anger every week."
    )
    assert speakers(text) == [[]] * 7


# --- 9. names behind titles -----------------------------------------------------------------


def test_the_name_after_a_title_of_a_place_or_body_is_the_speaker() -> None:
    text = (
        "Governor of Washington Chris Gregoire said the state would help. "
        "Minister of Foreign Affairs Wang Yi said talks would go on. "
        "President of the Confederation Urs Meier told reporters it was over. "
        "The head of the Lakeside Farmers Union said prices fell. "
        "Gregoire added that the money was there."
    )
    found = analyse(text)
    assert [who(a) for _, a in found] == [
        [("Chris Gregoire", "primary")],
        [("Wang Yi", "primary")],
        [("Urs Meier", "primary")],
        [("Lakeside Farmers Union", "primary")],
        [("Chris Gregoire", "primary")],
    ]
    assert found[0][1].attributions[0].source_kind == "official"


# --- 10. a hedge that opens a sentence ------------------------------------------------------


def test_a_sentence_initial_hedge_is_flagged_and_never_a_source() -> None:
    text = (
        "The dam failed on Monday.\n\n"
        "Allegedly, the dam was inspected only once. Reportedly, the mayor was warned. "
        "Purportedly, the warnings were ignored."
    )
    found = analyse(text)
    assert [who(a) for _, a in found] == [[]] * 4
    assert [a.hedge for _, a in found] == [None, "allegedly", "reportedly", "purportedly"]


# --- 7. bodies speaking in the present tense ------------------------------------------------


def test_a_body_notes_says_estimates_and_argues_in_the_present_tense() -> None:
    text = (
        "Crops failed across the region this year.\n\n"
        'The Department of Agriculture notes, "Crops were lost." '
        "The agency says farmers will be paid. "
        "The Lakeside Institute estimates that repairs will cost $2 million. "
        "Greenpeace argues that the dam should go. "
        "The ministry maintains that the rules were followed."
    )
    found = analyse(text)
    department = [("Department of Agriculture", "primary")]
    assert [who(a) for _, a in found] == [
        [],
        department,
        department,
        [("Lakeside Institute", "primary")],
        [("Greenpeace", "primary")],
        department,
    ]
    kinds = [a.attributions[0].source_kind for _, a in found[1:]]
    assert kinds == ["official", "official", "organization", "organization", "official"]
    assert found[2][1].attributions[0].mention == "The agency"


# --- 8. the web and social media ------------------------------------------------------------


def test_writers_on_boards_newsgroups_and_sites_are_social_media_sources() -> None:
    text = (
        "The flood was the worst in a century.\n\n"
        "Posts on the message board of example.org said the flood was predicted. "
        "Critics on the newsgroup alt.example claimed the dam was weak. "
        "One poster wrote that the warnings were ignored. "
        "A blogger on lakesidewatch.net wrote that the mayor lied. "
        "According to an Internet posting, the mayor knew in advance. "
        'The "History" section of the site explains that the town was founded in 1820.'
    )
    found = analyse(text)
    assert [who(a) for _, a in found] == [
        [],
        [("message board of example.org", "primary")],
        [("newsgroup alt.example", "primary")],
        [("poster", "primary")],
        [("lakesidewatch.net", "primary")],
        [("Internet posting", "primary")],
        [("website", "primary")],
    ]
    kinds = [a.attributions[0].source_kind for _, a in found[1:]]
    assert kinds == ["social_media"] * 5 + ["website_statement"]
    assert found[1][1].attributions[0].mention == "Posts on the message board of example.org"


def test_people_in_a_place_are_not_a_website() -> None:
    text = "Residents in Lakeside said the water was rising. Users said the app was slow."
    found = analyse(text)
    assert all(a.source_kind != "social_media" for _, s in found for a in s.attributions)


# --- 6. studies, papers and letters ---------------------------------------------------------


def test_a_study_mentioned_without_a_cue_is_what_its_researchers_and_they_found() -> None:
    text = (
        "A new study of the river was published on Monday.\n\n"
        "The researchers found that the water was clean. "
        "They estimated that 300 homes were damaged. "
        "The study concluded that the levees were too low.\n\n"
        "The results of the Lakeside River Study, published in a journal this week, showed "
        "that the dam was old."
    )
    found = analyse(text)
    # Named in the last sentence, the study takes its name everywhere it spoke before.
    assert [who(a) for _, a in found] == [
        [],
        [("Lakeside River Study authors", "primary")],
        [("Lakeside River Study authors", "primary")],
        [("Lakeside River Study", "primary")],
        [("Lakeside River Study", "primary")],
    ]
    assert found[2][1].attributions[0].mention == "They"
    assert found[3][1].attributions[0].source_kind == "document"


def test_letters_petitions_and_papers_are_document_sources() -> None:
    text = (
        "The farmers sent a letter to the governor last week. "
        'The letter reads "We ask for help". '
        "A petition signed by 500 residents demands a new dam. "
        'The petition reads, in part: "We cannot wait." '
        "Results of the trials, published in a paper by J. Smith (1989), showed that the drug "
        "worked. "
        "The results of the trials, published in the Lancet, showed that the drug worked."
    )
    found = analyse(text)
    assert [who(a) for _, a in found] == [
        [],
        [("letter", "primary")],
        [],
        [("petition", "primary")],
        [("J. Smith paper", "primary")],
        [("Lancet", "primary")],
    ]
    assert {a.source_kind for _, s in found for a in s.attributions} == {"document"}


# --- descriptions and pronouns resolved in the document's model of its entities -----------


def test_descriptions_resolve_to_a_body_of_that_name_and_a_person_of_that_sort() -> None:
    text = (
        "In a statement, the Church of Scientology denied the allegations. "
        "The church said the claims were false. "
        "A spokesperson for the church, Karin Pouw, said the woman had left voluntarily. "
        "The woman, who asked not to be named, said she was locked in a room for weeks. "
        "She claims she was forced to work without pay. "
        "The court ruled that the church must pay her."
    )
    found = analyse(text)
    church = [("Church of Scientology", "primary")]
    woman = [("the woman", "primary")]
    assert [who(a) for _, a in found] == [
        church,
        church,
        [("Karin Pouw", "primary")],
        woman,
        woman,
        [("the court", "primary")],
    ]
    assert found[3][1].attributions[0].cue == "said"


def test_he_is_the_person_of_the_latest_sentence_and_called_it_a_is_a_cue() -> None:
    text = (
        "Cardinal Angelo Bagnasco spoke in Rome on Monday. "
        "The Greek court ruled that worship of the ancient gods is legal. "
        "The group's leader, Vlassis Rassias, welcomed the decision. "
        "He called it a victory for freedom. "
        "Rassias called the police."
    )
    found = analyse(text)
    assert [who(a) for _, a in found] == [
        [],
        [("Greek court", "primary")],
        [],
        [("Vlassis Rassias", "primary")],
        [],
    ]


def test_statements_of_a_body_and_whose_view_a_sentence_is() -> None:
    text = (
        "Mayor Ana Ruiz opened the new bridge on Monday.\n\n"
        "A Norvex statement said the bridge was safe. "
        "The statement said nothing new. "
        "A statement from the ministry said the money was spent. "
        'In Ruiz\'s words, the bridge is "a gift to the town". '
        "In her view, the money was well spent. "
        "For Ruiz, the bridge is a symbol of hope. "
        "For years, the bridge was closed. "
        "For Microsoft, the deal was a win."
    )
    found = analyse(text)
    ruiz = [("Ana Ruiz", "primary")]
    assert [who(a) for _, a in found] == [
        [],
        [("Norvex statement", "primary")],
        [("Norvex statement", "primary")],
        [("the ministry statement", "primary")],
        ruiz,
        ruiz,
        ruiz,
        [],
        [],
    ]
    assert found[1][1].attributions[0].source_kind == "press_release"
    assert found[5][1].attributions[0].mention == "her"


def test_an_interview_answer_after_its_speakers_name_and_a_colon() -> None:
    text = (
        "The town met on Monday.\n\n"
        "Jan Novak: The bridge is too narrow. It should be wider.\n\n"
        "Update: The bridge reopened.\n\n"
        "Two things matter: cost and time."
    )
    found = analyse(text)
    novak = [("Jan Novak", "primary")]
    assert [who(a) for _, a in found] == [[], novak, novak, [], []]
    answer = found[2][1].attributions[0]
    assert (answer.cue, answer.carried_from) == (":", 1)


def test_crowds_online_are_vague_residents_and_officials_speak() -> None:
    text = (
        "Thousands of people on Twitter expressed support for the boy. "
        "Residents of Lakeside said the water was rising. "
        "Officials of the Ministry of Health said the water was safe. "
        "The school district said in a letter to parents that the students were safe."
    )
    found = analyse(text)
    assert [who(a) for _, a in found] == [
        [],
        [("residents of Lakeside", "primary")],
        [("Ministry of Health", "primary")],
        [("the school district", "primary")],
    ]
    assert found[1][1].hedge is None
    assert [a.attributions[0].source_kind for _, a in found[2:]] == ["official", "official"]


def test_someones_spokesman_or_office_speaks_for_them_and_titles_alone_are_sources() -> None:
    text = (
        "Microsoft's spokesman Frank Shaw said the cuts were painful. "
        "The minister's office said the plan was approved. "
        "The coroner found that the death was accidental. "
        "Amnesty International has called for an inquiry. "
        "The jury found him guilty."
    )
    found = analyse(text)
    assert [who(a) for _, a in found] == [
        [("Frank Shaw", "primary")],
        [("the minister", "primary")],
        [("the coroner", "primary")],
        [("Amnesty International", "primary")],
        [],
    ]
    office = found[1][1].attributions[0]
    assert (office.mention, office.source_kind) == ("The minister's office", "official")


def test_two_people_joined_by_and_both_speak_and_as_she_put_it() -> None:
    text = (
        "Mayor Ana Ruiz opened the bridge on Monday.\n\n"
        "Engineers Jan Novak and Tom Lee said the bridge was safe. "
        "Novak and Lee both said the steel was good. "
        "Procter and Gamble said sales rose. "
        'As Ruiz put it, the bridge is "a gift". '
        "As expected, prices rose."
    )
    found = analyse(text)
    engineers = [("Jan Novak", "primary"), ("Tom Lee", "primary")]
    assert [who(a) for _, a in found] == [
        [],
        engineers,
        engineers,
        [("Procter and Gamble", "primary")],
        [("Ana Ruiz", "primary")],
        [],
    ]


def test_a_passive_cue_names_its_source_after_by_and_data_show() -> None:
    text = (
        "The company closed its plant on Monday.\n\n"
        "The closure was confirmed by Norvex Group. "
        "The news was announced by Mayor Ana Ruiz at a press conference. "
        "Data released by the Lakeside Institute show that jobs fell. "
        'The plant was "a relic", according to a report published by the Lakeside Institute. '
        "The plan was criticised by many."
    )
    found = analyse(text)
    assert [who(a) for _, a in found] == [
        [],
        [("Norvex Group", "primary")],
        [("Ana Ruiz", "primary")],
        [("Lakeside Institute", "primary")],
        [("Lakeside Institute report", "primary")],
        [],
    ]
    assert found[1][1].attributions[0].cue == "confirmed by"
    assert found[4][1].attributions[0].source_kind == "document"


def test_a_first_name_alone_or_a_name_after_a_title_is_a_person() -> None:
    found = analyse(
        "Maria said the bridge was safe. She added that it was new. "
        "Pope Francis said the church was open. Norvex said sales rose."
    )
    assert [[(a.canonical, a.source_kind) for a in s.attributions] for _, s in found] == [
        [("Maria", "person")],
        [("Maria", "person")],
        [("Francis", "person")],
        [("Norvex", "organization")],
    ]


def test_according_to_a_census_a_study_published_in_a_journal_and_per() -> None:
    text = (
        "According to the latest census, the town shrank. "
        "According to a study published in Nature, the drug works. "
        "Per the company, the recall is voluntary. "
        "According to witnesses, the car was red."
    )
    found = analyse(text)
    assert [who(a) for _, a in found] == [
        [("the latest census", "primary")],
        [("Nature study", "primary")],
        [("Nature", "primary")],
        [("witnesses", "primary")],
    ]
    assert [a.attributions[0].source_kind for _, a in found[:2]] == ["document", "document"]
    assert found[2][1].attributions[0].cue == "Per"
    assert found[3][1].attributions[0].source_kind == "person"


def test_the_company_or_the_church_is_the_body_named_before_without_a_cue() -> None:
    text = (
        "Norvex Group makes cars.\n\n"
        "Per the company, the recall is voluntary. The firm said sales fell.\n\n"
        "The Church of Scientology was founded in 1954. The church said the claims were false. "
        "She studied at the University of Toronto. The university said she graduated in 2001."
    )
    found = analyse(text)
    assert [who(a) for _, a in found] == [
        [],
        [("Norvex Group", "primary")],
        [("Norvex Group", "primary")],
        [],
        [("Church of Scientology", "primary")],
        [],
        [("University of Toronto", "primary")],
    ]


def test_the_company_is_the_body_a_named_person_is_of_not_the_person() -> None:
    text = (
        "Dr. Ana Ruiz of Norvex Corp warned that prices would rise.\n\n"
        "The company said the plant would stay open."
    )
    assert speakers(text) == [[("Ana Ruiz", "primary")], [("Norvex Corp", "primary")]]
    text = (
        "Dr. Jan Novak of The Lakeside Company warned that costs would rise. "
        "The company said it would hire."
    )
    assert speakers(text) == [
        [("Jan Novak", "primary")],
        [("Lakeside Company", "primary")],
    ]


def test_the_boy_or_the_14_year_old_is_the_person_just_named() -> None:
    text = (
        "Ahmed Mohamed, 14, was arrested at his school on Monday. "
        "The boy said he built the clock at home. "
        "The 14-year-old told reporters he would not go back. "
        "The girl said nothing."
    )
    found = analyse(text)
    ahmed = [("Ahmed Mohamed", "primary")]
    assert [who(a) for _, a in found] == [[], ahmed, ahmed, []]
    assert found[1][1].attributions[0].mention == "The boy"


# --- kinds: who a titled person speaks for -------------------------------------------------


def test_a_titled_person_takes_the_kind_of_the_body_they_speak_for() -> None:
    text = (
        "Oil reached the coast on Monday.\n\n"
        "Jane Doe, a spokeswoman for Shell, said the leak had been contained. "
        "Acme Corp chief executive John Smith said profits would rise. "
        "Tom Lee, a spokesman for the Ministry of Defence, said the drill was routine. "
        "Kathryn Waters, director of the gallery, said she hoped for more. "
        "Jan Novak, director of the National Museum, said the painting was genuine. "
        "Ana Ruiz, a professor at Harvard University, said the results were clear."
    )
    kinds = [[(x.canonical, x.source_kind) for x in a.attributions] for _, a in analyse(text)]
    assert kinds[1:] == [
        [("Jane Doe", "organization")],
        [("John Smith", "organization")],
        [("Tom Lee", "official")],
        [("Kathryn Waters", "person")],
        [("Jan Novak", "person")],
        [("Ana Ruiz", "person")],
    ]


def test_government_bodies_known_by_an_acronym_or_an_adjective_are_official() -> None:
    text = (
        "Markets fell on Monday.\n\n"
        "The FBI said it was aware of the reports. "
        "The Federal Reserve said inflation remained high. "
        "NASA said the launch had been delayed. "
        "Greenpeace said the spill had killed thousands of birds."
    )
    kinds = [[(x.canonical, x.source_kind) for x in a.attributions] for _, a in analyse(text)]
    assert kinds[1:] == [
        [("FBI", "official")],
        [("Federal Reserve", "official")],
        [("NASA", "official")],
        [("Greenpeace", "organization")],
    ]


# --- indirect speech carried over -----------------------------------------------------------


def test_reported_speech_goes_on_in_a_sentence_with_its_modal_backshifted() -> None:
    text = (
        "The council met on Monday.\n\n"
        "Mayor Ana Ruiz said the bypass plan would fail. It would cost the town twice what it "
        "has. The plan was drawn up in 2019.\n\n"
        "Police said two men were arrested. However, the bridge reopened on Tuesday.\n\n"
        "Police said the road was closed. Drivers would wait an hour at the bridge."
    )
    found = speakers(text)
    assert found[1:] == [
        [("Ana Ruiz", "primary")],
        [("Ana Ruiz", "primary")],
        [],
        [("police", "primary")],
        [],
        # Words the speaker said without a modal: the modal after them is the writer's.
        [("police", "primary")],
        [],
    ]


# --- bodies named by what they do, stances on what was said ---------------------------------


def test_organisers_and_a_bureau_are_bodies_of_their_own_not_the_last_body_named() -> None:
    text = (
        "The Lakeside Church held its fair on Sunday.\n\n"
        "According to the organisers, more than 50,000 people attended. "
        "The fair, according to the city's tourism bureau, attracts thousands of visitors."
    )
    found = analyse(text)
    sources = [[(x.canonical, x.source_kind) for x in a.attributions] for _, a in found]
    assert sources[1:] == [
        [("the organisers", "organization")],
        [("the city's tourism bureau", "official")],
    ]


def test_rejecting_or_dismissing_what_was_said_is_a_cue_rejecting_a_bid_is_not() -> None:
    text = (
        "A former member says the Lakeside Church held her against her will.\n\n"
        "The Lakeside Church has rejected her claims. "
        'The church dismissed the allegations as "nonsense". '
        "The church claims to have over 2,000 members. "
        "The board rejected the bid. "
        "The court dismissed the case on Monday."
    )
    found = speakers(text)
    assert found[1:] == [[("Lakeside Church", "primary")]] * 3 + [[], []]


def test_a_blogger_writes_on_the_web() -> None:
    text = "The fair closed on Sunday.\n\nBlogger Ana Ruiz wrote that the fair had been a success."
    ((_, _), (_, found)) = analyse(text)
    (ruiz,) = found.attributions
    assert (ruiz.canonical, ruiz.source_kind) == ("Ana Ruiz", "social_media")


def test_a_participle_after_the_main_clause_or_an_issued_statement_is_its_subjects_words() -> None:
    text = (
        "The Norland court ruled on Monday that the old religion may be practised.\n\n"
        "The Norland Orthodox Church opposed the ruling, saying the religion was a sect. "
        "Lakeside Council issued a statement saying the tax would apply to all schools. "
        "The storm destroyed the harbour, killing ten fishermen."
    )
    found = speakers(text)
    assert found[1:] == [
        [("Norland Orthodox Church", "primary")],
        [("Lakeside Council", "primary")],
        [],
    ]


# --- people known by whose they are ----------------------------------------------------------


def test_his_father_is_the_father_named_before_or_the_father_of_the_one_his_names() -> None:
    text = (
        "A student was arrested on Monday.\n\n"
        "Ahmed Mohamed said he had built the clock himself. "
        "Speaking on CNN, his father said the family felt humiliated. "
        "His sister told the BBC that he was a good student.\n\n"
        "Jan Novak was fined on Tuesday.\n\n"
        "His brother, Tom Novak, said the fine was unfair. "
        "His brother said the family would appeal."
    )
    found = analyse(text)
    sources = [[(x.canonical, x.source_kind, x.role) for x in a.attributions] for _, a in found]
    assert sources[2:4] == [
        [
            ("Ahmed Mohamed's father", "person", "primary"),
            ("CNN", "broadcaster", "via"),
        ],
        [("Ahmed Mohamed's sister", "person", "primary"), ("BBC", "broadcaster", "via")],
    ]
    assert [who(a) for _, a in found[5:]] == [[("Tom Novak", "primary")]] * 2


def test_an_outlet_with_an_italian_particle_and_a_website_of_an_owner_named_nowhere_else() -> None:
    text = (
        "The tax was approved on Monday.\n\n"
        "Italian newspaper Corriere della Sera reported the tax would raise 5 million euros. "
        "According to the convention's official website, over 500 exhibitors attended."
    )
    found = analyse(text)
    sources = [[(x.canonical, x.source_kind) for x in a.attributions] for _, a in found]
    assert sources[1:] == [
        [("Corriere della Sera", "newspaper")],
        [("convention website", "website_statement")],
    ]
