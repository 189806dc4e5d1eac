"""When the words were said: the cues that govern a quote wherever they sit, never a year merely nearby."""

from __future__ import annotations

from typing import Any

import pytest

from quotes import extract_quotes
from quotes.extract.dates import find_time_cues, same_person

MONDAY = "2016-02-15"  # publication dates the tables count weekdays back from
WEDNESDAY = "2016-02-17"


def dates_of(nlp: Any, text: str, published: str | None) -> list[str | None]:
    return [q.date for q in extract_quotes(text, published=published, nlp=nlp)]


@pytest.mark.parametrize(
    ("text", "published", "dates"),
    [
        # The attributing clause's own time, wherever it sits in the clause.
        ('"We will win," Trump said Monday.', WEDNESDAY, ["2016-02-15"]),
        ('Trump said in a 2013 interview: "We will win."', WEDNESDAY, ["2013"]),
        ('In a letter filed last month, the FBI said it was "working on matters."', WEDNESDAY, ["2016-01"]),
        ('When he first described the wall in December, he said, "It will be big."', WEDNESDAY, ["2015-12"]),
        ('Last year, the ambassador dismissed the remarks as "just part of the campaign."', WEDNESDAY, ["2015"]),
        ('Speaking to CNN in 2015, Trump said "we will win."', WEDNESDAY, ["2015"]),
        # An occasion of talk: a discussion, an installment, segment or edition of a show.
        ('"He has gifts," Starr said during a panel discussion on the American presidency on May 16 at the National '
         "Constitution Center, in which he compared the 42nd president to Lyndon B. Johnson.", "2016-05-24",
         ["2016-05-16"]),
        ("Swanson blasted the Girl Scouts for promoting lesbianism on Monday's installment of his weekly radio "
         'show.\n\n"Do not train your girls to be feminists," Swanson said.', WEDNESDAY, ["2016-02-15"]),
        ('"He is gifted," Starr said in a discussion of the 2012 race.', WEDNESDAY, [WEDNESDAY]),  # its topic's year
        ('In Buena Park last Wednesday, Clinton spoke.\n\n"We will win," Clinton said.', WEDNESDAY, ["2016-02-10"]),
        ('In the spring after the scandal broke, Clinton proclaimed at a press conference, "There is no '
         'classified material."', "2015-12-01", ["2015"]),
        # Of two times over the cue, the one on the verb nearest it.
        ('Ryan endorsed Trump in early June, telling reporters in May that he was "not quite there yet."',
         "2016-08-05", ["2016-05"]),
        # A year on a thing, not on the saying: the publication date.
        ('"We will win," said Kiki McLean, a spokeswoman for Gore\'s 2000 presidential campaign.', WEDNESDAY,
         [WEDNESDAY]),
        ('"It was a mistake," Clinton said, referencing the period before the 1972 decision.', WEDNESDAY,
         [WEDNESDAY]),
        # A time something is for is yet to come: it does not date the words.
        ("“I’ll release mine in the next week,” Pence told Chuck Todd during an interview filed for Sunday’s Meet "
         "the Press.", WEDNESDAY, [WEDNESDAY]),
        # Words said on no one occasion: not knowable.
        ('Obama has repeatedly said that he opposes "boots on the ground" in Syria.', WEDNESDAY, [None]),
        ('She often speaks of breaking "that highest, hardest glass ceiling" one day.', WEDNESDAY, [None]),
        # Words from an earlier occasion the article does not date.
        ('Trump once said that "the concept of global warming was created by the Chinese."', WEDNESDAY, [None]),
        ('Clinton previously said the deal was "the gold standard."', WEDNESDAY, [None]),
        ('Sanders said in the past that the bill was "a disaster."', WEDNESDAY, [None]),
        ('"We will win once and for all," Trump said.', WEDNESDAY, [WEDNESDAY]),
        # ... even after a scene set for the speaker, and through a participle ("has criticized ..., declaring").
        ('Obama spoke to reporters on Monday.\n\nObama has said that he opposes "boots on the ground."', WEDNESDAY,
         [None]),
        ('Glenn Beck spoke at a rally on Monday.\n\nBeck has also criticized voters, declaring that "the '
         'Evangelicals are not listening."', WEDNESDAY, [None]),
        # No year anywhere: a weekday cannot be placed, and none is invented (nor borrowed from elsewhere).
        ('"We will win," Trump said Thursday.', None, [None]),
        ('"We will win," Rogozin said Thursday.', "--05-18", [None]),
        ('Rogozin spoke to reporters in a 2012 interview.\n\n"No," Rogozin said Thursday.', None, [None]),
    ],
)
def test_own_clause(nlp: Any, text: str, published: str | None, dates: list[str | None]) -> None:
    assert dates_of(nlp, text, published) == dates


