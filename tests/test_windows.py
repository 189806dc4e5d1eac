"""Issue 15 (4): long articles extracted in windows (``quotes.extract.windows``).

Windows are cut between paragraphs, never inside a quote; names, pronouns and continued quotes
resolve across a cut; offsets point into the whole article; an article that fits in one window is
extracted exactly as before.
"""

from __future__ import annotations

from typing import Any

import pytest

from quotes.errors import InputError
from quotes.extract import extract_article
from quotes.extract.pipeline import analyse
from quotes.extract.windows import WINDOW_CHARS, analyse_windowed, plan
from quotes.models import Article
from quotes.text import article_body, find_spans
from quotes.text.furniture import END_MARKERS

FILLER = [
    "The committee met for {n} hours in a room on the third floor of the building.",
    "Officials at the Treasury Department declined to comment on figure {n}.",
    "The budget office published table {n} of its report on the program late in the evening.",
]


def filler(paragraphs: int, start: int = 0) -> list[str]:
    """Distinct paragraphs without names or quotes (repeated lines would be masked as furniture)."""
    return [FILLER[i % len(FILLER)].format(n=start + i) for i in range(paragraphs)]


def seeds_end_to_end(seed_texts: dict[str, str]) -> str:
    """The seed articles as one, without the end markers ("Related") that would end its body early."""
    lines = [line.strip() for text in seed_texts.values() for line in text.splitlines()]
    return "\n\n".join(line for line in lines if line and not END_MARKERS.match(line))


def own_paragraphs(text: str, size: int) -> list[list[int]]:
    """Per window, the indices of the body paragraphs it owns."""
    paras = article_body(text).paragraphs
    return [[i for i, (s, _) in enumerate(paras) if w.own[0] <= s < w.own[1]] for w in plan(text, size)]


MULTI = [
    '"The first part of what I said goes on,',
    '"and the second part still belongs to it,',
    '"and this is where it ends," Maria Lopez said.',
]


@pytest.mark.parametrize("at", [0, 3, 6, 9])
@pytest.mark.parametrize("size", [300, 500, 800])
def test_a_window_is_never_cut_inside_a_quote_running_over_paragraphs(at: int, size: int) -> None:
    paragraphs = filler(12)
    paragraphs[at:at] = MULTI
    text = "\n\n".join(paragraphs)
    windows = own_paragraphs(text, size)
    assert len(windows) > 1
    assert [i for w in windows for i in w] == list(range(len(paragraphs)))  # every paragraph once, in order
    assert next(w for w in windows if at in w) == next(w for w in windows if at + 2 in w)


@pytest.mark.parametrize("size", [800, 1_500, 3_000])
def test_windows_of_real_text_own_every_paragraph_once_and_keep_quotes_whole(
    seed_texts: dict[str, str], size: int
) -> None:
    text = seeds_end_to_end(seed_texts)
    paras = article_body(text).paragraphs
    windows = own_paragraphs(text, size)
    assert len(windows) > 1
    assert [i for w in windows for i in w] == list(range(len(paras)))
    window_of = {i: k for k, w in enumerate(windows) for i in w}
    for span in find_spans(article_body(text).masked, list(paras)):
        if span.continues:
            assert window_of[span.paragraph] == window_of[span.paragraph + 1]


def test_an_article_within_one_window_is_extracted_as_before(nlp: Any, seed_texts: dict[str, str]) -> None:
    for name, text in seed_texts.items():
        article = Article(doc=name, text=text, source=name)
        assert len(text) <= WINDOW_CHARS
        assert extract_article(article, nlp=nlp) == analyse(article, nlp)
        assert analyse_windowed(article, nlp) == analyse(article, nlp)


