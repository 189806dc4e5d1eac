"""The extraction engine on tricky sentences: each seed difficulty, and ones we invented."""

from __future__ import annotations

from typing import Any

import pytest

from quotes import Quote, extract_quotes


def quotes_of(nlp: Any, text: str, published: str | None = None) -> list[Quote]:
    return extract_quotes(text, published=published, nlp=nlp)


def by_text(quotes: list[Quote]) -> dict[str, Quote]:
    return {q.text.rstrip(",. "): q for q in quotes}


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        ('"We hope so," Rogozin said.', "We hope so", "Rogozin"),
        ("“We will stay,” said Sergei Ivanov.", "We will stay", "Sergei Ivanov"),  # "said X" inversion
        ("Putin told reporters: “There is no deal.”", "There is no deal", "Putin"),  # colon-introduced
        ("According to Anatoly Antonov, “talks were useful.”", "talks were useful", "Anatoly Antonov"),
        ("Dmitry Medvedev met Obama.\n“It went well,” Medvedev said.", "It went well", "Dmitry Medvedev"),
        ("Vladimir Putin arrived late.\n“We are ready,” he said.", "We are ready", "Vladimir Putin"),
        # A quote mark glued to a word ('said,“Look', 'paranoia,”Clinton') is split off by the tokenizer.
        ("Paul Ryan spoke.\nRyan said,“Look, it has no place here.”", "Look, it has no place here", "Paul Ryan"),
        ("“It is surprising to me,”Clinton said.", "It is surprising to me", "Clinton"),
        # "the 46-year-old" is tagged as a date but names a person.
        ("“He is an amazing leader,” said the 46-year-old.", "He is an amazing leader", "46-year-old"),
        # The parse hangs the speaker on the opening phrase as an apposition: the verb has no subject.
        (
            "In an interview with the Times, his chief of staff, Mary Jones, said: “The senator will run again.”",
            "The senator will run again",
            "Mary Jones",
        ),
        (
            "Although talks continue, a State Department official who spoke on condition of anonymity said "
            "Friday, “There is no deal yet.”",
            "There is no deal yet",
            "A State Department official",
        ),
        ("Critics compared the plan to “a blank check.”", "a blank check", "Critics"),  # a person noun as subject
        (  # a body that issues statements, as subject
            "The agency declined to detail the investigation’s “specific focus, scope or potential targets.”",
            "specific focus, scope or potential targets",
            "The agency",
        ),
        # A numeral heading its own phrase stands for people, not a number.
        (
            "“It was unseemly,” said one of two witnesses who relayed the same story.",
            "It was unseemly",
            "One of two witnesses who relayed the same story",
        ),
        # An aside ("who ...", a participle) between the speaker and a subjectless verb.
        (
            "“We had better conventions,” delegate Bill Eastland, wearing a cowboy hat, said as confetti fell.",
            "We had better conventions",
            "Bill Eastland",
        ),
        (
            "In an interview with hosts Joe Scarborough and Mika Brzezinski, the Democratic presidential candidate "
            "stated that the comments were “mean-spirited.”",
            "mean-spirited",
            "The Democratic presidential candidate",
        ),
        (
            "Barack Obama was caught telling Dmitry Medvedev that he would have “more flexibility” later.",
            "more flexibility",
            "Barack Obama",
        ),
        (
            "Russia’s Defense Ministry said the talks would have a “constructive nature” this week.",
            "constructive nature",
            "Russia's Defense Ministry",
        ),
        ('"PENCE: Gennifer Flowers will not be attending the debate.', "PENCE: Gennifer Flowers will not be "
         "attending the debate", "Pence"),  # a transcript line names its speaker
        ("More from Mark Blumenthal: “The polls ended too early.”", "The polls ended too early", "Mark Blumenthal"),
        ("“We were wrong to wait,” Jorge Ramos told AFP in an interview.", "We were wrong to wait", "Jorge Ramos"),
        ("“It was a mistake,” Ted Cruz said Sunday.", "It was a mistake", "Ted Cruz"),
        (
            "The senator met Steven Ekovich, who said prices had “cratered” this year.",
            "cratered",
            "Steven Ekovich",
        ),
        (
            "Donald Trump issued the following statement:\n\n“Our prayers are with all those affected.”",
            "Our prayers are with all those affected",
            "Donald Trump",
        ),
        ("“Almost all new income goes to the top 1 percent.”\n\n- Bernie Sanders.", "Almost all new income goes "
         "to the top 1 percent", "Bernie Sanders"),
        # A signature on the next line beats the reported speech of the paragraph above ...
        ("Sanders pushed for health centers, which convinced some lawmakers who thought the law did not go far "
         "enough.\n\n\"I will look into it. I will certainly look into it.\"\n\n- Hillary Clinton.",
         "I will look into it. I will certainly look into it", "Hillary Clinton"),
        # ... which still speaks for a quoted paragraph nobody signs.
        ("Carter said the deal was weak.\n\n“It will not hold. It never did.”", "It will not hold. It never did",
         "Carter"),
        # An inverted cue right after the quote: the parser takes the speaker for its object.
        ("“Look, she needed to split the first two primaries,” added a South Carolina Democrat.",
         "Look, she needed to split the first two primaries", "Democrat"),
        ('"Meh," wrote a supporter who runs a fan account.', "Meh", "A supporter"),
        ("“Nooooo!” the crowd cried out.", "Nooooo!", "The crowd"),  # "cried": a two-letter stem
        # After an inverted cue, the noun phrase starting right after it speaks, wherever the parse hangs it.
        ("\"I'm not going to say it is a mistake, so forget about it,\" said retired neurosurgeon Ben Carson, "
         "asked about his claims that he had received a scholarship offer.",
         "I'm not going to say it is a mistake, so forget about it", "Ben Carson"),
        # The parse hangs the name off the quote: the noun phrase before the cue speaks.
        ("''They were professionals, but also competitors,'' William M. Daley, President Obama's former chief "
         "of staff, said of their time.", "They were professionals, but also competitors", "William M. Daley"),
        # A verb outside the reporting list still attributes a quote that opens its sentence.
        ('"Jeb wants to be a tough guy tonight," Trump shot back.', "Jeb wants to be a tough guy tonight", "Trump"),
        ("“Would it be negotiable about the 11 million?” Hannity pressed.",
         "Would it be negotiable about the 11 million?", "Hannity"),
        # People who write or judge for a living are named by their work ("columnist", "judge").
        ("The Slate technology columnist David Auerbach went so far as to say: ''Twitter as we know it is "
         "over.''", "Twitter as we know it is over", "David Auerbach"),
        ("A federal judge determined that the handling has created at least a “reasonable suspicion” of bad "
         "faith.", "reasonable suspicion", "A federal judge"),
        # A writing that says things, as subject, owns the fragments it quotes.
        ("The ad targets a “corrupt political system that keeps in place a rigged economy.”",
         "corrupt political system that keeps in place a rigged economy", "The ad"),
        ("Instead, the statement talked about giving voters the right to “determine who they want.”",
         "determine who they want", "The statement"),
        # Fragments of one sentence share its source, even without a clause of their own.
        ('In the interview, Clinton described the plan as "reckless"; the "real costs" fall on families.',
         "real costs", "Clinton"),
        # "According to" anywhere in the sentence names the source of its quotes.
        ('According to his physician, Trump had "astonishingly excellent" results in his latest exam.',
         "astonishingly excellent", "His physician"),
        ('Section 1001 applies "when individuals make false statements," according to the news outlet.',
         "when individuals make false statements", "The news outlet"),
        # A quoted sentence after reported speech in the same paragraph goes on with its speaker.
        ("In response, Clinton said she and Obama had made progress against great odds. “I really believe that "
         "the president has done an incredible job.”", "I really believe that the president has done an "
         "incredible job", "Clinton"),
        ('"I feel very good about chances in November," Tester said. "Very good."', "Very good", "Tester"),
        # Before a colon, a noun subject introduces the quote.
        ('Giant screens hanging over the arena glittered with the words: "Over the Top."', "Over the Top",
         "Giant screens"),
        # "put it" reports; "put" on its own does not (see the negative rows below).
        ("Or, as Tom Ridge, a former secretary of homeland security, put it: ''The barbarians are no longer at "
         "the gate. They're inside.''", "The barbarians are no longer at the gate. They're inside", "Tom Ridge"),
        ('That is because, as Trump puts it, "the best thing we have going for us" is low rates.',
         "the best thing we have going for us", "Trump"),
        # The pronoun right after a cue is its object ("calling it"), not an inverted speaker ("said he").
        ('After the attacks, Trump released a new radio ad calling it "dangerous" that Obama "has no strategy."',
         "dangerous", "Trump"),
        # The name right after a verb of judging is what it judges, not the speaker ("blasted Disney").
        ("In March, Trump blasted Disney for its “outrageous practices” in requiring workers to train their "
         "replacements.", "outrageous practices", "Trump"),
        # A quote under a noun of speech belongs to its owner ("Trump's assertion", "Sanders's call").
        ('For example, Trump\'s recent evidence-free assertion that "thousands" of Muslims celebrated was false.',
         "thousands", "Trump"),
        ('While Sanders\'s clarion call for a "revolution" draws thousands of liberals, Clinton\'s campaigning '
         "does not.", "revolution", "Sanders"),
        # A coordinated reporting clause names its own speaker ("..., and Trump called it").
        ('Ryan said he was "very encouraged" and Trump called it a "great meeting."', "great meeting", "Trump"),
        ('Ryan said he was "very encouraged" and Trump called it a "great meeting."', "very encouraged", "Ryan"),
        # The object of the verb an infinitive hangs on does it ("prompted Rubio to ... call").
        ('That prompted Rubio to make a joke about yoga and call Trump "very flexible," a nod to his changing '
         "positions.", "very flexible", "Rubio"),
        # The agent of a passive cue speaks, not who was asked ("Asked by Thrush if ...").
        ("Asked by Thrush if Clinton “gets” race, Sharpton avoided a declaration.", "gets", "Thrush"),
        # A quote that is its whole sentence but for a word of lead-in goes on with the paragraph's speaker.
        ("“He’s supposed to be a cheerleader for this country,” Trump said. Instead, “he just acts like a "
         "defeated man.”", "he just acts like a defeated man", "Trump"),
        # A relative clause saying what its antecedent is ("who are") speaks for nobody: the speaker is higher up.
        ('At the rally, Trump launched into a lament for the "countless Americans" who are "victims of violence" '
         "by criminals.", "victims of violence", "Trump"),
        ("Ivanka Trump portrayed him as a generous executive who would be \"the people's champion\" and "
         '"a fighter."', "the people's champion", "Ivanka Trump"),
        # A noun cue ("a statement") is put out by the subject of the verb it is the object of.
        ("Immediately after the attacks, Trump issued a statement, “Last night, our nation was attacked by a "
         "radical Islamic terrorist.”", "Last night, our nation was attacked by a radical Islamic terrorist",
         "Trump"),
        # A cue without a subject of its own ("of asking") does not end the walk up to one that has one.
        ('Senator Cruz fielded the most attacks, so much so that he accused the debate moderators of asking too '
         'many "please attack Ted" questions.', "please attack Ted", "Cruz"),
        # A participle after a fragment ("..., adding") belongs to the reporting verb, not the reported clause.
        ("Trump told Newsmax that Mitt Romney “had a crazy policy of self-deportation which was maniacal,” "
         "adding, “He lost all of the Latino vote.”", "had a crazy policy of self-deportation which was maniacal",
         "Trump"),
        ("Sanders said the process of writing the platform could be “messy,” adding, “Democracy is messy.”",
         "messy", "Sanders"),
        # The tagger misreads the reporting clause after a quote (the verb as a noun, the name as a modal,
        # the speaker as a date): a short noun phrase and a reporting verb form still attribute it.
        ("“We do not understand the need to cite intent,” the two write.",
         "We do not understand the need to cite intent", "The two"),
        ("“If she wants to be president, Hillary Clinton should act like one,” the editorial read.",
         "If she wants to be president, Hillary Clinton should act like one", "The editorial"),
        ('"Today, the kingdom is one of the leading nations in combating terror," the Saudis state in the white '
         "paper.", "Today, the kingdom is one of the leading nations in combating terror", "The Saudis"),
        ("“The eruption of war is a reminder,” Will wrote.", "The eruption of war is a reminder", "Will"),
        ("“What if Donald Trump had elocution lessons?” the 43-year-old asked in the video’s description.",
         "What if Donald Trump had elocution lessons?", "The 43-year-old"),
        # Right after the closing mark a verb that takes an addressee is inverted: what follows it speaks ...
        ("“How big is that wall?” asked the boy, who was wearing a hat.", "How big is that wall?", "The boy"),
        ("''Is Donald Trump running against the committee?'' asked Mr. Manafort, referring to the candidate.",
         "Is Donald Trump running against the committee?", "Manafort"),
        ("“Shut the border now,” urged Sen. Tom Cotton.", "Shut the border now", "Tom Cotton"),
        # ... elsewhere it is still the one asked.
        ("Trump asked Clinton “why did you do it?” at the debate.", "why did you do it?", "Trump"),
        # A nested quote that closes with the outer one keeps the fragment's comma inside its own mark.
        ("The event “was the first time I heard the phrase ‘He’s the ringleader,’” Sexton said.",
         "was the first time I heard the phrase ‘He’s the ringleader,’", "Sexton"),
        # A quoted paragraph signed on the next line, the signature going on with a description.
        ("“The whole idea needs to stop.”\n\n-Michelle Marks, Philadelphia.", "The whole idea needs to stop",
         "Michelle Marks"),
        ("“Great speech. She's tested.”\n\n-President Obama, tweeting after Clinton's speech.",
         "Great speech. She's tested", "President Obama"),
        # "shot back", "fired back": a retort reports, but only with "back".
        ('Clinton defended her record. Sanders shot back, "Secretary Clinton called them out."',
         "Secretary Clinton called them out", "Sanders"),
        # A possessive apostrophe before the mark does not start a sentence: the tail is not its clause.
        ("Clinton has intimated that Sanders' \"diagnoses\" of economic ills (read: without prescriptions) are "
         "the big draw.", "diagnoses", "Clinton"),
    ],
)
def test_speaker(nlp: Any, text: str, quote: str, speaker: str) -> None:
    found = by_text(quotes_of(nlp, text))
    assert quote in found, f"quote {quote!r} not found in {list(found)}"
    assert found[quote].speaker == speaker


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        # Before a colon, the subject of a root inside the quote is the quote's own, not its speaker.
        ('Here is the record: "Use of the fund is limited to refugees."', "Use of the fund is limited to refugees"),
    ],
)
def test_subject_inside_the_quote_does_not_speak(nlp: Any, text: str, quote: str) -> None:
    found = by_text(quotes_of(nlp, text))
    assert quote not in found or found[quote].speaker != "Use"