@pytest.mark.parametrize(
    ("text", "published", "dates"),
    [
        # The sentence before sets the scene for the speaker's next quotes.
        ('On Sunday night in South Carolina, Clinton said the crisis had roots in race.\n\n'
         '"We have had a city drinking lead," she said.', "2016-01-19", ["2016-01-17"]),
        ('Trump gave those attending a Jan. 7 campaign rally in Burlington some advice.\n\n'
         '"Be very conservative," Trump said.', "2016-01-08", ["2016-01-07"]),
        ('Mr. Obama drew a distinction during an interview this month with CBS News.\n\n'
         '"The American people understood," he said.', "2015-12-29", ["2015-12"]),
        ('In an interview with ABC News over the weekend, Clinton laughed off the ad.\n\n'
         '"It shows how desperate they are," she said.', "2016-01-19", ["2016-01"]),  # Jan. 16-17
        # ... and for words addressed to someone on it.
        ('Donald Trump praised Matthew Boyle at a press conference on Monday.\n\n'
         '"Can you explain that?" Boyle asked Trump.', WEDNESDAY, ["2016-02-15"]),
        ('Radio host Alex Jones and the leading Republican candidate shared a microphone last week in a first.\n\n'
         '"Your reputation is amazing," Trump assured Jones.', WEDNESDAY, ["2016-02"]),  # whom, by surname only
        # Verbs of talking and writing to someone set a scene as "said" does.
        ('Dorothy Woods discussed the controversy with radio host Hugh Hewitt on Thursday.\n\n'
         '"I was disturbed," Woods said.', "2016-08-05", ["2016-08-04"]),
        ('Huma Abedin emailed Hillary Clinton in December 2011.\n\n"Is it in Wisconsin?" Clinton replied.',
         "2015-12-01", ["2011-12"]),
        # A time on what an act is about does not date the act.
        ("Regarding Trump's rhetoric after Khan's speech at last month's convention, Dorothy Woods shared her "
         'belief.\n\n"It was fine," Woods said.', "2016-08-05", ["2016-08-05"]),
        # Words with no cue of their own in a story on yesterday's event, told in the lead: that day ...
        ('Hillary Clinton took on protesters loyal to Bernie Sanders twice Thursday.\n\n'
         '"She wins, we lose!" one protester shouted.', "2016-04-01", ["2016-03-31"]),
        # ... not a commentator's words: those come from the reporter's own interview.
        ('Gov. Jerry Brown announced the deal Monday.\n\n"We do not know," said Ben Zipperer, a labor economist '
         'at the Washington Center for Equitable Growth.', "2016-03-29", ["2016-03-29"]),
        # ... not an older one, nor one a later cue has replaced, nor a day told past the lead.
        ('Hillary Clinton took on protesters loyal to Bernie Sanders twice Thursday.\n\n'
         '"She wins, we lose!" one protester shouted.', "2016-04-02", ["2016-04-02"]),
        ('Hillary Clinton took on protesters twice Thursday.\n\nThe Sanders campaign responded Friday.\n\n'
         '"We are fine," said Jeff Weaver.', "2016-04-01", ["2016-04-01"]),
        ('Lynch took the last step Wednesday of closing the case.\n\nOn Tuesday, Comey announced that Clinton '
         'was careless.\n\n"We will share it," said Jason Chaffetz.', "2016-07-06", ["2016-07-06"]),  # today's news
        ('The race is tight.\n\nPolls differ.\n\nVoters wait.\n\nMoney flows.\n\n'
         'Hillary Clinton took on protesters twice Thursday.\n\n"We are fine," said Jeff Weaver.', "2016-04-01",
         ["2016-04-01"]),
        # A scene a news report tells sets the scene as the narrative's own ...
        ("Swanson slammed the Girl Scouts on Monday's installment of his radio show, Right Wing Watch first "
         'reported.\n\n"Do not train your girls to be feminists," Swanson said.', WEDNESDAY, ["2016-02-15"]),
        # ... unlike one someone says happened.
        ('Clinton met the voters on Monday, Trump said.\n\n"We will win," Clinton said.', WEDNESDAY, [WEDNESDAY]),
        # A time phrase read as a sentence of its own sets the scene of the sentence it opens ...
        ('On the morning of Feb. 12 Trump jumped onto his Twitter account and retweeted a quote.\n\n"It is okay,"'
         " Trump said in reply.", WEDNESDAY, ["2016-02-12"]),
        # ... not of what follows on another line.
        ('The morning of Feb. 12.\n\n"We will win," Trump said.', WEDNESDAY, [WEDNESDAY]),
        # Someone else's scene is not the speaker's: current reporting.
        ('Trump spoke at a rally on Monday.\n\nClinton was in Iowa.\n\n"We will lose," Clinton said.', WEDNESDAY,
         [WEDNESDAY]),
        # What a participle says is done by its clause's subject: "after meeting ... on Tuesday, Obama".
        ('In remarks after meeting with his advisers on Tuesday, Obama spoke to reporters.\n\n'
         '"It is a distraction," Obama said.', WEDNESDAY, ["2016-02-16"]),
        # Another person's dated act in between interrupts the scene without ending it ...
        ('Obama spoke to reporters on Monday.\n\nTrump tweeted Tuesday that Obama should resign.\n\n'
         '"It is a distraction," Obama said.', WEDNESDAY, ["2016-02-15"]),
        # ... and so does a writing of no one named: no occasion anyone is at ...
        ('Comey spoke on Tuesday.\n\nIn a report last month, the inspector general found several attempts at '
         'spear phishing.\n\n"Hostile actors gained access," Comey said.', "2016-02-18", ["2016-02-16"]),
        # ... unlike an occasion of no one named, which ends it.
        ('Comey spoke on Tuesday.\n\nOn Wednesday, the crowd gathered in the square.\n\n"Hostile actors gained '
         'access," Comey said.', "2016-02-18", ["2016-02-18"]),
        # ... and a description on the scene is the person it stands for.
        ('President Obama spoke in Philadelphia.\n\nThe president took the stage on Monday night.\n\n'
         '"We are strong," Obama said.', WEDNESDAY, ["2016-02-15"]),
        # An occasion of no one named holds for the sentence right after it, in its paragraph ...
        ('During an interview in August, the actress was asked about discrimination. Hayek confirmed it and said, '
         '"America has a problem."', "2015-12-22", ["2015-08"]),
        # ... a year long past included ("in 1865").
        ('This speech can be summed up in the very words of Abraham Lincoln when delivering his second inaugural '
         'address in 1865. He concluded, "With malice toward none."', "2016-07-27", ["1865"]),
        # ... not when that sentence tells someone's words of another time, nor past the paragraph's end.
        ('What got under her skin, Clinton said, was a question at a town hall last week. "I got mad," Clinton said.',
         WEDNESDAY, [WEDNESDAY]),
        ('During an interview in August, the actress was asked about discrimination.\n\nHayek confirmed it and '
         'said, "America has a problem."', "2015-12-22", ["2015-12-22"]),
        # A scene of an earlier year the story has long left: current reporting ...
        ("Over a lunch in 2005, Effron and Pruzan decided to found Centerview.\n\nThe firm grew.\n\nIt hired "
         'bankers.\n\nIt advised on deals.\n\nIts fees rose.\n\nClients stayed.\n\n"We are looking for partners," '
         "Pruzan said.", WEDNESDAY, [WEDNESDAY]),
        # ... unless a run of the speaker's quotes from it carries it on.
        ('In a 2013 interview, Trump talked about trade.\n\n"We lose," Trump said.\n\n"China wins," Trump said.'
         '\n\n"Mexico wins," Trump said.\n\n"Japan wins," Trump said.\n\n"We will win," Trump said.\n\n'
         '"Believe me," Trump said.', WEDNESDAY, ["2013"] * 6),
        # A new occasion ends the scene.
        ('Sanders spoke at a forum on Monday.\n\nSanders called Clinton on Tuesday.\n\n'
         '"We talked," Sanders said.', WEDNESDAY, ["2016-02-16"]),
        # So does speaking to a new audience named without a time: that occasion is not dated ...
        ('On Monday night at the convention, Groberg spoke out for Clinton.\n\nGroberg, 33, opened up to Decode '
         'DC about his decision.\n\n"She has experience," he said.', WEDNESDAY, [WEDNESDAY]),
        # A document speaking is the one the latest scene before it dated, and so are its next quotes ...
        ("Sarah Palin was to speak, but on Thursday, the Republican Party of Wyoming announced she was not "
         'coming.\n\n"Palin will not attend," the release said. "She regrets it."\n\n"Cruz will speak," the '
         "release added.", "2016-04-17", ["2016-04-14", "2016-04-14", "2016-04-14"]),
        ("Thursday's memo from the panel seemed aimed at bolstering the investigation.\n\n\"So far, 59 of the 75 "
         'witnesses had never been interviewed," the memo stated.', "2016-04-17", ["2016-04-14"]),
        # ... not when that scene is another occasion, nor when another occasion was set since.
        ('On Thursday, Trump spoke at a rally in Iowa.\n\n"We will win," the statement said.', "2016-04-17",
         ["2016-04-17"]),
        ('On Thursday, the party announced that Palin was not coming.\n\nCruz spoke in Iowa on Friday.\n\n'
         '"We will win," the statement said.', "2016-04-17", ["2016-04-17"]),
        # An organisation named short is the one named in full on the scene.
        ('The nonpartisan Congressional Budget Office reported on Monday that the deficit will grow.\n\n'
         'Lawmakers disagreed.\n\nAccording to the budget office, the rise "is mainly due to aging."', WEDNESDAY,
         ["2016-02-15"]),
        # A reply with no time of its own is from the exchange it answers ...
        ('"In breaking news," Axelrod tweeted last January, "Clinton wins an endorsement."\n\n'
         '"We know you are rooting for Clinton, too," Brian Fallon fired back.', "2016-03-10",
         ["2016-01", "2016-01", "2016-01"]),
        ('Trump said on Monday that "Clinton is a disaster."\n\n"He is wrong," Clinton responded.', "2016-03-10",
         ["2016-03-07", "2016-03-07"]),
        # ... not when the words it answers have no date of their own.
        ('"In breaking news," Axelrod tweeted, "Clinton wins an endorsement."\n\n'
         '"We know you are rooting for Clinton, too," Brian Fallon fired back.', "2016-03-10",
         ["2016-03-10", "2016-03-10", "2016-03-10"]),
        # ... but the audience of the scene itself does not end it.
        ('Trump told The Associated Press on Monday that he would win.\n\nHe told The Associated Press that '
         'the polls were wrong.\n\n"We will win," he said.', WEDNESDAY, ["2016-02-15"]),
        # An occasion the speaker cites is what she talks about, not a scene she is on ...
        ("Sherman spoke in a 2013 speech to diplomats.\n\nAs an example, she cited Clinton's September 2011 visit "
         'to the United Nations.\n\n"So they sat there," Sherman said.', "2016-01-26", ["2013"]),
        # ... unlike one she held; and words given with the occasion cited are from it.
        ("Sherman spoke in a 2013 speech to diplomats.\n\nAs an example, she gave a September 2011 interview to the "
         'Times.\n\n"So they sat there," Sherman said.', "2016-01-26", ["2011-09"]),
        ('Trump cited his 2012 interview with CNN: "We will win."', "2016-01-26", ["2012"]),
        # "At the time", "the day before", "that year" point back to the time named before them.
        ('Trump launched his campaign last June.\n\nTrump also said at the time that the country is a '
         '"dumping ground."', "2016-02-08", ["2015-06"]),
        ('Clinton said at a town hall on Monday, "We acted."\n\nOn Face the Nation the day before, she stated, '
         '"We had no choice."', "2016-03-10", ["2016-03-07", "2016-03-06"]),
        # ... the time told last, even a thing's ("The 2012 request"), not one yet to come.
        ("The 2012 request by CREW was sparked by the discovery of an alias.\n\nCREW filed a public-records request "
         'with the State Department that month for "records sufficient to show the number of email accounts."',
         WEDNESDAY, ["2012"]),
        ("Kiki McLean worked for Gore's 2000 presidential campaign.\n\nAt the time, she said the race was \"a coin "
         'toss."', WEDNESDAY, ["2000"]),
        ('The 2020 census will count everyone.\n\nThe agency said that year that it would "count everyone."',
         WEDNESDAY, [WEDNESDAY]),
        # ... not "at the time of" something, which is that thing's own time.
        ('Trump launched his campaign last June.\n\nTrump also said at the time of his wedding that the country '
         'is a "dumping ground."', "2016-02-08", ["2016-02-08"]),
        # The date of an occasion named again without one ("during the debate").
        ('The candidates met for a debate on Sunday night in St. Louis.\n\n'
         'During the debate, Trump said "we will win."', "2016-10-10", ["2016-10-09"]),
        # The day of the event the lead tells, in a sentence naming the speaker, though the parse hangs it on
        # someone else's act ...
        ("Texas Sen. Ted Cruz spanks his daughter.\n\nNow he is prescribing the same discipline for a protester "
         'who interrupted him during a rally in Indiana on Sunday.\n\n"Thank you, son," Cruz said.', WEDNESDAY,
         ["2016-02-14"]),
        ("Sen. Ted Cruz is prescribing a spanking for a protester who interrupted him during a rally in Indiana on "
         'Sunday.\n\n"Thank you, son," Cruz said.', WEDNESDAY, ["2016-02-14"]),
        ("Texas Sen. Ted Cruz spanks his daughter.\n\nNow he is prescribing the same discipline for a protester "
         "from the State Department who interrupted him during a rally in Indiana on Sunday.\n\n\"Thank you, son,\" "
         "Cruz said.", WEDNESDAY, ["2016-02-14"]),  # the noun "State" tells no one's words
        # ... not when another day is set since, nor for words told to an audience the sentence names, or named
        # after it.
        ("Texas Sen. Ted Cruz spanks his daughter.\n\nNow he is prescribing the same discipline for a protester "
         "who interrupted him during a rally in Indiana on Sunday.\n\nDonald Trump spoke at a rally in Iowa on "
         'Monday.\n\n"Thank you, son," Cruz said.', WEDNESDAY, [WEDNESDAY]),
        ("Bernie Sanders says he is no one-issue candidate.\n\nThe Silver State holds its Democratic caucuses on "
         'Saturday, and a new poll shows Hillary Clinton and Sanders in a dead heat.\n\n"We will win," Sanders said.',
         "2016-02-18", ["2016-02-18"]),  # nor for a day to come, told in the present
        ("Sen. Bernie Sanders told USA TODAY that there are good provisions in the document the committee approved "
         'Saturday.\n\n"We will fight," Sanders said.', WEDNESDAY, [WEDNESDAY]),
        ("Sen. Bernie Sanders praised the document the committee approved Saturday.\n\nHe opened up to Decode DC "
         'about his decision.\n\n"We will fight," he said.', WEDNESDAY, [WEDNESDAY]),
        # The day a post of the speaker's was dated is no scene for their spoken words after it ...
        ("Soon after Debbie Wasserman Schultz was booed Monday during a breakfast, Tim Canova wrote to his Twitter "
         'followers, "It is time to end her career."\n\nCanova has raised money online.\n\n"I am so thankful," he '
         "said.", WEDNESDAY, ["2016-02-15", WEDNESDAY]),
        # ... as the day of their spoken words is, and as it is for more of their written words.
        ("Soon after Debbie Wasserman Schultz was booed Monday during a breakfast, Tim Canova told reporters, \"It "
         'is time to end her career."\n\nCanova has raised money online.\n\n"I am so thankful," he said.', WEDNESDAY,
         ["2016-02-15", "2016-02-15"]),
        ("Soon after Debbie Wasserman Schultz was booed Monday during a breakfast, Tim Canova tweeted, \"It is time "
         'to end her career."\n\n"I am so thankful," he wrote.', WEDNESDAY, ["2016-02-15", "2016-02-15"]),
    ],
)
def test_scene_set_before(nlp: Any, text: str, published: str | None, dates: list[str | None]) -> None:
    assert dates_of(nlp, text, published) == dates


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        # Words from a work written before the news, undated: no date, for the speaker's next quotes too.
        ('Donald Trump paid $8 million for the jet, according to his book "The Art of the Deal."\n\n'
         '"It was a little more plane than I needed," Trump wrote.', [None]),
        ('Roy Neel said in an oral history of the Clinton years that women "disliked her."', [None]),
        ('In one of her college columns, Rebecca Bradley criticized "their misdirected compassion."\n\n'
         '"How sad," she added.', [None, None]),
        ('In an earlier interview, Trump called it "a disaster."', [None]),
        # ... unless the work is dated, or new.
        ('In his 2015 book, Cruz wrote: "America saved my father."', ["2015"]),
        ('In her new book, Clinton writes: "We acted."', [WEDNESDAY]),
        # A book written or held is no source of the words.
        ('Holding open a book, Beck said, "You can recognize this person."', [WEDNESDAY]),
        ('She wrote a children\'s book. "I wanted her to be relatable," Sherry said.', [WEDNESDAY]),
        # Earlier reporting opening the sentence, not one closing it.
        ('As reported by Western Journalism, Tiegen found the issues disqualifying.\n\n'
         '"She goes home," Tiegen said.', [None]),
        ('As reported by Western Journalism, former CIA operative and Marine John “Tig” Tiegen found both issues '
         'disqualifying.\n\n“She goes home,” Tiegen stated.', [None]),  # a name with a nickname: the phrase as written
        ('"We did it," Carson said in an interview, as reported by BuzzFeed News.', [WEDNESDAY]),
        # Words named as those of an earlier occasion, in the clause after the verb that reports them.
        ('Clinton also told the audience of Trump’s past descriptions of women as “pigs, dogs and animals.”', [None]),
        ('Obama reminded the crowd of his earlier comments about women as "disgusting animals."', [None]),
        # ... not when the words come from the verb after them, nor a past occasion dated.
        ('He was too busy to back up his earlier statements: "I have a lot going on," he wrote.', [WEDNESDAY]),
        ('Clinton recalled his 2015 remarks that Mexico sends "rapists."', ["2015"]),
    ],
)
def test_undated_earlier_occasion(nlp: Any, text: str, dates: list[str | None]) -> None:
    assert dates_of(nlp, text, WEDNESDAY) == dates


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        # A transcript note closing the words.
        ('Clinton told the bankers: "We will win." [Remarks to CME Group, 11/18/13.]', ["2013-11-18"]),
        # An editor's insertion is no note.
        ('Clinton said: "We did it [in 2013]."', [WEDNESDAY]),
        # The sentence right after, pointing back at the words.
        ('"We will win," Trump told Playboy. That was in 1990.', ["1990"]),
        ('"We will win," Trump told Playboy. He said the same in 2013.', [WEDNESDAY]),
    ],
)
def test_cue_after_the_words(nlp: Any, text: str, dates: list[str | None]) -> None:
    assert dates_of(nlp, text, WEDNESDAY) == dates


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Trump on Tuesday dismissed Walker as an ineffective leader.", [("Tuesday", "2016-02-09", True)]),
        ("Obama gave an interview to Playboy in 1990.", [("1990", "1990", True)]),  # an occasion held then
        ("Kiki McLean worked for Gore's 2000 presidential campaign.", []),  # a thing's year
        ("The 2004 surgery went well.", []),
        ("Graham spoke in a 2007 address to La Raza.", [("2007", "2007", True)]),
        ("Ivanka converted to Judaism in 2009.", [("2009", "2009", False)]),  # an act, no occasion to speak
        ("Trump said that Clinton lied on Monday.", [("Monday", MONDAY, False)]),  # reported content
        # A clause the parser hung under a later verb that reports nothing is the narrative's ...
        ("House Oversight Committee Chairman Jason Chaffetz on Tuesday requested yet another Justice Department "
         "investigation of Hillary Clinton - this one focused on emails that a staffer deleted.",
         [("Tuesday", "2016-02-09", True)]),
        ("Mayor Bill de Blasio on Monday intervened: If Sanders would debate on April 14, de Blasio tweeted, he "
         "would help.", [("Monday", MONDAY, True)]),
        # ... and so is what a news report tells, its source named ...
        ("Swanson slammed the Girl Scouts on Monday, Right Wing Watch first reported.", [("Monday", MONDAY, True)]),
        # ... not words reported before their verb of saying or thinking.
        ("Clinton met the voters on Tuesday, Trump said.", [("Tuesday", "2016-02-09", False)]),
        ("Clinton met the voters on Tuesday, Trump believes.", [("Tuesday", "2016-02-09", False)]),
        # A time phrase the parser left a sentence of its own ("On the morning of Feb. 12" as a root) dates the
        # sentence it opens, on its line; "the morning of" a date is one expression with it.
        ("On the morning of Feb. 12 Trump jumped onto his Twitter account and retweeted a quote.",
         [("the morning of Feb. 12", "2016-02-12", True)]),
        # A day the parser hung on the object of a verb is the act's ("offer condolences on Monday", "see a sign
        # on Friday night"); a year on a thing stays the thing's.
        ("Europe's mainstream political leaders were quick to offer condolences on Monday and affirm their "
         "friendship with the American people.", [("Monday", MONDAY, True)]),
        ("A couple was surprised to see a sign on Friday night at an exit in Corona.",
         [("Friday night", "2016-02-12", True)]),
        ("Sanders attacked the deal of 1994.", []),
        # An act yet to come dates nothing said.
        ("In an excerpt of the interview, which will be on Fox Tuesday night, Trump says he fights.", []),
        ("Trump will speak in Ohio on Friday.", []),
        ("Clinton is going to campaign in Iowa on Friday.", []),
        ("The candidates met ahead of the Feb. 20 caucus.", []),  # a time after publication dates nothing said
    ],
)
def test_what_a_time_dates(nlp: Any, sentence: str, expected: list[tuple[str, str, bool]]) -> None:
    doc = nlp(sentence)
    cues = find_time_cues(doc, [e for e in doc.ents if e.label_ in {"DATE", "TIME"}], MONDAY, lambda _: False)
    assert [(sentence[c.start : c.end], c.date, c.scene) for c in cues] == expected


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Donald Trump", "Billionaire Donald Trump", True),  # one form holds the other
        ("Sandy Paradis", "Sandra Paradis", True),  # first names that start alike
        ("Bill Clinton", "Hillary Clinton", False),
        ("Donald Trump", "the trump campaign", False),  # a description, no person
    ],
)
def test_one_person_two_forms(a: str, b: str, same: bool) -> None:
    assert same_person(a, b) is same
