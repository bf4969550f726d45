"""Constructions met in US federal news releases and Global Voices stories the rules had
never been written against. Each test is a passage of the same structure in other words and
names; the comment cites the article whose sentence it generalises."""

from __future__ import annotations

from claimcheck.core.kinds import classify_document
from claimcheck.core.segment import segment
from tests.core.sentences import sources


def test_a_description_with_a_nationality_is_the_person_an_appositive_called_so() -> None:
    # Global Voices roundup, "Turkish Law Professor Says Transparency Unaccepted in Politics
    # in Turkey", http://globalvoicesonline.org/-/type/roundups+freedom-of-speech/: the
    # professor is named once with a long appositive, quoted by surname, then described.
    text = (
        "The Daily Star interviewed Lena Okafor, a professor of law and politics at the "
        "University of Lagos in the capital, who founded a rights group. In the interview, "
        "Okafor claims that trust in the courts is low. The experienced Nigerian professor "
        "said the courts must change."
    )
    assert sources(text)[2] == [("Lena Okafor", "person")]


def test_a_statement_announced_ahead_is_its_authors_over_every_quoted_paragraph() -> None:
    # NASA release 04-095, "NASA Administrator Shares Appreciation For Presidential
    # Commission", https://www.nasa.gov/home/hqnews/2004/jun/HQ_04095_okeefe_statement_commission_report.html:
    # the statement follows in paragraphs that each open with a quotation mark, none closed.
    text = (
        "Agency Chief Thanks Review Board\n\n"
        "The following is a statement from Port Authority Director Ana Ruiz regarding "
        "today's report from the review board.\n\n"
        '"I thank the board for its careful work.\n\n'
        '"In May, the council set a new course. It asked us to rebuild the harbour.\n\n'
        '"The report will guide our work for years to come.'
    )
    found = sources(text)
    assert found[0] == []
    assert found[1:] == [[("Ana Ruiz", "official")]] * 5


def test_an_update_announced_with_a_colon_is_the_posters_up_to_the_next_heading() -> None:
    # Global Voices, "2 Journalists Arrested for Alleged Defamation of a Minister in
    # Madagascar", http://globalvoicesonline.org/-/type/roundups+freedom-of-speech/: a
    # Facebook update set off as a block, without quotation marks, after a colon.
    text = (
        "Two editors were arrested on Monday. Tomas Berg, another local reporter, posted the "
        "following update on Facebook:\n\n"
        "Our colleagues are in jail. This is the result of a complaint from the minister.\n\n"
        "Court Rules on Press Law\n\n"
        "The court ruled on the law on Tuesday."
    )
    found = sources(text)
    assert found[0] == []
    assert found[1:4] == [[("Tomas Berg", "social_media")]] * 3
    assert found[4:] == [[], []]  # the heading ends the update


def test_words_after_said_and_a_colon_are_the_speakers_for_one_paragraph() -> None:
    # The same Global Voices roundup, "The experienced Turkish professor said:" and a block
    # quotation of two sentences.
    text = (
        "Lena Okafor, a professor of law in Lagos, says trust is low. The professor said:\n\n"
        "People trust the courts less. This applies to politics too.\n\n"
        "The rally drew a large crowd."
    )
    found = sources(text)
    assert found[:4] == [[("Lena Okafor", "person")]] * 4
    assert found[4] == []
    # A colon after no cue announces nothing: USGS, "From Alabama to Alaska, Earthquakes Get
    # Close Examination", https://archive.usgs.gov/archive/sites/www.usgs.gov/newsroom/article.asp-ID=1153.html.
    text = "Other talks at the meeting will highlight:\n\nA rare quake was felt in the south."
    assert sources(text) == [[], []]


def test_a_portfolio_or_under_before_secretary_is_a_government_office() -> None:
    # USDA Farm Service Agency news releases, https://webarchive.library.unt.edu/web/20170125111327/https://www.fsa.usda.gov/state-offices/Pennsylvania/news-releases/index:
    # "said Agriculture Secretary Tom Vilsack", "Farm and Foreign Agricultural Services Deputy
    # Under Secretary Alexis Taylor announced".
    assert sources('"Our farms will recover," said Energy Secretary Ana Ruiz.') == [
        [("Ana Ruiz", "official")]
    ]
    text = "Rural Business Services Deputy Under Secretary Tom Berg announced that loans will grow."
    assert sources(text) == [[("Tom Berg", "official")]]
    # A company's secretary is the company's.
    assert sources('"Sales will grow," said Acme Corp Secretary Tom Berg.') == [
        [("Tom Berg", "organization")]
    ]