@pytest.mark.parametrize(
    "text",
    [
        'Trump hit back at the "failing" newspaper on Twitter.',  # a retort's object, not its words
        'The police shot the "armed" man.',  # "shot" without "back" reports nothing
    ],
)
def test_retort_verbs_do_not_attribute_scare_quotes(nlp: Any, text: str) -> None:
    assert quotes_of(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # The clause after a fragment inside a sentence belongs to the sentence, not the fragment.
        ("Sims said he was “riding the fence” until Haley said she backed Rubio.", "riding the fence", "Sims"),
        # "described it": "it" is what was described, not who spoke.
        ("Informed of the district's lean, Early described it as “news to me.”", "news to me", None),
        # A noun that carries no words ("Trump's wall") gives the quote no owner.
        ('The cost of Trump\'s wall along the "entire southern border" was never estimated.',
         "entire southern border", None),
        # A fragment inside a longer sentence of its own is not the previous speaker's.
        ('"We will win," Trump said. Analysts saw a different story about "a campaign in deep trouble."',
         "a campaign in deep trouble", None),
        # "put" without "it" reports nothing.
        ('Trump put the plan, "a disaster for workers," on hold.', "a disaster for workers", None),
        # After a fragment inside a sentence, a clause after "and" is a new clause with its own speaker.
        ('Cruz said he would make sand "glow in the dark," for instance, and Trump vowed to "bomb the hell" out '
         "of the Islamic State.", "glow in the dark", "Cruz"),
        # A misread reporting clause needs a reporting verb form ("plan" is none) ending its clause
        # ("report cards" is a noun phrase).
        ('"We will win," the two plan in private.', "We will win", None),
        ('"We lost," the two report cards in hand.', "We lost", None),
        # Only a comma, "?" or "!" inside a nested mark leaves the fragment's sentence open.
        ("She called it “the ‘ringleader’” and Sexton said nothing.", "the ‘ringleader’", None),
        # A dash line going on with a clause of its own is a bullet point, not a signature.
        ("“Almost all new income goes to the top.”\n\n- Sanders, in Iowa, was wrong about that.",
         "Almost all new income goes to the top", None),
        # A reporting word after an article or a possessive is a noun ("your email", "a report", "his
        # claims"): read from the word, it attributes nothing.
        ("Just click here, enter your email address, and click “sign up.”", "sign up", None),
        ('On Friday, it was a report by Politico that he "fabricated" the story of an offer.', "fabricated", None),
        ("Trevor Noah laughed. Trump did post on Twitter Friday that his claims were “sarcasm” but it took a "
         "long time.", "sarcasm", None),
        # A full stop inside the marks ends the sentence: the next one is not its attribution.
        ("“It shows a lack of character.” Reid said both men are non-entities.", "It shows a lack of character",
         None),
    ],
)
def test_clause_after_a_finished_quote_is_not_its_attribution(
    nlp: Any, text: str, quote: str, speaker: str | None
) -> None:
    found = by_text(quotes_of(nlp, text))
    assert (found[quote].speaker if quote in found else None) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "mention"),
    [
        # A relative clause with its own reporting verb ("..., who added") is the quote's clause, not the
        # reporting verb it hangs on.
        ('"It was not a convincing argument," said one Democrat familiar with the discussion, who added that '
         'the White House seemed "rattled" by the opposition.', "rattled", "who"),
        # A verb of speech whose pronoun takes the speaker up again is the nearest mention of the speaker.
        ('Netanyahu said late Wednesday that he would go ahead with the meeting, although he tweeted that he '
         '"rejects the latest comments."', "rejects the latest comments", "he"),
        ('Amnesty spokesman Eric Ferrero said observers went with the marchers, whom he described as '
         '"peaceful."', "peaceful", "he"),
        # A reporting clause set off by commas inside the sentence reports the whole sentence.
        ('He sincerely believes, he said, that "Donald Trump is a really good guy."',
         "Donald Trump is a really good guy", "he"),
        ('Nor, she said, did Clinton say anything that could be "interpreted as an order."',
         "interpreted as an order", "she"),
        # Negative rows: "as he said" is a clause of its own, not an aside; a verb of thought is still
        # reported by the outer clause.
        ('He believes, as he said in May, that "the wall will work."', "the wall will work", "He"),
        ('Benjamin said he believes "there may be some generals who are beating their chest."',
         "there may be some generals who are beating their chest", "Benjamin"),
        # Negative row: a fragment reported inside reported speech keeps the outer source.
        ('Cardin said Republicans rejected it, calling it an "area of contention" in the talks.',
         "area of contention", "Cardin"),
    ],
)
def test_mention_of_the_speaker(nlp: Any, text: str, quote: str, mention: str) -> None:
    found = by_text(quotes_of(nlp, text))
    start, end = found[quote].speaker_start, found[quote].speaker_end
    assert start is not None and end is not None and text[start:end] == mention


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # "Who" hangs on the description in apposition: the name it describes speaks.
        ('"We are gearing up," said Scott Reed, the Chamber\'s chief political strategist, who added that his '
         'group would "spend heavily."', "spend heavily", "Scott Reed"),
        # ... or on an institution inside the description: "who" is never the Caucus.
        ("The letter came from Raul Grijalva of Arizona, a co-chairman of the Congressional Progressive Caucus, "
         'who said the law was "a disgrace."', "a disgrace", "Raul Grijalva"),
        # ... or on the second of a pair of descriptions.
        ("Cash came from Lionel Sosa, a Texas media consultant and an influential Hispanic Republican who said "
         'he would "never vote for him."', "never vote for him", "Lionel Sosa"),
        # Negative rows: a person named in the "of" phrase, or after "on", is who "who" stands for.
        ('She hugged the widow of Tim Jones, who called it "a good day."', "a good day", "Tim Jones"),
        ('She followed up with a frontal attack on Donald Trump, who has said he is "a neutral guy."',
         "a neutral guy", "Donald Trump"),
        # The named words stop before the relative clause itself.
        ('The plan was backed by the chairman of the Progressive Caucus, who said it was "fun."', "fun",
         "The chairman of the Progressive Caucus"),
    ],
)
def test_who_stands_for_a_person(nlp: Any, text: str, quote: str, speaker: str) -> None:
    found = by_text(quotes_of(nlp, text))
    assert found[quote].speaker == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # A first name used alone is the one fuller name that begins with it.
        ("Bernie Sanders spoke in Iowa.\n“We won tonight,” Bernie said.", "We won tonight", "Bernie Sanders"),
        ("Ban Ki-moon flew to Seoul.\n“It was a long trip,” Ban said.", "It was a long trip", "Ban Ki-moon"),
        # Negative rows: two fuller names begin with it, or a fuller name ends with it.
        ("Bill Clinton met Bill Gates.\n“It went well,” Bill said.", "It went well", "Bill"),
        ("Michael Jordan met Jordan Smith.\n“It was great,” Jordan said.", "It was great", "Michael Jordan"),
    ],
)
def test_first_name_alone(nlp: Any, text: str, quote: str, speaker: str) -> None:
    found = by_text(quotes_of(nlp, text))
    assert found[quote].speaker == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # Words reported in a clause of time ("after X argued", "as X yelled") are that clause's speaker's.
        ("“It was misleading,” Axelrod tweeted after Clinton argued for the second time that “if everyone had "
         "voted as he voted, we would lose.”", "if everyone had voted as he voted, we would lose", "Clinton"),
        ('"There is a young man with problems," Cruz said as the heckler yelled: "You suck!"', "You suck!",
         "The heckler"),
        # A cue in a clause of time before the main clause sets the scene: the main clause's subject
        # introduces the quote, even with a verb that does not report ("fired back", "shot back").
        ("When Trump suggested that Cuba would sue the U.S., Rubio fired back forcefully: “If they sue us, "
         "they lose.”", "If they sue us, they lose", "Rubio"),
        ("After Gov. Jerry Brown criticized Bill Clinton during a debate, Hillary Clinton shot back, “I suppose "
         "I could have stayed home.”", "I suppose I could have stayed home", "Hillary Clinton"),
        # Negative rows: a main clause whose subject cannot speak leaves the quote to the cue; a participle
        # without a subject of its own goes on with the outer speaker.
        ("When Trump suggested that Cuba would sue the U.S., the room fell silent: “If they sue us, they "
         "lose.”", "If they sue us, they lose", "Trump"),
        ('"We need him back," Hannity said after the senator won his primary, remarking that he "paid a heavy '
         'price."', "paid a heavy price", "Hannity"),
    ],
)
def test_clause_of_time_keeps_its_words(nlp: Any, text: str, quote: str, speaker: str) -> None:
    found = by_text(quotes_of(nlp, text))
    assert found[quote].speaker == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # A name before the colon inside a phrase of the clause ("to Trump", "in Italian") is where the
        # words went; the clause's subject speaks.
        ('Senate Majority Leader Mitch McConnell, R-Ky., delivered a blunt message to Trump: "It is time to '
         'quit attacking people."', "It is time to quit attacking people", "Mitch McConnell"),
        ("At a conference in Aspen, the Stanford graduate ended her speech by quoting Leonardo da Vinci in "
         'Italian: "Ogni impedimento è distrutto."', "Ogni impedimento è distrutto", "The Stanford graduate"),
        # Negative rows: a name standing alone before the colon, or the agent of a passive, speaks.
        ('More from Jones: "The data are clear."', "The data are clear", "Jones"),
        ('Sanders was asked by host Bill Maher: "Now, you famously said it."', "Now, you famously said it",
         "Bill Maher"),
    ],
)
def test_name_before_a_colon(nlp: Any, text: str, quote: str, speaker: str) -> None:
    found = by_text(quotes_of(nlp, text))
    assert found[quote].speaker == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # A surname the parser does not tag as a person ("Canova" as an organisation) is still a mention
        # of the person the article names in full: the pronoun goes back to it.
        ("Tim Canova is running against Debbie Wasserman Schultz.\n\nWasserman Schultz raised $3 million from "
         "committees. Canova said he has not held fundraising dinners. “What the grassroots has done for me "
         "is huge,” he said.", "What the grassroots has done for me is huge", "Tim Canova"),
        # "she" never stands for a "Mr.", "he" never for a "Mrs." or "Ms.".
        ("Mrs. Clinton spoke in Iowa on Monday. Mr. Sanders answered her.\n\n“We will win this state,” she "
         "said.", "We will win this state", "Clinton"),
        # Negative rows: an honorific that agrees changes nothing; a surname inside a longer name ("the
        # Trump campaign") is no mention of the person.
        ("Mr. Trump spoke in Iowa on Monday. Mr. Bush answered him.\n\n“It was a fine debate,” he said.",
         "It was a fine debate", "Bush"),
        ("Donald Trump spoke on Monday.\n\nJeb Bush answered him. The Trump campaign said “he was angry.”\n\n"
         "“It went badly,” he said.", "It went badly", "Jeb Bush"),
    ],
)
def test_pronoun_antecedent(nlp: Any, text: str, quote: str, speaker: str) -> None:
    found = by_text(quotes_of(nlp, text))
    assert found[quote].speaker == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # A surname two people share is the one named in full shortly before it, not the longest name.
        ("George W. Bush campaigned on Monday.\n\nLater, Jeb Bush spoke in Iowa. “We will win this state,” "
         "Bush said.", "We will win this state", "Jeb Bush"),
        # A court case ("Trump v. Trump") is no person and no fuller form of a surname.
        ("The language surfaced in a 1992 court case, Trump v. Trump, in which the couple tussled.\n\nDonald "
         "Trump spoke on Monday. “It was a fine divorce,” Trump said.", "It was a fine divorce", "Donald Trump"),
        # A full name the parser reads as an organisation ("Carly Fiorina") is a person named in full.
        ("Carly Fiorina, the former HP chief, spoke on Monday. Her husband, Frank Fiorina, was there.\n\n“We "
         "will win this state,” she said.", "We will win this state", "Carly Fiorina"),
        ("Carly Fiorina, the former HP chief, spoke on Monday.\n\nHer husband, Frank Fiorina, was there.\n\n"
         + "The crowd in the hall cheered and waved signs. " * 14
         + "\n\n“We will win this state,” Fiorina said.", "We will win this state", "Carly Fiorina"),
        ("Carly Fiorina, the former HP chief, spoke on Monday. Her husband, Frank Fiorina, was there.\n\n“We "
         "will win this state,” he said.", "We will win this state", "Frank Fiorina"),
        # "Mrs. Clinton" is not the nearer Clinton known to be a man, but the one known to be a woman.
        ("Hillary Clinton spoke on Monday.\nShe praised the crowd.\nHer husband, Bill Clinton, was there. Mr. "
         "Clinton waved.\n\n“We will win this state,” Mrs. Clinton said.", "We will win this state",
         "Hillary Clinton"),
        ("Hillary Clinton spoke on Monday.\nShe praised the crowd.\nHer husband, Bill Clinton, was there. Mr. "
         "Clinton waved.\n\n“We will win this state,” Mr. Clinton said.", "We will win this state",
         "Bill Clinton"),
        # Negative row: with no full name nearby, the surname is the person named in full first.
        ("Hillary Clinton spoke on Monday. “We will win this state,” Clinton said.\n\nBill Clinton was not "
         "there.", "We will win this state", "Hillary Clinton"),
    ],
)
def test_shared_surname(nlp: Any, text: str, quote: str, speaker: str) -> None:
    found = by_text(quotes_of(nlp, text))
    assert found[quote].speaker == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # A gendered noun next to a name says which pronoun stands for that person: "he" passes over her.
        ("Tom Smith spoke on Monday. Sarah Jones, his spokeswoman, answered him.\n\n“We will win this "
         "state,” he said.", "We will win this state", "Tom Smith"),
        ("Tom Smith spoke first. His wife, Sarah Jones, answered him.\n\n“We will win this state,” he said.",
         "We will win this state", "Tom Smith"),
        # So does the "he" or "she" opening the sentence after one that names only that person.
        ("John Roe spoke in Iowa on Monday.\nHe praised the crowd.\nJane Doe spoke next.\nShe thanked the "
         "voters.\n\n“We will win this state,” he said.", "We will win this state", "John Roe"),
        # So does the "he" or "she" the subject's own verb reports about ("Kasich said he would").
        ("Pat Doe spoke on Monday.\nJohn Roe said he would release the records on Friday.\n\n“We will win this "
         "state,” she said.", "We will win this state", "Pat Doe"),
        # A "her" in a clause reporting what the subject said is whoever the report is about: it does not make
        # the subject a woman ("Podesta told a lunch group that her position remains firm").
        ("Pat Doe spoke on Monday.\nJohn Roe told reporters on Friday that her tax records were in order.\n\n“We "
         "will win this state,” he said.", "We will win this state", "John Roe"),
        # Negative rows: a "his" in the subject's own clause (reported or not) still says he is a man;
        # "spokesman" is said of women too; a person with no evidence still fits.
        ("Pat Doe spoke on Monday.\nJohn Roe released his tax records on Friday.\n\n“We will win this state,” "
         "she said.", "We will win this state", "Pat Doe"),
        ("Pat Doe spoke on Monday.\nAides insist that John Roe will release his tax records on Friday.\n\n“We "
         "will win this state,” she said.", "We will win this state", "Pat Doe"),
        ("Tom Brown spoke on Monday.\n\nTrump spokesman Hope Hicks answered him.\n\n“They are not "
         "affiliated,” she said.", "They are not affiliated", "Hope Hicks"),
        ("Jane Doe spoke in Iowa on Monday.\nShe praised the crowd.\nJohn Roe spoke next.\n\n“We will "
         "win this state,” he said.", "We will win this state", "John Roe"),
    ],
)
def test_pronoun_gender_from_the_article(nlp: Any, text: str, quote: str, speaker: str) -> None:
    found = by_text(quotes_of(nlp, text))
    assert found[quote].speaker == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # A name inside someone's words is no antecedent for a pronoun outside them.
        ("John Roe spoke on Monday, saying “Tom Smith is wrong about taxes.”\n\n“We will win this state,” "
         "he added.", "We will win this state", "John Roe"),
        # Negative row: the same name outside the quote marks still is.
        ("John Roe spoke on Monday. Tom Smith answered him.\n\n“We will win this state,” he added.",
         "We will win this state", "Tom Smith"),
    ],
)
def test_no_antecedent_inside_quotes(nlp: Any, text: str, quote: str, speaker: str) -> None:
    found = by_text(quotes_of(nlp, text))
    assert found[quote].speaker == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # A surname that only modifies a description ("a senior Cruz adviser") does not name the speaker.
        ("Ted Cruz spoke on Monday.\n\n“That can go a long way,” said a senior Cruz adviser.",
         "That can go a long way", "A senior Cruz adviser"),
        ("Hillary Clinton spoke on Monday.\n\n“That doesn’t mean no response,” one Clinton aide said.",
         "That doesn’t mean no response", "One Clinton aide"),
        # Negative rows: the name after "Rubio spokesman" speaks; a surname alone is the person.
        ("Marco Rubio spoke on Monday.\n\n“Debate recap,” said Rubio spokesman Alex Conant.", "Debate recap",
         "Alex Conant"),
        ("Ted Cruz spoke on Monday.\n\n“That can go a long way,” said Cruz.", "That can go a long way",
         "Ted Cruz"),
    ],
)
def test_surname_describing_a_speaker(nlp: Any, text: str, quote: str, speaker: str) -> None:
    found = by_text(quotes_of(nlp, text))
    assert found[quote].speaker == speaker


