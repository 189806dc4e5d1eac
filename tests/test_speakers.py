"""Who is printed as the speaker: people who work for someone named, pronouns, descriptions (issue 19)."""

from __future__ import annotations

from typing import Any

import pytest

from quotes import Quote, extract_quotes


def quote_in(nlp: Any, text: str, quote: str) -> Quote:
    """The extracted quote whose words are ``quote`` (trailing punctuation aside); fails if none is."""
    found: dict[str, Quote] = {q.text.rstrip(",. "): q for q in extract_quotes(text, nlp=nlp)}
    assert quote in found, f"quote {quote!r} not found in {list(found)}"
    return found[quote]


def speaker_of(nlp: Any, text: str, quote: str) -> str | None:
    return quote_in(nlp, text, quote).speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # Someone who works for a person named in the phrase is not that person.
        ("Donald Trump spoke on Monday. “He doesn't know the new media,” said a longtime adviser to Trump, who "
         "declined to be identified.", "He doesn't know the new media", "A longtime adviser to Trump"),
        ("Donald Trump spoke on Monday. “We will win,” said a spokesman for Trump.", "We will win",
         "A spokesman for Trump"),
        ("Paul Ryan spoke on Monday. “We will meet,” Ryan’s office said in a statement.", "We will meet",
         "Ryan’s office"),
        ("Marcel Lazar spoke on Monday. In court documents, Lazar's public defense counsel asked for a sentence of "
         "three years, calling his hacking “an addiction of sorts.”", "an addiction of sorts",
         "Lazar's public defense counsel"),
        # Negative rows: the name the phrase gives as an example, or in apposition, speaks.
        ("His fact-check was retweeted 3,200 times, leading Clinton economic advisers like Gene Sperling to counter "
         "that “every cent went to the bailout.”", "every cent went to the bailout", "Gene Sperling"),
        ("“We will win,” said Alex Conant, a spokesman for Rubio.", "We will win", "Alex Conant"),
    ],
)
def test_people_working_for_someone(nlp: Any, text: str, quote: str, speaker: str) -> None:
    assert speaker_of(nlp, text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # A sentence whose main subject is the same pronoun goes on about the same person: the man it
        # names in a reported clause is not "she" (nor does he learn her pronoun from it).
        ("Ruth Bader Ginsburg is known for speaking her mind. In an interview, she joked about moving if Trump is "
         "elected. She escalated her criticism on Tuesday, telling CNN that Trump is a “faker.”\n\n“He has no "
         "consistency about him,” she said.", "He has no consistency about him", "Ruth Bader Ginsburg"),
        # The agent of a passive verb is who acts: the pronoun after it stands for that person.
        ("Clinton's position was supported Friday by Sen. Dianne Feinstein of California, who said none of the "
         "emails originated with Clinton.\n\n“It has never made sense to me,” she said.",
         "It has never made sense to me", "Dianne Feinstein"),
        # A name before the same pronoun in that sentence is still the one it takes up.
        ("Hillary Clinton spoke on Monday. Former Rep. Chris Shays was pro John Kasich while the Ohio governor was "
         "running, he said on MSNBC.\n\n“Hillary is my next choice,” he said.", "Hillary is my next choice",
         "Chris Shays"),
        # A name the parser read as the sentence's root (its verb joined to the root) is still its subject.
        ("“Nothing will happen to them,” said Steven Aftergood, who directs a project at the Federation of "
         "American Scientists.\n\nRep. Devin Nunes (R-Calif.), chairman of the House Intelligence Committee, "
         "didn’t second-guess Comey’s recommendation on prosecution, but he did call for more accountability down "
         "the road. “I hope the handling of classified information will be considered,” he said in a statement.",
         "I hope the handling of classified information will be considered", "Devin Nunes"),
        # The owner of the subject, in the pronoun's own sentence, is what it goes back to.
        ("Barack Obama spoke on Monday. Perhaps Mr. Comey's most surprising suggestion was that Mrs. Clinton had "
         "used her private email in what he called ''sophisticated adversaries.''", "sophisticated adversaries",
         "Comey"),
        # Negative rows: a name as the root of a line with no verb (a photo credit) is no subject; a sentence
        # about someone else in between; a passive subject still comes first; an owner of the subject who does
        # not fit the pronoun.
        ("Barack Obama spoke on Monday. Perhaps Mrs. Clinton's most surprising suggestion was that the emails were "
         "sent in what he called ''sophisticated adversaries.''", "sophisticated adversaries", "Barack Obama"),
        ("John Roe spoke in Iowa on Monday.\n\nScott Olson via Getty Images.\n\n“We will win this state,” he "
         "said.", "We will win this state", "John Roe"),
        ("Jane Doe spoke on Monday. She praised Mary Roe. Mary Roe thanked her.\n\n“It was kind,” she said.",
         "It was kind", "Mary Roe"),
        ("John Roe was criticized by Tom Smith on Monday.\n\n“It was unfair,” he said.", "It was unfair", "John Roe"),
    ],
)
def test_pronoun_antecedent_in_context(nlp: Any, text: str, quote: str, speaker: str) -> None:
    assert speaker_of(nlp, text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # A pronoun right after a sentence whose subject is someone the article does not name is that someone.
        ("Police urged people not to spread rumors.\n\nA reporter for Agence France-Presse called it “absolute "
         "chaos.”\n\n“We saw people hit and bits of debris flying around,” he said.",
         "We saw people hit and bits of debris flying around", "A reporter for Agence France-Presse"),
        ("Some of the victims have become familiar names. But the protesters also paid tribute to young men like "
         "Clarence Howard, 22, who was fatally shot in June.\n\nAs they made their way down Broad Street, they "
         "chanted “stop killing black people.”", "stop killing black people", "The protesters"),
        # Negative rows: a definite description stands for someone named; a person named in that sentence
        # takes the pronoun.
        ("Bernie Sanders spoke on Monday.\n\nThe Vermont senator called it “a win.”\n\n“We did it,” he said.",
         "We did it", "Bernie Sanders"),
        ("Bernie Sanders spoke on Monday.\n\nA reporter asked Sanders how he was feeling. He replied: “The bigger "
         "the turnout, the better I feel.”", "The bigger the turnout, the better I feel", "Bernie Sanders"),
    ],
)
def test_pronoun_for_someone_unnamed(nlp: Any, text: str, quote: str, speaker: str) -> None:
    assert speaker_of(nlp, text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # Someone brought in without a name just before the pronoun is who it stands for, never a person named
        # paragraphs up; so too a description of a person as such ("the man") after "a ... man".
        ("Chancellor Angela Merkel warned against hate in her New Year speech.\n\nIn September, the home of a "
         "26-year-old Berlin man was raided by police after he had posted a photo. Along with the photo, he had "
         "posted: “We are not mourning, we are celebrating!”", "We are not mourning, we are celebrating!",
         "A 26-year-old Berlin man"),
        ("Chancellor Angela Merkel warned against hate in her New Year speech.\n\nA 29-year-old Berlin woman, "
         "meanwhile, received probation after she had posted comments about an alleged rape of a German woman by "
         "an asylum seeker. “Filth out!” she wrote.", "Filth out!", "A 29-year-old Berlin woman"),
        ("Chancellor Angela Merkel warned against hate in her New Year speech.\n\nA judge sentenced a "
         "26-year-old man to probation after the man had posted that refugees should “drown” at sea.",
         "drown", "A 26-year-old man"),
        # Negative rows: a person named in those sentences, or the unnamed one's name, takes the pronoun.
        ("Hillary Clinton spoke on Monday.\n\nA woman in the crowd waved at Clinton as she arrived. “We will "
         "win,” she said.", "We will win", "Hillary Clinton"),
        ("Bernie Sanders spoke in Iowa on Monday.\n\nAt the rally, a farmer asked him about trade. “We will "
         "renegotiate,” he said.", "We will renegotiate", "Bernie Sanders"),
        ("Opinion polls see Marine Le Pen in a run-off but losing to a mainstream candidate.\n\nShe banks on "
         "presenting herself as “anti-system.”", "anti-system", "Marine Le Pen"),
        ("David Axelrod spoke on Monday.\n\nBut he also views her as a candidate who can be persuaded. He "
         "warned that Clinton is “still in control of race.”", "still in control of race", "David Axelrod"),
        ("Hillary Clinton spoke on Monday.\n\nA delegate, Wes Nakagiri, wore a prison outfit. “I thought it "
         "would be funny,” he said.", "I thought it would be funny", "Wes Nakagiri"),
    ],
)
def test_pronoun_for_someone_brought_in_unnamed(nlp: Any, text: str, quote: str, speaker: str) -> None:
    assert speaker_of(nlp, text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # An organisation described by what it is stands for the one just named as a subject.
        ("In a scathing opinion piece, The Wall Street Journal called on Trump to get his act together.\n\n“He "
         "needs to stop blaming everyone else,” the conservative-leaning newspaper wrote.",
         "He needs to stop blaming everyone else", "The Wall Street Journal"),
        ("CNN was quick to push back after Ted Cruz blamed the network. In a statement, the network said that "
         "Cruz's description was “false.”", "false", "CNN"),
        # The same description written in full just before is what the article calls it.
        ("UnitedHealth is a minor player. This week, the trade group for the Blue Cross Blue Shield plans, which "
         "dominate many exchanges, spelled out its concerns. “The risk pool is out of balance,” the group wrote.",
         "The risk pool is out of balance", "The trade group for the Blue Cross Blue Shield plans"),
        # Negative rows: a person is no organisation; with no organisation named, the words stay.
        ("Tom Smith wrote a column. “It is wrong,” the newspaper said.", "It is wrong", "The newspaper"),
    ],
)
def test_organisation_described(nlp: Any, text: str, quote: str, speaker: str) -> None:
    assert speaker_of(nlp, text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # A surname that is also a title word is still the person's name.
        ("Jennifer White runs the site. “People turn to Facebook,” Ms. White said.", "People turn to Facebook",
         "Jennifer White"),
        ("Erik Prince spoke. “It is risky,” Mr. Prince said. “It is fine,” Prince said.", "It is fine", "Erik Prince"),
        # Negative row: a title alone names no one.
        ("“It is time,” the President said.", "It is time", "The President"),
    ],
)
def test_surname_that_is_a_title_word(nlp: Any, text: str, quote: str, speaker: str) -> None:
    assert speaker_of(nlp, text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # A name with a nickname in quote marks runs on to the surname, without the word glued before it.
        ("Former CIA operative and Marine John “Tig” Tiegen spoke. Tiegen was also troubled by Clinton’s handling "
         "of classified material.\n\n“Her lack of respect puts lives in jeopardy,” he wondered.",
         "Her lack of respect puts lives in jeopardy", "John “Tig” Tiegen"),
        # The owner of someone's own speech is the person named in full, though the parser read the surname
        # as a plural noun or an organisation.
        ("Bernie Sanders is raising money for candidates.\n\nSanders’ fundraising email to his supporters notes "
         "that Jane Kim “is a civil rights attorney.”", "is a civil rights attorney", "Bernie Sanders"),
        ("Bernie Sanders is raising money for candidates.\n\nSanders’s email to supporters says that Jane Kim “is "
         "a civil rights attorney.”", "is a civil rights attorney", "Bernie Sanders"),
        # A surname the tagger read as a nationality is a person's when an apposition says so: the first name
        # written before it, once, is kept.
        ("''We wholeheartedly support people sharing their political views on Tinder, but we don't allow "
         "spamming,'' Rosette Pambakian, a Tinder spokeswoman, said in an email. ''So feel free to spread the "
         "Bern, just don't spam.''", "So feel free to spread the Bern, just don't spam", "Rosette Pambakian"),
        # A surname the tagger read as a plural ("a surging Sanders", "Sanders continued") is still a mention of
        # the person named in full: the pronoun after it is his, not his strategist's.
        ("Bernie Sanders spoke on Monday. Sanders strategist Tad Devine said the \"central complication with "
         "Bernie is that he never wanted to cross into the zone of personal attacks.\"\n\nBut what does Sanders "
         "get from this? The Great Debate Debate shows the futility.\n\nEarly in the campaign, he and other "
         "Clinton challengers justifiably complained that the Democratic National Committee had limited the number "
         "of debates - and hidden them on weekends - to protect Clinton. But even after Clinton, responding to a "
         "surging Sanders, dropped her reluctance to debate and agreed to participate in a total of 10, Sanders "
         "continued to portray her as hiding.\n\nFriday, he told the New York Daily News that Clinton wasn't "
         "\"willing to debate issues of importance to New Yorkers\" and that Clinton's aides were \"dragging their "
         "feet.\"", "dragging their feet", "Bernie Sanders"),
        # Negative rows: an owner the article names as no person keeps the words; a group with no apposition
        # saying it is a person takes no first name from the word before it ("York Democrats").
        ("Acme Corp. is raising money for candidates.\n\nAcme’s fundraising email to its supporters notes that "
         "Jane Kim “is a civil rights attorney.”", "is a civil rights attorney", "Acme's fundraising email"),
        ("“We will not back down,” said New York Democrats in a statement.", "We will not back down",
         "Democrats"),
    ],
)
def test_mentions_the_parser_misreads(nlp: Any, text: str, quote: str, speaker: str) -> None:
    assert speaker_of(nlp, text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # An unnamed speaker is printed with how many the article says.
        ("“This is not going to be over in February,” said one attendee, who spoke on the condition of anonymity.",
         "This is not going to be over in February", "One attendee"),
        ("“We are worried,” two officials said.", "We are worried", "Two officials"),
        # Negative row: an article stays as written.
        ("“It is an anti-establishment superhighway,” a strategist said.", "It is an anti-establishment superhighway",
         "A strategist"),
    ],
)
def test_unnamed_speaker_as_written(nlp: Any, text: str, quote: str, speaker: str) -> None:
    assert speaker_of(nlp, text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # A relative named in passing is not whom the bare surname means afterwards ...
        ("Marcel Lehel Lazar was sentenced on Thursday.\n\n“We need him,” his wife, Gabriela Violeta Lazar, wrote. "
         "Lazar told the FBI that he was interested in “a better world for our children.”",
         "a better world for our children", "Marcel Lehel Lazar"),
        # ... nor whom an honorific of the other gender means ...
        ("Ghazala Khan spoke in July.\n\nMs. Khan said she could not talk about her son, Humayun Khan. “All the "
         "world felt my pain,” Ms. Khan wrote.", "All the world felt my pain", "Ghazala Khan"),
        # ... but is whom an honorific of the relative's gender means.
        ("Hillary Clinton spoke on Monday.\nShe praised the crowd.\nHer husband, Bill Clinton, was there.\n\n“We "
         "will win this state,” Mr. Clinton said.", "We will win this state", "Bill Clinton"),
    ],
)
def test_relatives_sharing_a_surname(nlp: Any, text: str, quote: str, speaker: str) -> None:
    assert speaker_of(nlp, text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # A quote that is the content or object of a possessed speech noun printed before it belongs to the
        # noun's owner, though the parse hangs it elsewhere and the sentence has a reporting verb of its own.
        ("Hillary Clinton spoke on Friday. Clinton also told the largely female audience bathed in neon pink "
         "lighting of Donald Trump’s past descriptions of women he doesn’t like as “pigs, dogs and disgusting "
         "animals.”", "pigs, dogs and disgusting animals", "Donald Trump"),
        ("Hillary Clinton testified in October. A newly formed super PAC called Future 45 ran its first round of "
         "ads in Iowa using her comments before a special House Benghazi committee that \"I was responsible for "
         "quite a bit\" of Obama's foreign policy.", "I was responsible for quite a bit", "Hillary Clinton"),
        ("Bill Clinton campaigned in Iowa. He recalled how the Obama campaign exploited Mr. Clinton's remark in "
         "2008 describing Mr. Obama's statement that he opposed the Iraq war as “the biggest fairy tale I've "
         "ever seen.”", "the biggest fairy tale I've ever seen", "Bill Clinton"),
        # A possessive owner stands for someone its own sentence names before it, subject or not.
        ("AFL-CIO President Richard Trumka felt compelled last July to issue a memo. Another holdout is unlikely "
         "to give Clinton the nod after her March comment that, \"We're going to put a lot of coal miners out of "
         "business.\"", "We're going to put a lot of coal miners out of business", "Clinton"),
        # Negative rows: a verb judging the noun, the noun as the subject the quote is said of, a reporting
        # verb of its own between the noun and the quote.
        ("Paul Ryan spoke on Monday. Ryan described Donald Trump's comments as “textbook racism.”",
         "textbook racism", "Paul Ryan"),
        ("Paul Ryan spoke on Monday. Ryan said Donald Trump's comments about the judge amounted to “textbook racism.”",
         "textbook racism", "Paul Ryan"),
        ("Paul Ryan spoke on Monday. Ryan rejected Donald Trump's comments, saying that “this is textbook "
         "racism.”", "this is textbook racism", "Paul Ryan"),
    ],
)
def test_owner_of_speech_noun_before_quote(nlp: Any, text: str, quote: str, speaker: str) -> None:
    assert speaker_of(nlp, text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # A definite document stands for whoever the article said put it out.
        ("“Roger Ailes had three brief conversations with Donald Trump,” Fox News said in a statement.\n\n“In "
         "the course of those conversations, we acknowledged his concerns.”\n\n“Furthermore, Trump offered to "
         "appear at the debate. We explained that was not possible,” the statement said.",
         "Furthermore, Trump offered to appear at the debate. We explained that was not possible", "Fox News"),
        ("Omar Mateen attacked a club in Orlando.\nDuring his attack, Mateen also posted messages on Facebook.\nOne "
         "message, apparently referring to air strikes, said: “You kill innocent women and children by doing us "
         "air strikes.”", "You kill innocent women and children by doing us air strikes", "Omar Mateen"),
        # "It reads" after a document named as a sentence's subject: the document's sender, else its words.
        ("The email, released by Judicial Watch, was sent at 7:19 p.m. by Chief of Staff Jeremy Bash. Two "
         "Americans were killed.\n\n“I just tried you on the phone,” it reads.\n\n“We have identified the forces. "
         "They are spinning up as we speak,” it said.",
         "We have identified the forces. They are spinning up as we speak", "Jeremy Bash"),
        ("The memo was obtained by reporters on Monday. It runs to four pages.\n\n“We will not comply,” it reads.",
         "We will not comply", "The memo"),
        # Negative rows: "it" after no document stays unknown; a document of another kind, or one whose putting
        # out names no one, keeps its words.
        ("The company lost money this year. “We expect a better year,” it said.", "We expect a better year", None),
        ("Fox News said in a statement that it was open to talks.\n\n“We explained that was not possible,” the "
         "letter said.", "We explained that was not possible", "The letter"),
        ("A statement was released on Friday.\n\n“We explained that was not possible,” the statement said.",
         "We explained that was not possible", "The statement"),
    ],
)
def test_document_for_its_author(nlp: Any, text: str, quote: str, speaker: str | None) -> None:
    assert speaker_of(nlp, text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # A sitting office right after a sentence whose main subject is a person named outside quotes, in the
        # same paragraph, goes on about that person.
        ("Joey Salceda filed a bill in Manila.\n\nSalceda, citing data from the State Department, said that 4 "
         "million Filipinos live in the United States. The lawmaker, who represents a district in Albay province, "
         "said Trump's remarks “have had widespread dissemination.”", "have had widespread dissemination",
         "Joey Salceda"),
        ("Regarding Libya, Obama defended the process. “We averted large-scale civilian casualties,” the president "
         "told The Atlantic.", "We averted large-scale civilian casualties", "Obama"),
        # The one person named before it in its own sentence, outside quotes: not a senator named before.
        ('Sen. John McCain lost in 2000.\n\nThe campaign calls this false.\n\nTed Cruz defends his record in a '
         'commercial running on Iowa TV: "Securing our borders is a matter of national security," the senator says '
         'directly to the camera.',
         "Securing our borders is a matter of national security", "Ted Cruz"),
        # ... nor the holder of the role's head elsewhere, after the sentence whose subject the office goes on about.
        ("Rush Limbaugh and other conservative thought leaders back Cruz.\n\nHarry Reid blasted Rubio in an "
         "interview. “What Rubio has done is one of the worst machinations,” the minority leader said.",
         "What Rubio has done is one of the worst machinations", "Harry Reid"),
        # A judge, an ambassador, a minister or a chancellor named so refers back like a senator.
        ("The order by U.S. District Judge Emmet G. Sullivan came as part of a lawsuit.\n\nJudicial Watch "
         "welcomed the ruling.\n\n“There has been a constant drip, drip, drip of declarations,” the judge said, "
         "according to the Post.", "There has been a constant drip, drip, drip of declarations", "Emmet G. Sullivan"),
        # Negative rows: a dialogue's interviewer is a paragraph away; someone known to hold another office.
        ("Tom Smith, the mayor of Tulsa, spoke on Monday. “We will win,” the judge said.", "We will win",
         "The judge"),
        ('Sen. John McCain lost in 2000.\n\nTom Smith, the mayor of Tulsa, defended his record on TV: "We will '
         'win," the senator says directly to the camera.', "We will win", "John McCain"),
        ("“That would be you?” Gloria Borger asked.\n\n“That would be me, yes,” the senator said.",
         "That would be me, yes", "The senator"),
        ("Tom Smith, the mayor of Tulsa, spoke on Monday. “We will win,” the senator said.", "We will win",
         "The senator"),
    ],
)
def test_sitting_office_after_its_subject(nlp: Any, text: str, quote: str, speaker: str) -> None:
    assert speaker_of(nlp, text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker", "role"),
    [
        # "the minority leader", "the first lady": offices used as references, read as the subject just before.
        ("Still, Harry Reid would not say whether he would prefer Trump. The minority leader said flatly: “I don’t "
         "think it matters.”", "I don’t think it matters", "Harry Reid", "minority leader"),
        ("Michelle Obama deserves kudos for her speech. The first lady said, “We will go high.”", "We will go high",
         "Michelle Obama", "first lady"),
        # Negative rows: "the lady" is anyone; a leader a paragraph away from its subject is not linked.
        ("Michelle Obama deserves kudos for her speech. The lady said, “We will go high.”", "We will go high",
         "The lady", None),
        ("Harry Reid spoke on Monday.\n\n“It does not matter,” the minority leader said.", "It does not matter",
         "The minority leader", "minority leader"),
    ],
)
def test_office_as_reference(nlp: Any, text: str, quote: str, speaker: str, role: str | None) -> None:
    found = quote_in(nlp, text, quote)
    assert (found.speaker, found.role) == (speaker, role)