def test_a_day_between_a_long_subject_and_its_verb_is_no_part_of_the_subject() -> None:
    # USDA Farm Service Agency news releases (as above): "WASHINGTON, Nov. 30, 2016 – Farm
    # and Foreign Agricultural Services Deputy Under Secretary Alexis Taylor today announced
    # that ..."; "the U.S. Department of Agriculture (USDA) Farm Service Agency (FSA) today
    # announced additional incentives".
    text = (
        "DENVER, May 2, 2019 – Rural and Urban Housing Services Deputy Under Secretary Tom "
        "Berg today announced that loans will grow."
    )
    assert sources(text) == [[("Tom Berg", "official")]]
    text = (
        "In an effort to help growers, the U.S. Department of Commerce (DOC) Trade Service "
        "Bureau (TSB) yesterday announced new grants for exporters."
    )
    assert sources(text) == [[("U.S. Department of Commerce Trade Service Bureau", "official")]]


def test_two_titled_officials_joined_by_and_before_a_closing_verb_both_speak() -> None:
    # US Department of Justice, press releases for October 2005,
    # http://www.justice.gov/archive/opa/pr/2005/October/: "..., Assistant Attorney General
    # Alice S. Fisher of the Criminal Division and Inspector General Glenn A. Fine announced
    # today."
    text = (
        "A former customs clerk was sentenced to ten years in prison in Ohio, Assistant "
        "Attorney General Mara J. Lind of the Tax Division and Inspector General "
        "Tom B. Reyes announced today."
    )
    assert sources(text) == [[("Mara J. Lind", "official"), ("Tom B. Reyes", "official")]]
    # A body's name with "and" in it is one source.
    text = "The Department of Health and Human Services announced the grants today."
    assert sources(text) == [[("Department of Health and Human Services", "official")]]


def test_a_line_in_capitals_is_a_heading_whatever_ends_it() -> None:
    # US Department of Justice, press releases for October 2005 (as above): each release
    # opens with its title in capitals, ending in its number in brackets or cut after "INC.".
    text = (
        "Press Releases for May 2006\n\n"
        "JUSTICE DEPARTMENT SETTLES CASE WITH ACME TOOLS, INC. OVER BACK PAY (06-101)\n\n"
        "WASHINGTON - The Justice Department today announced a settlement with Acme Tools.\n\n"
        "The settlement pays a reservist in full."
    )
    spans = segment(text)
    assert classify_document(text, spans) == ["headline", "headline", "headline", "claim", "claim"]


def test_a_statement_under_a_heading_naming_its_author_is_theirs_up_to_the_next_date() -> None:
    # US Department of Justice, press releases for October 2005 (as above): "STATEMENT OF
    # ATTORNEY GENERAL ALBERTO R. GONZALES ON THE NOMINATION OF SAMUEL A. ALITO, JR.", then
    # the statement in the first person of the office, no quotation marks, no cue.
    text = (
        "Press Releases for May 2006\n\n"
        "Monday, May 1, 2006\n\n"
        "STATEMENT OF ATTORNEY GENERAL MARA J. LIND ON THE NOMINATION OF TOM BERG (06-200)\n\n"
        "The President has chosen a fine judge. Judge Berg has earned a reputation for "
        "fairness.\n\n"
        "Friday, April 28, 2006\n\n"
        "The court ruled on the case last week."
    )
    found = sources(text)
    assert found[3:5] == [[("Mara J. Lind", "official")]] * 2
    assert found[6] == []


def test_a_quotation_closed_by_a_colon_is_credited_to_the_subject_after_it() -> None:
    # Global Voices feed, "Trinidad & Tobago, U.S.A.: Change? Really?" (2009-02-20),
    # http://apathy.net/aggregator/sources/2: '"He has taken several steps back ... refuel
    # another": Notes from Port of Spain is "still cynical about Barack Obama."'
    text = (
        "Lakeside: Change?\n\n"
        "\u201cThe council has stepped back from its promises. It plans to close two "
        "schools\u201d: Lakeside Diary is \u201cstill doubtful about the mayor.\u201d"
    )
    found = sources(text)
    assert found[1] == found[2] != []
    assert found[2][0][0] == "Lakeside Diary"
    # A colon after a title in quotation marks credits no one.
    assert sources('The film "Avatar": Critics liked it.') == [[]]