def test_split_quote_shares_its_speaker(nlp: Any) -> None:
    text = "Sergei Lavrov spoke on Friday.\n“We disagree,” Lavrov said. “But we will keep talking.”"
    found = by_text(quotes_of(nlp, text))
    assert found["We disagree"].speaker == "Sergei Lavrov"
    assert found["But we will keep talking"].speaker == "Sergei Lavrov"


def test_multi_paragraph_quote_takes_the_closing_attribution(nlp: Any) -> None:
    text = "“The first part runs on.\n\n“The second part ends here,” Medvedev said.\n"
    found = by_text(quotes_of(nlp, text))
    assert found["The first part runs on"].speaker == "Medvedev"
    assert found["The second part ends here"].speaker == "Medvedev"


@pytest.mark.parametrize(
    "text",
    [
        # A copula says what its subject is: the subject is described, not quoted.
        "Across town, Wayne Borders is a \"child of the '80s\" who left his job to volunteer.",
        "The authorities designated the paper an “undesirable” organization.",
        "They will hold “2+2 format” consultations on Friday.",
        "Her book, “Stealing America,” sold well.",
        "The tourists liked the “rustic” charm of the village.",  # a plain noun subject, not a person noun
        "The building had a “rustic” look.",  # nor a body that issues statements
        "The building in the ad had a “rustic” look.",  # nor a writing that is not the subject
        "Scout leaders faced a “test of leadership” this week.",  # "leader" names a rank, not who speaks
    ],
)
def test_scare_quotes_and_titles_are_not_attributed(nlp: Any, text: str) -> None:
    assert [q for q in quotes_of(nlp, text) if q.speaker] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A list of titles joined by commas and "and", with no reporting verb.
        ('Sanders is scheduled to appear on "The View" and "The Late Show With Stephen Colbert," among other '
         "media appearances.", []),
        # A headline followed by its byline.
        ('FAREWELL—"The Living Room to close at the end of December," by Times\' Ben Sisario.', []),
        # A label inside the speaker's own noun phrase names the speaker.
        ("As the “Never Trump” movement continues to battle against the voters, donors worry.", []),
        # A title after a possessive apostrophe ("CBS'"), with no reporting verb.
        ("President Obama backed her up in an interview last October on CBS' ''60 Minutes.''", []),
        # A wire story's section heading in capitals, alone on its line.
        ("“It was stupid,” Cameron said.\n“DIVISIVE, STUPID AND WRONG”\nCameron will work with whoever wins.",
         [("It was stupid", "Cameron")]),
        # Words shouted together are said, however capitalised: "chants of" is no title cue ...
        ('Anti-war activists joined in a thunderous chant of "Feel the Bern!" outside.',
         [("Feel the Bern!", "Anti-war activists")]),
        ('Walking into the office to chants of "Marco! Marco!," the senator said his campaign was strong.',
         [("Marco! Marco!", "The senator")]),
        # ... other nouns before "of" still introduce a title.
        ('Anti-war activists joined in a thunderous screening of "Feel the Bern!" outside.', []),
        ('Walking into the office to the strains of "Marco! Marco!," the senator said his campaign was strong.',
         []),
        # Negative rows: capitals inside a sentence are still quoted ...
        ('The crowd chanted "USA! USA! USA!" as Trump spoke.', [("USA! USA! USA!", "The crowd")]),
        # ... and a reporting verb still reports the names it mentions (PolNeAR counts them) ...
        ('The network said it would revive "24," "Prison Break" and "Gilmore Girls."',
         [("24", "The network"), ("Prison Break", "The network"), ("Gilmore Girls", "The network")]),
        ("Billy Bush is joining the ''Today'' show as an anchor, NBC announced on Tuesday.", [("Today", "NBC")]),
        # ... and a fragment followed by "by" is no headline: a headline starts upper case.
        ('Beck declared that Cruz was "anointed" by God.', [("anointed", "Beck")]),
    ],
)
def test_names_of_things_are_not_quoted(nlp: Any, text: str, expected: list[tuple[str, str]]) -> None:
    found = by_text([q for q in quotes_of(nlp, text) if q.speaker])
    assert [(quote, q.speaker) for quote, q in found.items()] == expected


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # A pronoun stands for the main clause's subject, not for someone in a clause it reports ...
        ("White House spokesman Josh Earnest said Obama has kept in touch with his supporters.\n"
         "“I would think that would have some influence,” he said.", "I would think that would have some influence",
         "Josh Earnest"),
        # ... nor for someone the subject acts on.
        ("In his statement Saturday, Bernie Sanders tried to hold Rick Snyder accountable.\n"
         "“There are no excuses,” he said.", "There are no excuses", "Bernie Sanders"),
        # A description stands for the person named before it: by gender ...
        ("Joe Biden spoke in Scranton on Monday.\n“They deserve someone who is with them,” said the man who built "
         "his career there.", "They deserve someone who is with them", "Joe Biden"),
        # ... or by the role it shares with them.
        ("Republican presidential nominee Donald Trump spoke first.\n“We will win,” the nominee said.",
         "We will win", "Donald Trump"),
        # With no one to stand for, a description stays what the article says.
        ("In an interview with hosts Joe Scarborough and Mika Brzezinski, the Democratic presidential candidate "
         "stated that the comments were “mean-spirited.”", "mean-spirited", "The Democratic presidential candidate"),
        # Words glued onto a name by the tagger are no part of it ...
        ("Donald Trump spoke in Iowa.\n“I am very disappointed,” said Billionaire Donald Trump.",
         "I am very disappointed", "Donald Trump"),
        # ... a first name the entity missed is ...
        ("“There is nothing different,” Democratic National Committee Chair Debbie Wasserman Schultz said.",
         "There is nothing different", "Debbie Wasserman Schultz"),
        # ... but the last word of a title's "of" phrase is not one.
        ("Director of National Intelligence James Clapper said: “We see no evidence of that.”",
         "We see no evidence of that", "James Clapper"),
        ("“We see no evidence,” said Secretary of Homeland Jeh Johnson.", "We see no evidence", "Jeh Johnson"),
        # ... nor is a spouse in a headline, nor the second word of "General Counsel".
        ("Weiner Gets Bad News After Separation From Wife Huma Abedin.\n\n“After long and painful consideration, I "
         "have made the decision,” Abedin said.", "After long and painful consideration, I have made the decision",
         "Huma Abedin"),
        ("“It was processed as appropriate,” FBI General Counsel James A. Baker wrote in a letter.",
         "It was processed as appropriate", "James A. Baker"),
        # ... nor "Lady" of "First Lady"; but a name that is "Lady" stays whole.
        ("First Lady Michelle Obama said on Monday: “We go high.”", "We go high", "Michelle Obama"),
        # ... nor an ampersand joining the next name.
        ("Rudy Giuliani & Sen. Jeff Sessions spoke on Wednesday night. “We will win this state,” they said.",
         "We will win this state", "Rudy Giuliani and Jeff Sessions"),
        ("“I am here,” Lady Gaga said.", "I am here", "Lady Gaga"),
        # ... also for the later mentions that leave it out.
        ("“There is nothing different,” Democratic National Committee Chair Debbie Wasserman Schultz said.\n\n"
         "“We have raised money,” Wasserman Schultz said.", "We have raised money", "Debbie Wasserman Schultz"),
        ("Hillary Clinton won.\n\nRival Hillary Clinton spoke.\n\n“We will win,” Clinton said.", "We will win",
         "Hillary Clinton"),
        # ... and two people joined by a dash are two.
        ("“He changed,” said Deborah Jordan Reynolds - Santilli's girlfriend - on Tuesday.",
         "He changed", "Deborah Jordan Reynolds"),
        # A name the parser took for an organisation, and a name with whom the person works for.
        ("Former CIA operative and Marine John “Tig” Tiegen spoke.\n\n“She goes home,” Tiegen stated.",
         "She goes home", "John “Tig” Tiegen"),
        ("“That was the problem,” wrote The New Republic's Jeet Heer.", "That was the problem", "Jeet Heer"),
        ("“That was the problem,” said Meenakshi Ganguly of Human Rights Watch.", "That was the problem",
         "Meenakshi Ganguly"),
        # "her" after a sentence's only person is hers: "she" is not the man named since.
        ("Hillary Clinton released her medical records in July.\n\nMark Smith opened his files on Monday and "
         "looked at them.\n\n“It is fine,” she said.", "It is fine", "Hillary Clinton"),
        # The person just asked a question is who answers it.
        ("Last month, Scott Conroy asked Bernie Sanders whether his health was fair game.\n\n“Sure it is,” he said.",
         "Sure it is", "Bernie Sanders"),
        # A speaker phrase that holds a name is that person.
        ("Donald Trump spoke.\n“They may not be,” Trump told The Associated Press of the prospects for peace.",
         "They may not be", "Donald Trump"),
        # ... also when the parser read the clause as one entity that is no person.
        ("Donald Trump spoke. \"Your reputation is amazing,\" Trump assured Jones, after Jones assured Trump that "
         "his listeners supported him.", "Your reputation is amazing", "Donald Trump"),
        # A surname the parser read as a nationality ("Cuban") is the person the article names so.
        ("Mark Cuban said he would consider running with Hillary Clinton.\n\nClinton, though, would have to move, "
         "Cuban said.\n\nTrump's temperament is worrying, Cuban said.\n\n“I just don't see evidence,” he said.",
         "I just don't see evidence", "Mark Cuban"),
    ],
)
def test_speaker_in_context(nlp: Any, text: str, quote: str, speaker: str) -> None:
    found = by_text(quotes_of(nlp, text))
    assert quote in found, f"quote {quote!r} not found in {list(found)}"
    assert found[quote].speaker == speaker


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Deputy Prime Minister Dmitry Rogozin said: “We hope.”", "Deputy Prime Minister"),
        ("Russian President Dmitry Medvedev said: “We hope.”", "President"),
        ("US President Barack Obama said: “We hope.”", "President"),
        # An apposition is printed as written, without the country owning the role.
        ("Dmitry Rogozin, Russia's deputy prime minister, said: “We hope.”", "deputy prime minister"),
        ("Then-President Dmitry Medvedev said: “We hope.”", None),  # a past role is not the role in force
        # A role is read whole from the parse, not cut at a known title word ...
        ("“We hope,” said White House spokesman Josh Earnest.", "White House spokesman"),
        ("Secretary of State John Kerry said: “We hope.”", "Secretary of State"),
        # ... also when the parser made the name the object of the title's "of" (never the fragment after it) ...
        ("Speaker of the House Rep. Paul Ryan (R-WI) said “anti-Semitic images have no place in a campaign.”",
         "Speaker of the House"),
        ("Chairman of the Joint Chiefs of Staff Joseph Dunford said: “We hope.”",
         "Chairman of the Joint Chiefs of Staff"),
        ("Then-Speaker of the House Newt Gingrich said: “We hope.”", None),
        ("Debra Steger, a former Canadian negotiator at the World Trade Organization, said: “We hope.”",
         "former negotiator at the World Trade Organization"),
        ("Jim Bennett, 62, a retired mail carrier, said: “We hope.”", "retired mail carrier"),
        ("“We hope,” said Google's chief human resources executive, Laszlo Bock.",
         "Google's chief human resources executive"),
        # ... never a title of someone else ("President" belongs to Obama, not to his strategist) ...
        ("David Axelrod, President Barack Obama's former chief campaign strategist, said: “We hope.”",
         "President Barack Obama's former chief campaign strategist"),
        # ... nor a party and state, an age or a mere person noun.
        ("Sen. Bernie Sanders (I-Vt.) said: “We hope.”", "Sen."),
        ("Senator Lindsey Graham, Republican of South Carolina, said: “We hope.”", "Senator"),
        ("Bill Smith, a man from Ohio, said: “We hope.”", None),
        # A role of a group is no one person's, and a name at a role's head is someone else.
        ("Laurence Tribe, like other constitutional scholars, said: “We hope.”", None),
        # An adjective inside a compound is part of the role, not an opinion.
        ("Donald Trump spoke in Ohio.\n\nThe real estate mogul said: “We hope.”", "real estate mogul"),
        # A description is of the gender of the pronoun its own sentence uses for it, not the woman quoted last.
        ("Donald Trump spoke in Ohio.\n\n“We will not be stopped,” Mrs. Hillary Clinton said.\n\n"
         "The real estate mogul has won female voters over his rivals.\n\n“We hope,” Clinton said.", None),
        # What someone is now beats what they were, though written later.
        ("Bill Smith, the Republican mayor of Tulsa, spoke.\n\nMr. Smith, a former broadcast journalist, sat out.\n\n"
         "“We hope,” Smith said.", "Republican mayor of Tulsa"),
        # A bare title worn with the name is the fuller role the article wrote before with that word.
        ("Hillary Clinton, the former secretary of state, spoke in Iowa.\n\nSecretary Clinton said the plan was "
         "fine.\n\n“We hope,” Clinton said.", "former secretary of state"),
        ("Sen. Bernie Sanders spoke in Iowa.\n\n“We hope,” Sanders said.", "Sen."),
        # Of the roles written at one earlier mention, the one nearest the name.
        ("Congressman Bill Smith, a Trump supporter, said the plan would work.\n\nThe vote was held.\n\n"
         "“We will win,” Smith said.", "Congressman"),
        # A head the tokenizer split at its hyphen is one word.
        ("Donald Trump spoke in Ohio.\n\nThe GOP front-runner complained that the contest was rigged.\n\n"
         "“We hope,” Trump said.", "GOP front-runner"),
        # What an office is of is part of the role a description gives.
        ("Hillary Clinton spoke in Flint.\n\nThe former secretary of state has won over the mayor.\n\n"
         "“We hope,” Clinton said.", "former secretary of state"),
        # ... but a relative clause without "that" the parser read as a second subject is someone else's role.
        ("Hillary Clinton spoke in Iowa.\n\nShe may not be the orator President Obama is, or the retail politician "
         "her husband was.\n\n“We don't need any more of that,” Mrs. Clinton said.", None),
        # A description is the person who has a role with its qualifier, not the last speaker.
        ("Joe Biden attacked Donald Trump, her Republican rival.\n\n“He is unqualified,” Biden added.\n\n"
         "The Republican nominee has made a big play for Pennsylvania.\n\n“We will win,” Biden said.", None),
        # ... but not one whose role with that qualifier is another office: a Democratic representative is
        # not the Democratic presidential candidate.
        ("Democratic Rep. Gwen Graham praised Hillary Clinton on Friday.\n\n“We have to stand as one,” said "
         "Clinton.\n\nThe newspaper reported that the Democratic presidential candidate met privately with victims.",
         "Democratic presidential candidate"),
        ("Donald Trump, her Republican rival, spoke in Ohio.\n\nThe Republican nominee has made a big play for "
         "Pennsylvania.\n\n“We will win,” Trump said.", "Republican nominee"),
        # A name after a comma before a verb with no subject is that verb's subject, though the parser hung it
        # on the phrase before; a name in apposition to an object is not.
        ("Now that it's game on with Hillary Clinton, Donald Trump will try another pivot.\n\nThe presumptive "
         "nominee will seek to unify a divided party.\n\n“We will win,” Trump said.", "presumptive nominee"),
        ("Ben Carson met with his old friend, Donald Trump, on Monday.\n\nThe presumptive nominee will seek to "
         "unify a divided party.\n\n“We will win,” Carson said.", "presumptive nominee"),
        # An office with where it is held ("the Florida senator") is the person named just before it ...
        ("Marco Rubio spoke in Iowa on Monday.\n\nThe Florida senator said the plan would fail.\n\n"
         "“We hope,” Rubio said.", "Florida senator"),
        # ... but not someone already known to hold another office, and a bare office is no one.
        ("David Axelrod, a former top adviser, spoke in Iowa on Monday.\n\nThe Vermont senator said the plan "
         "would fail.\n\n“We hope,” Axelrod said.", "former top adviser"),
        ("Marco Rubio spoke in Iowa on Monday.\n\nThe senator said the plan would fail.\n\n“We hope,” Rubio said.",
         None),
        # What a known person does, said with what kind ("the radio talker"), refers back like a candidate's
        # description; a bare occupation ("the actor") is anyone, and a newspaper is no person.
        ("Glenn Beck spoke in Indiana on Monday.\n\nThe radio talker has filled his speeches with imagery.\n\n"
         "“We hope,” Beck said.", "radio talker"),
        ("Ben Carson spoke in Iowa on Monday.\n\nThe retired neurosurgeon addressed his concerns.\n\n"
         "“We hope,” Carson said.", "retired neurosurgeon"),
        ("Bill Smith spoke in Iowa on Monday.\n\nThe actor addressed his concerns.\n\n“We hope,” Smith said.", None),
        ("Mike Pence spoke in Iowa on Monday.\n\nThe conservative-leaning newspaper attacked his record.\n\n"
         "“We hope,” Pence said.", None),
        # A candidate's description is not the staffer named last.
        ("Tad Devine, a top aide, spoke on Tuesday.\n\nThe businessman had praised her in the past.\n\n"
         "“We hope,” Devine said.", "top aide"),
        # An unnamed speaker's description says what they do.
        ("“We hope,” said a senior administration official.", "senior administration official"),
        ("“It is great fun,” one user wrote.", "user"),
        ("“It is great fun,” the American diplomat wrote.", "diplomat"),
        # What a role is of may have an owner; the role's head comes before it.
        ("“We hope,” said Steven Brill, author of “America’s Bitter Pill,” a history of the debate.",
         "author of America’s Bitter Pill"),
        ("“His world is full,” said Kiki McLean, a spokeswoman for Gore’s 2000 presidential campaign.",
         "spokeswoman for Gore’s 2000 presidential campaign"),
        ("“We hope,” said Igor Smith, a pollster with Mr. Yanukovych's former party.",
         "pollster with Mr. Yanukovych's former party"),
        ("“We hope,” said Bill Smith, the suggestion from Mr. Cruz's Irish-American mother.", None),
        ("“We hope,” Morton Blackwell, the Republican National Committeeman from Virginia, told AFP.",
         "Republican National Committeeman from Virginia"),
        ("Mr. Cruz, a rare Cuban-American outlier in a state, spoke.\n\n“America saved my father,” Mr. Cruz wrote.",
         None),
        # Nouns joined before one head are one role; a partner is a role; a spaced-out comma is no role.
        ("“We hope,” said Gary Orfield, education and law professor at the University of California-Los Angeles.",
         "education and law professor at the University of California-Los Angeles"),
        ("“He changed,” said Deborah Jordan Reynolds - Santilli's girlfriend and co-host - on Tuesday.",
         "Santilli's girlfriend"),
        ("“I think,” said Mike Purdy,  a presidential historian and runs the website.", "presidential historian"),
        # A title's head names a person: not "whatever real authority Manafort had".
        ("“This is not a hard race,” said Paul Manafort.\n\nThey undermined whatever real authority Manafort had.",
         None),
        ("Reps. Chris Collins (R-N.Y.) and Duncan Hunter (R-Calif.) on Wednesday became the first members to endorse "
         "him.\n\n“I am proud,” Collins said.", "Reps."),
        ("“Many people are uncertain,” said Silicon Valley billionaire Peter Thiel.", "Silicon Valley billionaire"),
        # A title the name's entity took in, or a headline's parse hung beside the name, is its role.
        ("Hillary Clinton introduces Black Girls Rock! Founder Beverly Bond onstage.\n\n“I started it,” Bond said.",
         "Founder"),
        ("Benghazi Widow Dorothy Woods Defends Trump Amid Military-Related Controversies.\n\n"
         "“I was disturbed,” Woods said.", "Benghazi Widow"),
        ("“It is stunning,” said Judge Richard A. Posner of the United States Court of Appeals.\n\n"
         "“We hope,” said Lee Epstein.", None),
        # A role noun with a prefix is a role noun.
        ("Another superdelegate, Michael Brown of Washington, D.C., explained his support.\n\n“We hope,” he said.",
         "superdelegate"),
        # A plural title before names joined by "and" is each one's.
        ("In an interview with Morning Joe hosts Joe Scarborough and Mika Brzezinski, Clinton spoke.\n\n"
         "“He’s fun,” Scarborough said.", "Morning Joe host"),
        ("Reps. Chris Collins (R-N.Y.) and Duncan Hunter (R-Calif.) on Wednesday became the first members to endorse "
         "him.\n\n“I am proud,” Hunter said.", "Reps."),
        # A nationality goes whole; how many or how good someone is is no part of the role.
        ("“We're alive,” said Jane Roe, an African-American delegate from Houston.", "delegate from Houston"),
        # A closing span of years after a role says when it was held: it is printed with it.
        ("“There is a clear need,” said Arturo Sarukhán, Mexico's ambassador to the United States from 2007 to 2013.",
         "ambassador to the United States from 2007 to 2013"),
        ("“We hope,” said Bill Smith, a lawyer from 2007.", "lawyer"),
        ("“We hope,” said Jim Webb, the only Republican candidate to campaign there.", "Republican candidate"),
        ("“We hope,” said David Axelrod, a highly respected veteran strategist.", "veteran strategist"),
        ("“We hope,” said Jim Gilmore, a Republican and former Virginia governor.", "former Virginia governor"),
        # A title the parser hung elsewhere, a name hung on what the role is of.
        ("The Black Caucus and Sen. Chuck Schumer of New York oppose tinkering.\n\n“I’m fine,” Schumer said.", "Sen."),
        # Titles joined by "and" before one name are that person's, though the parser made the name a second
        # person beside the first title; a title with a determiner is someone else.
        ("As reported by Western Journalism, former CIA operative and Marine John “Tig” Tiegen found both issues to "
         "be disqualifying.\n\n“I don’t see how anyone can trust her,” Tiegen said.", "former CIA operative"),
        ("He met the governor and John Smith.\n\n“We hope,” Smith said.", None),
        ("In Tamarac, the owner of the Woodmont Country Club, Mark Schmidt, faced opposition.\n\n"
         "“There's always resistance,” said Mr. Schmidt.", "owner of the Woodmont Country Club"),
        # A person the parser never read as one has the roles written at their name.
        ("Amanda Renteria is the Clinton campaign’s national political director and one of the staffers.\n\n"
         "“We hope,” Renteria told reporters.", "Clinton campaign’s national political director"),
        # ... so has one the parser read as a nationality ("Pambakian" NORP), with a role naming a person.
        ("“We support people sharing their views on Tinder,” Rosette Pambakian, a Tinder spokeswoman, said.",
         "Tinder spokeswoman"),
        ("“We do not allow spamming,” Rosette Pambakian said.", None),
        # A relative clause of being is a role like an apposition; "who was" is a past one.
        ("“He is not qualified,” Mr. Carlos Guerrero, who is an actor, said of Mr. Trump.", "actor"),
        ("“He is not qualified,” Mr. Carlos Guerrero, who was an actor, said of Mr. Trump.", None),
        # What someone is not is no role.
        ("Donald Trump isn't the first politician with a tenuous grasp of the facts, of course.\n\n“Your reputation "
         "is amazing,” Trump said.", None),
        ("Bill Smith, who is not a lawyer, spoke.\n\n“We hope,” Smith said.", None),
        ("Bill Smith is a lawyer.\n\n“We hope,” Smith said.", "lawyer"),
        # A group the name is an example of, said of one member; where people are from is no role.
        ("His fact-check was retweeted, leading Clinton economic advisers like Gene Sperling to counter it.\n\n"
         "“We hope,” Sperling said.", "Clinton economic adviser"),
        ("Republican candidates such as Marco Rubio have blasted Obama.\n\n“We hope,” Rubio said.",
         "Republican candidate"),
        ("The airport is the choice of wealthy New Yorkers like Donald Trump.\n\n“We hope,” Trump said.", None),
        # One of the subject's own kind: "fellow Senate Democrats" makes the subject a Senate Democrat.
        ("Bernie Sanders is pushing fellow Senate Democrats to reject the deal.\n\n“We hope,” Sanders wrote.",
         "Senate Democrat"),
        ("Donald Trump took swipes at fellow GOP contender Jeb Bush.\n\n“We hope,” Bush said.", "GOP contender"),
        # "X and now Y": Y is what the person is; a description's relative clause says what it is now.
        ("“We hope,” said Mo Smith, a Clinton aide during her 2008 run and now director of the Georgetown Institute.",
         "director of the Georgetown Institute"),
        ("Donald Trump spoke in Ohio.\n\nThe New York billionaire, who is now the presumptive Republican nominee, "
         "said: “We hope.”", "presumptive Republican nominee"),
        # What someone's words call a person is their say: the article's own role comes first.
        ("Donald Trump, the Republican front-runner, spoke.\n\nAdelson said: “Donald Trump, the businessman, employs "
         "a lot of people.”\n\n“We hope,” Trump said.", "Republican front-runner"),
        ("Donald Trump spoke in Ohio.\n\nAdelson said: “Donald Trump, the businessman, employs a lot of people.”\n\n"
         "“We hope,” Trump said.", "businessman"),  # ... and when it is all the article gives, it stands
        # A party alone gives way to what the person does, stated anywhere.
        ("“We hope,” said Carlos Guerrero, 55, a Republican.\n\nMr. Guerrero, who is an actor, arrived late.", "actor"),
        ("“We pray,” said Carlos Guerrero, 55, a Republican.", "Republican"),
        # "works as" / "serves as" in the present says what someone does; "worked as" is a past role.
        ("“We hope,” said Ms. Robyn Gedrich, who works in retail as a sales manager.", "sales manager"),
        ("“We hope,” said Ms. Robyn Gedrich, who worked as a sales manager.", None),
        ("“We hope,” said Ms. Robyn Gedrich, who works as hard as anyone.", None),
        # A job verb in the present says what someone does, printed as written; not one of leading in polls.
        ("“Advertising is not doing what it did,” says Elizabeth Wilner, who tracks political ads for Kantar.",
         "tracks political ads for Kantar"),
        ("Donald Trump, who leads in opinion polls of Republican voters, said: “We hope.”", None),
        ("Bill Smith, who runs every morning, said: “We hope.”", None),
        # A country word inside an organisation's name is the name's; one opening it says whose it is.
        ("Priorities USA chief strategist Guy Cecil said: “We hope.”", "Priorities USA chief strategist"),
        ("Former U.S. Army captain Florent Groberg said: “We hope.”", "Former Army captain"),
        # A description named right there in apposition stands for that name, not for someone before.
        ("Ghazala Khan spoke at the convention.\n\nThe Republican vice presidential nominee, Gov. Mike Pence of "
         "Indiana, may be in a particularly awkward position.\n\n“We hope,” Mrs. Khan said.", None),
        # A double space between a title and the name does not part them.
        ("At a conference, Republican, presidential candidate Sen.  Lindsey Graham (R-SC) called out his rival "
         "Donald Trump.\n\nGraham said, “We hope.”", "presidential candidate"),
        # A role too long to print whole is cut before what it is of, never inside a proper name.
        ("“We hope,” said Steven Aftergood, director of the Project on Government Secrecy at the Federation of "
         "American Scientists, about the statement.", "director of the Project on Government Secrecy"),
        # A surname the parser did not read as a person still carries what is written at it.
        ("Presidential candidate Hillary Clinton contrasts herself with rival Bernie Sanders.\nWhile Sanders, the "
         "independent senator from Vermont, has set grassroots fundraising records, Clinton's campaign has criticized "
         "him.\n“We hope,” Sanders wrote.", "independent senator from Vermont"),
    ],
)
def test_role(nlp: Any, text: str, role: str | None) -> None:
    *_, quote = quotes_of(nlp, text)  # the last quote's
    assert quote.role == role


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # A role whose own words name another year than the quote's is of that time: another role wins ...
        ("Steve Elmendorf, a Democratic strategist, spoke.\n\n“We hope,” said Elmendorf, deputy campaign manager "
         "for John Kerry's 2004 presidential campaign.", "Democratic strategist"),
        # ... but it is all the article says, it stands.
        ("“We hope,” said Jane Roe, a spokeswoman for Gore's 2000 presidential campaign.",
         "spokeswoman for Gore's 2000 presidential campaign"),
        # A role of another time is the one in force for words said in that year.
        ("In 2008, then-Sen. Barack Obama said: “We hope.”", "Sen."),
        ("Then-Sen. Barack Obama said: “We hope.”", None),
    ],
)
def test_role_of_a_stated_year(nlp: Any, text: str, role: str | None) -> None:
    *_, quote = quotes_of(nlp, text, "2016-04-06")
    assert quote.role == role