@pytest.mark.parametrize(
    ("text", "quote", "role"),
    [
        # A description is no one its own sentence names after it: Manafort is not the nominee.
        ("Paul Manafort ran the convention in Cleveland.\n\nThe Republican presidential nominee has not stepped "
         "forward to defend Manafort. “This is not a hard race,” Manafort said.", "This is not a hard race", None),
        # Negative row: the nominee named before, not after, in the description's sentence.
        ("Donald Trump spoke in Ohio on Monday.\n\nThe Republican presidential nominee has not stepped forward to "
         "defend Manafort. “We will win,” Trump said.", "We will win", "Republican presidential nominee"),
        # ... nor one named after it in a clause of its own ("criticism that Trump was urging").
        ("Donald Trump spoke in Ohio on Monday.\n\nThe Republican presidential nominee later said he was being "
         "sarcastic, which raised criticism that Trump was urging Russia to spy. “We will win,” Trump said.",
         "We will win", "Republican presidential nominee"),
    ],
)
def test_description_is_no_one_named_after_it(nlp: Any, text: str, quote: str, role: str | None) -> None:
    assert quote_in(nlp, text, quote).role == role


@pytest.mark.parametrize(
    ("text", "quote", "role"),
    [
        # One of people named together is not who a description that follows stands for.
        ("Sandra Paradis and Jim Bennett didn't know that their candidates would win.\n\nThe business mogul has "
         "recently taken aim at Sanders. “We always have,” Paradis said.", "We always have", None),
        # Negative row: one person named alone before it.
        ("Donald Trump didn't know that his rivals would fold.\n\nThe business mogul has recently taken aim at "
         "Sanders. “We always have,” Trump said.", "We always have", "business mogul"),
    ],
)
def test_description_is_not_one_of_a_pair(nlp: Any, text: str, quote: str, role: str | None) -> None:
    assert quote_in(nlp, text, quote).role == role