def test_the_interview_is_the_interviewers_who_relay_what_was_said_in_it() -> None:
    # Global Voices roundup (as above): "Today's Zaman interviewed İştar Gözaydın, a
    # professor of law ... In the interview, Gözaydın claims, among other things, that ...".
    text = (
        "The Daily Star interviewed Lena Okafor, a professor of law in Lagos. In the "
        "interview, Okafor says trust in the courts is low."
    )
    assert sources(text)[1] == [("Lena Okafor", "person"), ("Daily Star", "newspaper")]
    # No one is said to have interviewed her: no relaying outlet.
    text = "Lena Okafor spoke on the radio. In the interview, Okafor says trust is low."
    assert sources(text)[1] == [("Lena Okafor", "person")]


def test_a_heading_with_a_long_run_of_spaces_in_its_name_is_read_as_no_author() -> None:
    # A line padded with spaces was rescanned at every space; it is read now, naming no one.
    text = "Statement by Ana" + " " * 50_000 + "Ruiz\n\nThe tax will rise."
    assert sources(text) == [[], []]
    assert sources("Statement by Ana  Ruiz\n\nThe tax will rise.")[1] == [("Ana Ruiz", "person")]


def test_lines_in_capitals_are_the_body_of_a_document_all_in_capitals() -> None:
    # A cable or old wire copy is written in capitals throughout: its lines are claims.
    text = "THE PRESIDENT SAID TAXES WILL RISE. UNEMPLOYMENT FELL TO 5 PERCENT."
    assert classify_document(text, segment(text)) == ["claim", "claim"]
    # Running text of several sentences in capitals is no heading, beside lower-case text.
    text = "Wire copy\n\n" + text + "\n\nThe rest came later."
    assert classify_document(text, segment(text)) == ["headline", "claim", "claim", "claim"]


def test_a_colon_after_a_title_in_quotation_marks_opening_a_sentence_credits_no_one() -> None:
    # A one-word title is no pull quote, whatever subject follows the colon.
    assert sources('"Oppenheimer": Nolan\'s film won seven Oscars.') == [[]]
    assert sources('"Hope": Obama\'s famous poster sold for $1 million.') == [[]]
    # Words spoken end in a stop inside their quotation marks, however short.
    assert sources('"Never again!": Mayor Ellen Park told the crowd.') == [
        [("Ellen Park", "official")]
    ]
    # A dash is a credit whatever the quotation's length.
    assert sources('"Unacceptable" — Mayor Ellen Park') == [[("Ellen Park", "official")]]


def test_a_statement_announced_ahead_ends_where_the_reporter_speaks_again() -> None:
    text = (
        "Acme Corp issued the following statement:\n\n"
        "We regret the error. It was ours.\n\n"
        "Shares of Acme fell 5 percent on Monday.\n\n"
        "The stock has lost half its value this year."
    )
    assert sources(text)[1:] == [[("Acme Corp", "organization")]] * 2 + [[], []]
    # A statement in the third person ends at the paragraph naming its author.
    text = (
        "Acme Corp issued the following statement:\n\n"
        "The product is safe.\n\n"
        "Acme shares fell 5 percent on Monday."
    )
    assert sources(text)[1:] == [[("Acme Corp", "organization")], []]


def test_a_heading_credits_only_a_person_or_office_it_names_as_its_author() -> None:
    # A news headline with a verb after the name credits no one with the article under it.
    text = (
        "Remarks by Mayor Ellen Park at rally spark outrage\n\n"
        "Critics were angry. The rally drew 5,000 people."
    )
    assert sources(text) == [[], [], []]
    # A bare common noun is no author.
    assert sources("STATEMENT OF FACTS\n\nThe defendant entered the bank.") == [[], []]
    assert sources("Statement of Principles\n\nThe council will act.") == [[], []]
    # An office in capitals is named as in running text.
    text = "REMARKS BY THE PRESIDENT ON THE ECONOMY\n\nThe economy is growing."
    assert sources(text)[1] == [("President", "official")]