@pytest.mark.parametrize(
    ("text", "published", "date", "basis"),
    [
        ("Medvedev said on Sunday: “No.”", "2013-01-28", "2013-01-27", "relative"),
        ("In March 2012 Obama was heard telling Medvedev he wanted “more flexibility”.", None, "2012-03", "explicit"),
        ("Medvedev said: “No.”", "2013-01-28", "2013-01-28", "article"),
        ("Rogozin said Thursday: “No.”", None, None, None),  # no year anywhere: never invent one
    ],
)
def test_date_said(nlp: Any, text: str, published: str | None, date: str | None, basis: str | None) -> None:
    (quote,) = quotes_of(nlp, text, published)
    assert (quote.date, quote.date_basis) == (date, basis)


def test_later_quotes_keep_the_speakers_established_date(nlp: Any) -> None:
    text = "Medvedev said on Sunday he sees “no flexibility”.\n\n“Nothing has changed,” Medvedev said.\n"
    quotes = quotes_of(nlp, text, "2013-01-28")
    assert [q.date for q in quotes] == ["2013-01-27", "2013-01-27"]


def test_furniture_is_not_quoted(nlp: Any) -> None:
    text = (
        "“We are ready,” Putin said.\n"
        "Related articles:\n"
        "Dear readers,\n"
        "The authorities claim our work “discredits the decisions of the leadership.”\n"
    )
    assert [q.text for q in quotes_of(nlp, text)] == ["We are ready,"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An embed tag whose attribute value runs over a line break: its values are not quotes.
        ('Cruz took it in stride.\n\n<tweet tweet-author="@tedcruz" tweet-date="January 19, 2016\n">I love '
         "her.<tweet/>.\n", []),
        # Quote marks after the tag are still read.
        ('<tweet tweet-date="March 9,\n2016"><tweet/>.\n\n"We won," Rubio said.\n', ["We won,"]),
    ],
)
def test_embed_markup_is_not_quoted(nlp: Any, text: str, expected: list[str]) -> None:
    assert [q.text for q in quotes_of(nlp, text)] == expected