@pytest.mark.parametrize("size", [600, 1_500])
def test_windowed_seeds_find_the_same_quotes_at_the_same_offsets(
    nlp: Any, seed_texts: dict[str, str], size: int
) -> None:
    text = seeds_end_to_end(seed_texts)
    article = Article(doc="seeds", text=text, source="seeds", published="2013-01-28")
    whole = analyse(article, nlp)
    windowed = analyse_windowed(article, nlp, size=size)
    assert len(plan(text, size)) > 2
    assert [(q.start, q.end, q.text) for q in windowed.quotes] == [(q.start, q.end, q.text) for q in whole.quotes]
    assert all(text[q.start : q.end] == q.text for q in windowed.quotes)
    assert [q.speaker for q in windowed.quotes] == [q.speaker for q in whole.quotes]
    for q in windowed.quotes:
        if q.speaker_start is not None and q.speaker_end is not None:
            assert text[q.speaker_start : q.speaker_end].strip()


@pytest.mark.parametrize(
    ("introduced", "quoted", "speaker"),
    [
        ("Senator Maria Lopez, a Democrat from Ohio, opened the hearing.", '"We will not back down," Lopez said.',
         "Maria Lopez"),
        ("Treasury Secretary Janet Yellen spoke first.", '"The numbers are clear," said Yellen.',
         "Janet Yellen"),
        ("The bill was written by Rep. Tom Okafor of Texas.", 'Okafor said: "It is a fair bill."',
         "Tom Okafor"),
    ],
)
def test_a_surname_in_a_later_window_is_the_full_name_written_in_an_earlier_one(
    nlp: Any, introduced: str, quoted: str, speaker: str
) -> None:
    text = "\n\n".join([introduced, *filler(40), quoted, *filler(10, start=40)])
    article = Article(doc="long", text=text, source="long", published="2024-03-05")
    windows = plan(text, 1_000)
    quote_at = text.index(quoted)
    assert not any(start <= quote_at < end for start, end in windows[0].pieces)  # parsed apart
    (found,) = analyse_windowed(article, nlp, size=1_000).quotes
    (whole,) = analyse(article, nlp).quotes
    assert found.speaker == speaker
    assert found == whole


def test_a_pronoun_after_a_cut_is_the_person_named_before_it(nlp: Any) -> None:
    before = [*filler(14), "Ms. Ana Reyes, the governor, visited the town on Monday."]
    after = ['"We will rebuild every house," she said.', *filler(14, start=14)]
    text = "\n\n".join(before + after)
    article = Article(doc="long", text=text, source="long", published="2024-03-05")
    cut = text.index(after[0])
    size = next(size for size in range(300, 3_000) if any(w.own[0] == cut for w in plan(text, size)))
    (found,) = analyse_windowed(article, nlp, size=size).quotes
    assert found == analyse(article, nlp).quotes[0]
    assert (found.speaker, found.date) == ("Ana Reyes", "2024-03-04")  # and when: Monday, in the context


def test_a_paragraph_longer_than_a_window_is_cut_between_sentences_outside_its_quotes(nlp: Any) -> None:
    sentences = [f'Lopez spoke on plan {n}. "It will cost {n} dollars. We can pay it," Lopez said.' for n in range(30)]
    text = "\n\n".join(["Senator Maria Lopez held a hearing.", " ".join(sentences), *filler(4)])
    article = Article(doc="long", text=text, source="long", published="2024-03-05")
    windows = plan(text, 700)
    assert len(windows) > 3
    whole = analyse(article, nlp).quotes
    windowed = analyse_windowed(article, nlp, size=700).quotes
    assert len(whole) == 30
    assert not any(q.start <= w.own[0] < q.end for q in whole for w in windows)  # "dollars. We" is not cut
    assert [(q.start, q.end, q.speaker) for q in windowed] == [(q.start, q.end, q.speaker) for q in whole]
    assert {q.speaker for q in windowed} == {"Maria Lopez"}


def test_text_without_a_paragraph_or_sentence_break_longer_than_a_window_is_refused(nlp: Any) -> None:
    text = "\n\n".join([*filler(5), "word " * 400, *filler(5, start=5)])
    at = text.index("word")
    with pytest.raises(InputError, match=f"the text from character {at:,} runs 2,000 characters without a para"):
        analyse_windowed(Article(doc="long", text=text, source="long"), nlp, size=1_000)