@pytest.mark.parametrize(
    ("text", "quote", "speaker", "role"),
    [
        # A description owning a subject ("The Florida senator’s answer was") gives the person it stands for a role.
        ("Marco Rubio spoke about families at the debate.\n\nThe Florida senator’s answer was that the family "
         "matters most. “We need a child tax credit,” Rubio said.", "We need a child tax credit", "Marco Rubio",
         "Florida senator"),
        # Negative rows: someone else's quote; an office after "of" ("The answer of the senator") is not read.
        ("Marco Rubio spoke about families at the debate.\n\nThe Florida senator’s answer was that the family "
         "matters most. “We need a child tax credit,” said Jeb Bush.", "We need a child tax credit", "Jeb Bush", None),
        ("Marco Rubio spoke about families at the debate.\n\nThe answer of the senator was that the family matters "
         "most. “We need a child tax credit,” Rubio said.", "We need a child tax credit", "Marco Rubio", None),
    ],
)
def test_description_owning_a_subject(nlp: Any, text: str, quote: str, speaker: str, role: str | None) -> None:
    found = quote_in(nlp, text, quote)
    assert (found.speaker, found.role) == (speaker, role)


@pytest.mark.parametrize(
    ("text", "quote", "speaker", "role"),
    [
        # An office the description names is no one the article gives another office ...
        ("Sen. Bernie Sanders wants the governor to resign, while Hillary Clinton has slammed his proposal.\n\n"
         "The former secretary of state’s approach has won over the mayor.\n\n“We hope,” Clinton said.",
         "We hope", "Hillary Clinton", "former secretary of state"),
        # ... but the holder of that same office it may be.
        ("Sen. Bernie Sanders wants the governor to resign, while Hillary Clinton has slammed his proposal.\n\n"
         "“We hope,” the former senator said.", "We hope", "Bernie Sanders", "former senator"),
        # A description of a candidate or a known figure is someone the article names more than once ...
        ("Donald Trump leads the polls. Trump spoke in Iowa on Monday.\n\nThe real estate mogul said, “We hope.”",
         "We hope", "Donald Trump", "real estate mogul"),
        # ... not a voter quoted in passing just before it, in an article naming another three times.
        ("Donald Trump leads the polls. Voters like Donald Trump. Trump spoke in Iowa on Monday.\n\n“I'm voting "
         "for anyone but Hillary,” declared Alyssa Van Wagenen, 29, of Meridian.\n\nMany would be scared if the real "
         "estate mogul won.",
         "I'm voting for anyone but Hillary", "Alyssa Van Wagenen", None),
    ],
)
def test_description_of_a_known_figure(nlp: Any, text: str, quote: str, speaker: str, role: str | None) -> None:
    found = quote_in(nlp, text, quote)
    assert (found.speaker, found.role) == (speaker, role)