def test_offsets_point_at_the_quote(nlp: Any) -> None:
    text = "Intro line.\n\n“Offsets matter,” said Medvedev.\n"
    (quote,) = quotes_of(nlp, text)
    assert text[quote.start : quote.end] == quote.text == "Offsets matter,"
    assert quote.speaker_start is not None and quote.speaker_end is not None
    assert text[quote.speaker_start : quote.speaker_end] == "Medvedev"


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # What the article says an organisation is, at its name or in a description standing for it, is its role.
        ("Judicial Watch stated in a release that the email was hidden.\n\nThe government watchdog group filed a "
         "lawsuit in July.\n\n“We hope,” Judicial Watch said.", "government watchdog group"),
        ("“We hope,” said Judicial Watch, a conservative watchdog group, on Tuesday.", "conservative watchdog group"),
        ("But as the nationalist Global Times tabloid noted, he has fans.\n\n“We hope,” the Global Times wrote.",
         "nationalist Global Times tabloid"),
        ("The Wall Street Journal called on Trump to drop out.\n\n“We hope,” the conservative-leaning newspaper "
         "wrote.", "conservative-leaning newspaper"),
        # A description that only refers ("the agency"), or names its own body, says nothing of what it is ...
        ("The FBI opened an inquiry.\n\nThe agency declined to comment.\n\n“We hope,” the FBI said.", None),
        ("The Daily Caller reported the gift.\n\nThe Clinton foundation has refused to comment.\n\n“We hope,” "
         "The Daily Caller wrote.", None),
        # ... and a name after the comma is another body, not what this one is.
        ("“We hope,” said the Times, the Washington Post and others.", None),
        # An unnamed speaker a pronoun stands for has the role its description says.
        ("A reporter for Agence France-Presse called it chaos.\n\n“We saw people hit,” he said.",
         "reporter for Agence France-Presse"),
        ("The protesters marched on Tuesday.\n\n“Stop killing us,” they chanted.", "protesters"),
        ("A man walked by.\n\n“We saw people hit,” he said.", None),
    ],
)
def test_role_of_an_organisation_or_unnamed_speaker(nlp: Any, text: str, role: str | None) -> None:
    *_, quote = quotes_of(nlp, text, "2016-04-06")
    assert quote.role == role


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # A plural title in apposition before coordinated names is each one's, the later one's too ...
        ("Democratic candidates Hillary Clinton and Bernie Sanders did respond to the union.\n\n“We hope,” "
         "Sanders said.", "Democratic candidate"),
        # ... but a name joined to a person without a title has none.
        ("Hillary Clinton and Bernie Sanders did respond to the union.\n\n“We hope,” Sanders said.", None),
        # How many there are, or how long someone has worked, is no part of a role.
        ("“We hope,” many commentators said.", "commentators"),
        ("Nicole Hargrove, a 14-year Carrier worker, said: “We hope.”", "Carrier worker"),
        ("Nicole Hargrove, a Carrier worker of 14 years, said: “We hope.”", "Carrier worker of 14 years"),
    ],
)
def test_role_without_counts(nlp: Any, text: str, role: str | None) -> None:
    *_, quote = quotes_of(nlp, text, "2016-04-06")
    assert quote.role == role


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # A belief says which side someone is on, as a party does: another role the article gives comes first ...
        ("Clinton led Sen. Bernie Sanders (I-Vt.) on Wednesday.\n\nSanders visited Missouri on Saturday. The "
         "self-described democratic socialist said he would win.\n\n“We hope,” Sanders said.", "Sen."),
        # ... but when it is all the article says, it stands.
        ("Bernie Sanders visited Missouri on Saturday. The self-described democratic socialist said he would "
         "win.\n\n“We hope,” Sanders said.", "self-described democratic socialist"),
    ],
)
def test_role_that_is_a_belief(nlp: Any, text: str, role: str | None) -> None:
    *_, quote = quotes_of(nlp, text, "2016-04-06")
    assert quote.role == role


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # A phrase fronted before the name and its comma is its apposition ...
        ("Ken Starr led the inquiry.\n\nNow the chancellor of Baylor University, Starr has dealt with criticism."
         "\n\n“We hope,” Starr said.", "chancellor of Baylor University"),
        # ... not a clause's own subject before it.
        ("Ken Starr led the inquiry.\n\nThe university, Starr says, has dealt with criticism.\n\n“We hope,” Starr "
         "said.", None),
        # "who was X in 2013": a past role, in force for words said that year ...
        ("The video shows Wendy Sherman, who was undersecretary of state in 2013, outlining the differences.\n\n"
         "“Now we have BlackBerrys,” Sherman said in the 2013 video.", "undersecretary of state"),
        # ... and for no other time.
        ("The video shows Wendy Sherman, who was undersecretary of state in 2013, outlining the differences.\n\n"
         "“Now we have BlackBerrys,” Sherman said on Monday.", None),
    ],
)
def test_role_fronted_or_of_a_year(nlp: Any, text: str, role: str | None) -> None:
    *_, quote = quotes_of(nlp, text, "2016-01-26")
    assert quote.role == role


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # Of two titles written one after the other before a name, the first ...
        ("Republican presidential candidate Texas Senator Ted Cruz said: “We hope.”",
         "Republican presidential candidate"),
        ("Democratic presidential candidate former Secretary of State Hillary Clinton said: “We hope.”",
         "Democratic presidential candidate"),
        # ... but one title is whole, and a first word that only qualifies opens none.
        ("Attorney General Loretta Lynch said: “We hope.”", "Attorney General"),
        ("“We hope,” said Tom Rath, a veteran New Hampshire GOP leader.", "veteran New Hampshire GOP leader"),
    ],
)
def test_role_of_stacked_titles(nlp: Any, text: str, role: str | None) -> None:
    *_, quote = quotes_of(nlp, text, "2016-01-26")
    assert quote.role == role


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # A campaign, a team or an office speaking is who, not what anyone does: no role ...
        ("“We hope,” her campaign said.", None),
        ("“We hope,” Rubio's campaign said.", None),
        # ... unlike a person described by what they do.
        ("“We hope,” a campaign spokesman said.", "campaign spokesman"),
        # What a copula says inside someone's claim is their say: the article's own role comes first ...
        ("Pope Francis spoke in Mexico.\n\nCritics said that Francis is a political pope.\n\n“We hope,” Francis "
         "said.", "Pope"),
        # ... a claimed role stands only when the article gives no other ...
        ("Smith said that Jones is a retired teacher.\n\n“We hope,” Jones said.", "retired teacher"),
        # ... and a claimed belief never: it is an opinion of the person, not what they do.
        ("Feinberg said she intended to show that Trump is essentially a fascist in his thinking.\n\n“We hope,” "
         "Trump said.", None),
    ],
)
def test_role_of_a_collective_or_a_claim(nlp: Any, text: str, role: str | None) -> None:
    *_, quote = quotes_of(nlp, text, "2016-01-26")
    assert quote.role == role


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        # A description right after a name and its comma that is the next verb's subject is who speaks, not the
        # name's apposition: the interviewer is no candidate ...
        ("Donald Trump spoke on Sunday. In an interview with Jake Tapper, the candidate said: “We will win.”",
         "Donald Trump", "candidate"),
        # ... while an apposition closed by its comma stays the name's.
        ("Donald Trump spoke on Sunday. Jake Tapper, the CNN host, said: “We will win.”", "Jake Tapper", "CNN host"),
    ],
)
def test_description_that_speaks_is_no_apposition(nlp: Any, text: str, speaker: str, role: str) -> None:
    *_, quote = quotes_of(nlp, text, "2016-01-26")
    assert (quote.speaker, quote.role) == (speaker, role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # The no-break space a dropped country leaves ("U.S.\u00a0District Judge") is no part of the role ...
        ("U.S.\u00a0District Judge Gonzalo Curiel ruled on Friday.\n\n“We hope,” Curiel said.", "District Judge"),
        # ... as an ordinary space is not.
        ("U.S. District Judge Gonzalo Curiel ruled on Friday.\n\n“We hope,” Curiel said.", "District Judge"),
    ],
)
def test_role_without_the_space_a_country_left(nlp: Any, text: str, role: str) -> None:
    *_, quote = quotes_of(nlp, text, "2016-01-26")
    assert quote.role == role


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # A description of someone running, or of an office said with where it is held, gives the person it
        # stands for a role wherever it sits: an object ...
        ("Bernie Sanders calls it the big deal.\n\nCalifornia has become a second home for the Vermont senator as "
         "he barnstorms there.\n\n“We hope,” Sanders said.", "Vermont senator"),
        # ... or what something is of ...
        ("Hillary Clinton spoke on Monday. Sanders questioned the qualifications of the Democratic front-runner."
         "\n\n“We hope,” Clinton said.", "Democratic front-runner"),
        # ... never its own sentence's subject, who is someone else ...
        ("Chris Christie spoke on Sunday.\n\nChristie defended the Republican presidential nominee's remarks."
         "\n\n“We hope,” Christie said.", None),
        # ... nor anyone when its sentence names someone else before it ...
        ("Bernie Sanders spoke on Monday.\n\nThe editorials made no mention of Hillary Clinton and the Democratic "
         "front-runner.\n\n“We hope,” Sanders said.", None),
        # ... and a sitting office alone outside a subject could be anyone's.
        ("Ted Cruz spoke on Monday. Sanders questioned the qualifications of the senator.\n\n“We hope,” Cruz said.",
         None),
    ],
)
def test_role_from_a_description_that_is_no_subject(nlp: Any, text: str, role: str | None) -> None:
    *_, quote = quotes_of(nlp, text, "2016-01-26")
    assert quote.role == role


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # A lower-case head the tagger read as a proper noun after a capitalised word is a description's head ...
        ("Donald Trump spoke on Monday.\n\nThe GOP front-runner said he would win. “We hope,” Trump said.",
         "GOP front-runner"),
        # ... but a capitalised one is a name, no description.
        ("Donald Trump spoke on Monday.\n\nThe GOP Runner said he would win. “We hope,” Trump said.", None),
    ],
)
def test_role_from_a_description_the_tagger_read_as_a_name(nlp: Any, text: str, role: str | None) -> None:
    *_, quote = quotes_of(nlp, text, "2016-01-26")
    assert quote.role == role


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # Where someone comes from is no part of their role ...
        ("“We hope,” said Jim Bennett, a retiree from Las Vegas.", "retiree"),
        ("“We hope,” said Xu Ping, a lawyer from the southwestern Chinese province of Sichuan.", "lawyer"),
        # ... but an office held for a place keeps it, and so does a job's place ("in").
        ("“We hope,” said Ted Cruz, the junior senator from Texas.", "junior senator from Texas"),
        ("“We hope,” said Theresa Kostrzewa, a lobbyist in North Carolina.", "lobbyist in North Carolina"),
    ],
)
def test_role_without_residence(nlp: Any, text: str, role: str | None) -> None:
    *_, quote = quotes_of(nlp, text, "2016-01-26")
    assert quote.role == role


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        # A rank abbreviated before a name is one word with its full stop: the rank, and the name after it ...
        ("“We hope,” said Army Capt. Christian Pardo, who said he would not vote.", "Christian Pardo", "Army Capt."),
        ("“We hope,” said Air Force 1st Lt. Tyler Livingston.", "Tyler Livingston", "Air Force 1st Lt."),
        ("“We hope,” said Navy Cmdr. Jim Bennett.", "Jim Bennett", "Navy Cmdr."),
        # ... two of them one title ...
        ("“We hope,” said Lt. Gov. Carlos Lopez-Cantera.", "Carlos Lopez-Cantera", "Lt. Gov."),
        ("“We hope,” said Army Maj. Gen. Jim Bennett.", "Jim Bennett", "Army Maj. Gen."),
        # ... and a name without one has no role.
        ("“We hope,” said Christian Pardo, who said he would not vote.", "Christian Pardo", None),
    ],
)
def test_rank_abbreviated_before_a_name(nlp: Any, text: str, speaker: str, role: str | None) -> None:
    *_, quote = quotes_of(nlp, text, "2016-01-26")
    assert (quote.speaker, quote.role) == (speaker, role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # Another person's name joined by "and" before a title is no part of it ...
        ("Donald Trump and House Speaker Paul Ryan met on Thursday.\n\n“We hope,” Ryan said.", "House Speaker"),
        ("In a contest between Trump and Sen. Bernie Sanders, Trump won.\n\n“We hope,” Sanders said.", "Sen."),
        # ... but titles joined by "and" after no name are the person's own.
        ("“We hope,” said former CIA operative and Marine John Tiegen.", "former CIA operative"),
    ],
)
def test_role_after_another_persons_name(nlp: Any, text: str, role: str | None) -> None:
    *_, quote = quotes_of(nlp, text, "2016-01-26")
    assert quote.role == role


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # An apposition opening with a preposition says when or how, not what someone is ...
        ("Jim Bennett, for years a registered Democrat, has offended many.\n\n“We hope,” Bennett said.", None),
        # ... unlike one naming it.
        ("Jim Bennett, a registered Democrat, has offended many.\n\n“We hope,” Bennett said.",
         "registered Democrat"),
    ],
)
def test_role_not_from_a_circumstance(nlp: Any, text: str, role: str | None) -> None:
    *_, quote = quotes_of(nlp, text, "2016-01-26")
    assert quote.role == role


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # An adjective judging or picking someone out is no part of their role ...
        ("Sanders said he would campaign for Tim Canova because Canova is a “good candidate.”\n\n“We hope,” Canova "
         "said.", "candidate"),
        ("“We hope,” said Jim Bennett, the other candidate.", "candidate"),
        # ... one saying what they do is.
        ("“We hope,” said Jim Bennett, a real estate developer.", "real estate developer"),
    ],
)
def test_role_without_a_verdict(nlp: Any, text: str, role: str | None) -> None:
    *_, quote = quotes_of(nlp, text, "2016-01-26")
    assert quote.role == role


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # An ordinal opening a role is part of it ...
        ("“We hope,” said Myra Gutin, a first lady historian.", "first lady historian"),
        ("“We hope,” said John Smith, the second vice president of the union.", "second vice president of the union"),
        # ... an age is not.
        ("“We hope,” said John Smith, 62, a retired teacher.", "retired teacher"),
    ],
)
def test_role_keeps_its_ordinal(nlp: Any, text: str, role: str | None) -> None:
    *_, quote = quotes_of(nlp, text, "2016-01-26")
    assert quote.role == role