@pytest.mark.parametrize(
    ("text", "quote", "speaker", "role"),
    [
        # A candidate's description after the one person its sentence names as the object of the subject's act ...
        ("Hillary Clinton spoke on Monday. She went on to attack Donald Trump, saying the presumptive Republican "
         "nominee hasn't given this issue much thought.\n\n“I think statehood is tough,” Trump said.",
         "I think statehood is tough", "Donald Trump", "presumptive Republican nominee"),
        # ... not the object of a verb whose own act the description is in ("watch Romney insist that ...").
        ("Donald Trump won. It is grimly funny to watch Mitt Romney, who campaigned on self-deportation, suddenly "
         "insist that the GOP front-runner isn't a proper Republican.\n\n“I think statehood is tough,” Romney said.",
         "I think statehood is tough", "Mitt Romney", None),
    ],
)
def test_description_after_its_object(nlp: Any, text: str, quote: str, speaker: str, role: str | None) -> None:
    found = quote_in(nlp, text, quote)
    assert (found.speaker, found.role) == (speaker, role)


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # Words glued to a name are no part of it: the outlet owning it, a digest line's headline before a
        # spaced dash, the dash opening a list line.
        ("Police left the scene on Friday.\n\nAs Breitbart’s Joel Pollak reported on Friday: “For example, the "
         "government has done almost nothing with the scene.”",
         "For example, the government has done almost nothing with the scene", "Joel Pollak"),
        ("Polls missed the result in Iowa.\n\nMedia shares blame in Iowa poll overhype - HuffPollster: “Pollsters "
         "are taking a lot of heat from the public.”", "Pollsters are taking a lot of heat from the public",
         "HuffPollster"),
        ("Polls missed the result in Iowa.\n\n-Pollster Ann Selzer is happy to be Iowa’s “silver standard,” says "
         "she warned about surprises.", "silver standard", "Ann Selzer"),
        # Negative rows: a hyphen inside a name, and a possessive before a description, stay.
        ("“We will not give in,” said Jean-Pierre Raffarin on Monday.", "We will not give in",
         "Jean-Pierre Raffarin"),
        ("Hillary Clinton spoke on Monday.\n\n“We will win,” Clinton’s spokesman said.", "We will win",
         "Clinton’s spokesman"),
    ],
)
def test_words_glued_to_a_name(nlp: Any, text: str, quote: str, speaker: str) -> None:
    assert speaker_of(nlp, text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # "His campaign", "his wife": the owner by name when named in that sentence or the one before.
        ("But when Hillary Clinton said she would debate on the day Bernie Sanders had proposed, he looked like the "
         "dog that caught the car. His campaign protested that Clinton aides were being “disingenuous.”",
         "disingenuous", "The Sanders campaign"),
        ("Donald Trump took the stage with a tight smile. His wife had warned him not to get too nasty, to act "
         "“presidential,” but he did not listen.", "presidential", "Donald Trump's wife"),
        # Negative row: an owner named only further back is not guessed.
        ("The bill was introduced in the Senate by Minority Leader Harry Reid on Monday.\n\nRepublicans quickly "
         "pounced on the announcement. His office put out a statement saying the country “does not have the "
         "capacity to vet every refugee.”", "does not have the capacity to vet every refugee", "His office"),
    ],
)
def test_owner_of_a_possessive_pronoun(nlp: Any, text: str, quote: str, speaker: str) -> None:
    assert speaker_of(nlp, text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # A person owning a thing that is no speech of theirs does not speak through it: the phrase is
        # printed as written.
        ("Syed Farook was named on Tuesday. The timeline shows that Syed Farook’s name was announced on a police "
         "scanner long before White House officials started to portray the shooting as a “workplace” issue.",
         "workplace", "Syed Farook's name"),
        # Negative row: the owner of a statement said its words.
        ("Donald Trump spoke on Monday. Trump’s statement called the ruling “a disgrace.”", "a disgrace",
         "Donald Trump"),
    ],
)
def test_owner_of_a_thing_does_not_speak(nlp: Any, text: str, quote: str, speaker: str) -> None:
    assert speaker_of(nlp, text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # A clause joined on with a subject of its own is not reported by the verb before it.
        ("Clinton proposed a New York debate on the evening of April 4 - but the Sanders campaign rejected the idea "
         "as \"ludicrous\" because the NCAA championship would be later that night.", "ludicrous",
         "The Sanders campaign"),
        # Negative row: a second verb sharing the first one's subject has the same speaker.
        ("Trump proposed a debate on April 4 and mocked the idea of a rally as \"ludicrous.\"", "ludicrous", "Trump"),
    ],
)
def test_coordinated_clause_has_its_own_speaker(nlp: Any, text: str, quote: str, speaker: str) -> None:
    assert speaker_of(nlp, text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # A description owned by a thing names whoever does that job for it, printed as written.
        ("Hillary Clinton was attacked in a new ad on Monday. “’Twas the morning of Christmas at the Clinton house, "
         "the gifts were all opened,” says the ad’s narrator.",
         "’Twas the morning of Christmas at the Clinton house, the gifts were all opened", "The ad's narrator"),
        # Negative row: a description with no owner stands for the person named before.
        ("Donald Trump spoke on Monday. “We will win,” said the Republican nominee.", "We will win", "Donald Trump"),
    ],
)
def test_description_owned_by_a_thing(nlp: Any, text: str, quote: str, speaker: str) -> None:
    assert speaker_of(nlp, text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # A verb of saying set off by commas with a name after it is an aside: the name speaks, not the
        # phrase the parser made its subject.
        ("Any ''cleareyed'' interpretation of Mr. Kerry's actions, said Michael Kofman, an expert on Russia at the "
         "Woodrow Wilson Center in Washington, would read this as a public admission, seeing a negotiated agreement "
         "as ''the best means of saving what little is left of the moderate opposition.''",
         "the best means of saving what little is left of the moderate opposition", "Michael Kofman"),
        # Negative rows: a name that does not end the aside is what the verb says something about; a verb
        # that takes its addressee after it ("told") is no aside.
        ("Joey Salceda is a lawmaker in the Philippines. The lawmaker, who represents a district in Albay province, "
         "said Trump's remarks “have had widespread dissemination.”", "have had widespread dissemination",
         "Joey Salceda"),
        ("Donald Trump, the nominee, told Chris Wallace that the plan was “a total disaster.”", "a total disaster",
         "Donald Trump"),
    ],
)
def test_an_aside_names_its_speaker(nlp: Any, text: str, quote: str, speaker: str) -> None:
    assert speaker_of(nlp, text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # What a possessed speech noun introduces is its owner's, though a verb of another clause follows.
        ("Donald Trump spoke at the debate on Thursday.\n\nAs the debate progressed and Trump stood by his comment "
         "Monday that \"Islam hates us,\" refusing to acknowledge that not all Muslims hate the U.S., Rubio again "
         "tried to rebuke the front-runner.", "Islam hates us", "Donald Trump"),
        # Negative row: words that are no speech noun's content keep the verb after them.
        ("Donald Trump spoke at the debate on Thursday.\n\nAs the debate progressed, the \"Islam hates us\" line "
         "came up, and Rubio said the front-runner was \"wrong about Muslims,\" calling it reckless.",
         "wrong about Muslims", "Rubio"),
    ],
)
def test_a_speech_nouns_content_is_its_owners(nlp: Any, text: str, quote: str, speaker: str) -> None:
    assert speaker_of(nlp, text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # A title the parser split off as a subject of its own, or joined by "and" to the named one, is not
        # the speaker: the person's name is.
        ("“The candidates left just don’t understand the military,” said Army Capt. Christian Pardo, who said he "
         "would not vote for either Clinton or Trump.", "The candidates left just don’t understand the military",
         "Christian Pardo"),
        ("“He’s reprising that role,” said former Pennsylvania Gov. and Democratic National Committee Chairman Ed "
         "Rendell.", "He’s reprising that role", "Ed Rendell"),
        ("Actor and director Ben Stiller said: “I am not running for anything.”", "I am not running for anything",
         "Ben Stiller"),
        # Negative row: two people joined, the second with no title of its own, are not narrowed to one.
        ("The senator and Trump said they agreed: “We will work together.”", "We will work together", "The senator"),
    ],
)
def test_a_title_beside_a_name_does_not_speak(nlp: Any, text: str, quote: str, speaker: str) -> None:
    assert speaker_of(nlp, text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # A word of a title the parser took for the speaker: the name closing the title phrase speaks.
        ("“I really don’t understand how a better candidate didn’t jump into the race,” said Air Force 1st Lt. "
         "Tyler Livingston.", "I really don’t understand how a better candidate didn’t jump into the race",
         "Tyler Livingston"),
        ("\"Republicans are so frustrated with the decision,\" said Oversight ranking Democrat Elijah Cummings "
         "(D-Md.).", "Republicans are so frustrated with the decision", "Elijah Cummings"),
        ("“Imagine Brad Thor going up against Trump and Clinton on the same stage,” mused Blaze co-host Stu\u00a0"
         "Burguiere.", "Imagine Brad Thor going up against Trump and Clinton on the same stage", "Stu Burguiere"),
        ("The day after the primary, Republican Gov. Doug Ducey called the long lines \"unacceptable.\" Phoenix "
         "Mayor Greg Stanton wrote a letter to Attorney General Loretta Lynch calling the election a \"fiasco.\"",
         "fiasco", "Greg Stanton"),
        # Negative rows: whom a title is of, and an organisation, are not the speaker's name.
        ("“We will win,” said a spokesman for Hillary Clinton.", "We will win", "A spokesman for Hillary Clinton"),
        ("“We will win,” said the Clinton campaign.", "We will win", "The Clinton campaign"),
    ],
)
def test_the_name_closing_a_title_phrase_speaks(nlp: Any, text: str, quote: str, speaker: str) -> None:
    assert speaker_of(nlp, text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # "Jr." closing a full name is no surname: "Mr. Biden" is the person named in full, not "R. Biden".
        ("Vice President Joseph R. Biden Jr. spoke in Columbus on Wednesday. ''The middle class is getting "
         "clobbered,'' Mr. Biden told reporters.", "The middle class is getting clobbered", "Joseph R. Biden Jr."),
        ("Representative Morris J. Brooks Jr., Republican of Alabama, spoke Tuesday.\n\n''We will fight,'' Mr. "
         "Brooks said.", "We will fight", "Morris J. Brooks Jr."),
        # Negative rows: a surname shared with nobody named in full stays the surname; "Sr." tells a father
        # from his son of the same name.
        ("Vice President Joseph R. Biden Jr. spoke in Columbus on Wednesday. ''We will fight,'' Mr. Kerry said.",
         "We will fight", "Kerry"),
        ("Reps. Chris Collins (R-N.Y.) and Duncan Hunter (R-Calif.) endorsed Trump on Wednesday. His father, Duncan "
         "Hunter Sr., was a congressman. Hunter, meanwhile, told Politico on Wednesday that he has \"liked Trump "
         "since the beginning.\"", "liked Trump since the beginning", "Duncan Hunter"),
    ],
)
def test_a_name_suffix_is_no_surname(nlp: Any, text: str, quote: str, speaker: str) -> None:
    assert speaker_of(nlp, text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker", "role"),
    [
        # People speaking together are printed together: named so at the words, or taken up after by "they",
        # "the two lawmakers", "the two"; their role is the one they share, or the description's.
        ("Judiciary Committee Chairman Bob Goodlatte and Benghazi Committee Chairman Trey Gowdy sent a letter to "
         "Comey on Monday.\n\nComey said there was no precedent. The two lawmakers, however, argue that “there is "
         "precedent for prosecution.”", "there is precedent for prosecution", "Bob Goodlatte and Trey Gowdy",
         "lawmakers"),
        ("Professors Richard Alba and Nancy Foner suggest this has less to do with Muslims.\n\nIn the United "
         "States, they write, ''to be religious is to be in sync with mainstream norms.''",
         "to be religious is to be in sync with mainstream norms", "Richard Alba and Nancy Foner", None),
        ("David Eisenhower wrote about it too.\n\nHenry Clay's biographers, David and Jeanne Heidler, wrote that "
         "Taylor \"had a tin ear, was both opinionated and instinctively wrong.\"",
         "had a tin ear, was both opinionated and instinctively wrong", "David and Jeanne Heidler",
         "Henry Clay's biographers"),
        ("Senator Ted Cruz of Texas and Senator Rand Paul of Kentucky do it by proposing variations on ''value-added "
         "tax'' systems.", "value-added tax", "Ted Cruz and Rand Paul", "Senator"),
        # Negative rows: a named chair set beside a name is what the person is, no second person; a plural that
        # is no title the named pair bears, and a name joined to no named person.
        ("“It is literally possible to only tax people at the top,” said William Gale, the Arjay and Frances Miller "
         "Chair in Federal Economic Policy at the Brookings Institution.",
         "It is literally possible to only tax people at the top", "William Gale",
         "Arjay and Frances Miller Chair in Federal Economic Policy"),
        ("\"So far, it's working,\" said Michael Baselice, an Austin-based political pollster who worked for Cruz's "
         "opponent in the 2012 race, then-lieutenant governor David Dewhurst.", "So far, it's working",
         "Michael Baselice", "Austin-based political pollster"),
        ("Donald Trump and Hillary Clinton debated on Monday. The protesters said it was \"a disgrace.\"",
         "a disgrace", "The protesters", "protesters"),
        ("Donald Trump and Hillary Clinton met. \"We will win,\" Trump and his wife said.", "We will win",
         "Donald Trump", None),
        ("Donald Trump and Hillary Clinton met on Monday. Their aides argued for hours. They said it was \"a "
         "disgrace.\"", "a disgrace", "Their aides", "aides"),
    ],
)
def test_people_speaking_together(nlp: Any, text: str, quote: str, speaker: str, role: str | None) -> None:
    found = quote_in(nlp, text, quote)
    assert (found.speaker, found.role) == (speaker, role)


@pytest.mark.parametrize(
    ("text", "quote", "speaker", "role"),
    [
        # A name the parser hangs on a description after a clause of its own is no one it names right there
        # (a show's title in quote marks): the description stands for the person named before it ...
        ("Thanks to his latest act, Norbert Leo Butz can add a new title to his resume.\n\nThe two-time "
         "Tony-winning actor-singer, who also stars on the Netflix serial thriller, “Bloodline,” and the PBS "
         "medical drama, “Mercy Street,” returns to the New York stage this week.\n\n“I love women,” Butz said.",
         "I love women", "Norbert Leo Butz", "two-time Tony-winning actor-singer"),
        # ... but a name right after it is whom it describes, not the person before.
        ("Donald Trump spoke in Ohio on Monday.\n\nThe Republican vice presidential nominee, Gov. Mike Pence of "
         "Indiana, may be the one to watch.\n\n“We hope,” Trump said.", "We hope", "Donald Trump", None),
    ],
)
def test_description_named_right_after(nlp: Any, text: str, quote: str, speaker: str, role: str | None) -> None:
    found = quote_in(nlp, text, quote)
    assert (found.speaker, found.role) == (speaker, role)


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # A verb of saying opening an inverted clause, read as the name's first word, is no part of the name.
        ("The FBI made a \"mistake\" in the background check for mass shooter Dylann Roof, Comey has said. Roof "
         "should have been prevented from buying the .45-caliber weapon used in Charleston, S.C., in what officials "
         "called a hate crime. Said Comey, \"The thought that an error on our part is connected to this guy's "
         "purchase of a gun that he used to do this is painful.\"",
         "The thought that an error on our part is connected to this guy's purchase of a gun that he used to do "
         "this is painful", "Comey"),
        # Negative row: a first name that is a verb of no saying stays, though the article writes that verb.
        ("Prices rose on Monday. Rose McGowan said, \"The thought that an error on our part is connected to this "
         "is painful.\"", "The thought that an error on our part is connected to this is painful", "Rose McGowan"),
    ],
)
def test_a_verb_of_saying_is_no_first_name(nlp: Any, text: str, quote: str, speaker: str) -> None:
    assert speaker_of(nlp, text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # A name the parser ran on into the lower-case word after it ends before that word.
        ("In downtown San Francisco, a group marched in silence. Juan \"Chico\" Manriquez of Oakland carried one "
         "of the photos. \"I pretty much cried the whole parade,\" he said.", "I pretty much cried the whole parade",
         'Juan "Chico" Manriquez'),
        # Negative row: a lower-case particle inside a name stays.
        ("Mark van Loon spoke on Monday. \"We will win,\" he said.", "We will win", "Mark van Loon"),
    ],
)
def test_a_name_ends_with_a_capitalised_word(nlp: Any, text: str, quote: str, speaker: str) -> None:
    assert speaker_of(nlp, text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker", "role"),
    [
        # "The vice president" is no president named after the vice president ...
        ("Vice President Joe Biden visited Ankara on Tuesday.\n\nTurkish President Recep Tayyip Erdogan spoke on "
         "Monday.\n\nThe vice president appeared deferential to him.\n\n“We hope,” Erdogan said.", "We hope",
         "Recep Tayyip Erdogan", "President"),
        # ... but the vice president named before.
        ("Vice President Joe Biden visited Ankara on Tuesday.\n\nThe vice president said he was sorry.\n\n“We hope,” "
         "Biden said.", "We hope", "Joe Biden", "vice president"),
    ],
)
def test_vice_president_is_another_office(nlp: Any, text: str, quote: str, speaker: str, role: str | None) -> None:
    found = quote_in(nlp, text, quote)
    assert (found.speaker, found.role) == (speaker, role)
