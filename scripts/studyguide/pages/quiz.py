"""Builds and renders the "Quick quiz": self-marking questions from the checked data, grouped by chapter."""

from __future__ import annotations

import random
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import groupby

from ..data.model import PHASES, Date, Event, GuideData, Mention, Person
from .cards import headline, quoted
from .markdown import attribute, front_matter, plain, relative, to_plain_text
from .scripts import DOM, STORE, script_tags

PAGE = "quiz.md"
QUIZ_KINDS = {
    "date": "When did it happen?",
    "term": "Which term?",
    "post": "Who held the post?",
    "order": "Put these events in order",
    "match": "Match the person to the post",
}
OPTIONS = 4  # the right answer and three distractors
GROUP = 4  # events to order, or people to match, in one question


@dataclass(frozen=True)
class Question:
    """One quiz question: a prompt, its choices or items, the answer, why, and where the guide explains it."""

    id: str
    kind: str
    chapter: str
    prompt: str
    detail: str  # shown under the prompt (a definition to name), or ""
    choices: tuple[str, ...]  # multiple choice: the options; order: the events, scrambled; match: the posts
    answer: tuple[int, ...]  # multiple choice: (right option,); order: each item's rank; match: each person's post
    people: tuple[str, ...]  # match: the people, in order
    why: str  # plain text, already escaped for Markdown
    link_page: str
    link_anchor: str
    link_label: str
    card: str  # the flashcard testing the same fact, whose progress marks the question as weak, or ""


def _scrambled(items: Sequence[str], seed: str) -> list[int]:
    """A fixed shuffle of indexes (seeded by the question id), never the original order when it can avoid it."""
    order = list(range(len(items)))
    rng = random.Random(seed)
    for _ in range(5):
        rng.shuffle(order)
        if order != sorted(order):
            break
    return order


def _multiple_choice(qid: str, right: str, candidates: Sequence[str]) -> tuple[tuple[str, ...], tuple[int, ...]] | None:
    """The right answer plus the first distinct plausible distractors, in a fixed scrambled order.

    None when the data offers too few wrong answers (a small guide): that question is left out.
    """
    distractors = list(dict.fromkeys(c for c in candidates if c != right))[: OPTIONS - 1]
    if len(distractors) < OPTIONS - 1:
        return None
    options = [right, *distractors]
    order = _scrambled(options, qid)
    return tuple(options[i] for i in order), (order.index(0),)


def _years(date: Date) -> float:
    return date.year + ((date.month or 6) - 1) / 12 + ((date.day or 15) - 1) / 365


def _span(date: Date) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    """The first and last day a date can mean: ``1918`` spans the year, ``March 1918`` the month."""
    return (date.year, date.month or 1, date.day or 1), (date.year, date.month or 12, date.day or 31)


def _at_precision(date: Date, precision: str) -> Date:
    """The date cut to a precision: another event's date as a wrong answer written like the right one."""
    return Date(date.year, date.month if precision != "year" else None, date.day if precision == "day" else None)


def _precise_enough(date: Date, than: Date) -> bool:
    rank = {"year": 0, "month": 1, "day": 2}
    return rank[date.precision] >= rank[than.precision]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60]


def _in_phase(post_start: Date | None, post_end: Date | None, start: Date, end: Date) -> bool:
    begins_in_time = post_start is None or _years(post_start) <= _years(end)
    return begins_in_time and (post_end is None or _years(post_end) >= _years(start))


def build_questions(data: GuideData, mentions: Mapping[str, Sequence[Mention]]) -> list[Question]:
    """Every question the data supports, in chapter order, then by kind, then as the data orders them."""
    questions: list[Question] = []
    chapters = data.chapters
    first_chapter = sorted(chapters)[0]

    def section(key: str, fallback_page: str, fallback_anchor: str, fallback_label: str) -> tuple[str, str, str, str]:
        """The chapter section that first explains an entry, else its reference page."""
        found = sorted((m for m in mentions.get(key, ()) if m.page.startswith("chapters/") and m.anchor),
                       key=lambda m: m.page)  # fmt: skip
        if found:
            m = found[0]
            return m.page[len("chapters/"):-len(".md")], m.page, m.anchor, f"{m.page_title}: {m.section_title}"
        return first_chapter, fallback_page, fallback_anchor, fallback_label

    def event_link(event: Event) -> tuple[str, str, str]:
        chapter = chapters[event.section.chapter]
        return chapter.src_path, event.section.anchor, f"{chapter.title}: {chapter.headings[event.section.anchor]}"

    # When did it happen? Wrong dates are other events' dates at the same precision, nearest in time first.
    for event in data.events:
        right = event.date.display()
        others = sorted(
            {_at_precision(e.date, event.date.precision) for e in data.events if _precise_enough(e.date, event.date)},
            key=lambda d: (abs(_years(d) - _years(event.date)), d.display()),
        )
        built = _multiple_choice(f"date-{event.id}", right, [d.display() for d in others])
        if built is None:
            continue
        choices, answer = built
        questions.append(Question(
            f"date-{event.id}", "date", event.section.chapter, f"When did this happen: {headline(event.title)}?", "",
            choices, answer, (), plain(to_plain_text(event.summary)), *event_link(event), f"when-{event.id}",
        ))  # fmt: skip

    # Which term? Wrong terms come from the same category first.
    for term in data.terms:
        same = [t.term for t in data.terms if t.category == term.category and t.id != term.id]
        rest = [t.term for t in data.terms if t.category != term.category]
        built = _multiple_choice(f"term-{term.id}", term.term, same + rest)
        if built is None:
            continue
        choices, answer = built
        chapter, page, anchor, label = section(f"term:{term.id}", "glossary.md", term.id, f"Glossary: {term.term}")
        questions.append(Question(
            f"term-{term.id}", "term", chapter, "Which term fits this description?", term.definition,
            choices, answer, (), plain(f"{term.term}: {term.definition}"), page, anchor, label, f"term-{term.id}",
        ))  # fmt: skip

    # Who held the post? Only posts held by one person; wrong people held office in overlapping years.
    holders: dict[str, set[str]] = {}
    for person in data.people:
        for post in person.posts:
            holders.setdefault(post.title, set()).add(person.id)
    for person in data.people:
        for post in person.posts:
            if len(holders[post.title]) > 1 or post.start is None:
                continue
            qid = f"post-{person.id}-{_slug(post.title)}"

            def overlap(other: Person, start: Date = post.start, end: Date | None = post.end) -> float:
                spans = [abs(_years(p.start or start) - _years(start))
                         for p in other.posts if _in_phase(p.start, p.end, start, end or start)]  # fmt: skip
                return min(spans) if spans else 99.0

            others = sorted((p for p in data.people if p.id != person.id and p.posts),
                            key=lambda p: (overlap(p), p.name))  # fmt: skip
            built = _multiple_choice(qid, person.name, [p.name for p in others])
            if built is None:
                continue
            choices, answer = built
            chapter, _, _, _ = section(f"person:{person.id}", "people.md", person.id, "")
            since = f"from {post.start.display()}" + (f" to {post.end.display()}" if post.end else "")
            questions.append(Question(
                qid, "post", chapter, f"Who held this post, {since}?", quoted(post.title), choices, answer, (),
                plain(f"{person.role}."), "people.md", person.id, f"Who's who: {person.name}",
                f"person-{person.id}",
            ))  # fmt: skip

    # Put these events in order: a chapter's events in groups whose order is certain (no two can overlap,
    # as "1918" and "March 1918" would), shown in a fixed scrambled order.
    for stem in sorted(chapters):
        events = sorted((e for e in data.events if e.section.chapter == stem), key=lambda e: _span(e.date))
        groups: list[list[Event]] = [[]]
        for event in events:
            group = groups[-1]
            if not group or _span(group[-1].date)[1] < _span(event.date)[0]:
                group.append(event)
                if len(group) == GROUP:
                    groups.append([])
        for number, group in enumerate((g for g in groups if len(g) == GROUP), start=1):
            qid = f"order-{stem}-{number}"
            titles = [e.title for e in group]
            order = _scrambled(titles, qid)
            why = "; ".join(f"{e.date.display()}: {e.title}" for e in group)
            questions.append(Question(
                qid, "order", stem, "Put these events in order, earliest first.", "",
                tuple(quoted(titles[i]) for i in order), tuple(order), (), plain(why), *event_link(group[0]), "",
            ))  # fmt: skip

    # Match the person to the post: per phase, people with a post held by no one else in that group.
    for phase in PHASES:
        chapter = data.phase_chapter(phase.id)
        if chapter is None:
            continue
        pairs: list[tuple[Person, str, str]] = []
        for person in data.people:
            post = next((p for p in person.posts if len(holders[p.title]) == 1 and p.start is not None
                         and _in_phase(p.start, p.end, phase.start, phase.end)), None)  # fmt: skip
            if post is not None:
                held = f"from {post.start.display()}" + (f" to {post.end.display()}" if post.end else "")
                pairs.append((person, post.title, held))
        for number, start in enumerate(range(0, len(pairs) - GROUP + 1, GROUP), start=1):
            group = pairs[start:start + GROUP]
            qid = f"match-{chapter.stem}-{number}"
            posts = [title for _, title, _ in group]
            order = _scrambled(posts, qid)
            questions.append(Question(
                qid, "match", chapter.stem,
                f"Match each person to a post held during “{chapter.title}”, {chapter.period}.",
                "", tuple(quoted(posts[i]) for i in order), tuple(order.index(i) for i in range(GROUP)),
                tuple(person.name for person, _, _ in group),
                plain("; ".join(f"{person.name} held it {held}" for person, _, held in group) + "."),
                "people.md", group[0][0].id, "Who's who", "",
            ))  # fmt: skip

    kind_order = {kind: index for index, kind in enumerate(QUIZ_KINDS)}
    return sorted(questions, key=lambda q: (q.chapter, kind_order[q.kind]))


def right_answer(question: Question) -> str:
    """The answer in words, as the page shows it on request."""
    if question.kind == "order":
        ranked = sorted(range(len(question.choices)), key=lambda shown: question.answer[shown])
        return " → ".join(question.choices[i] for i in ranked)
    if question.kind == "match":
        pairs = zip(question.people, question.answer, strict=True)
        return "; ".join(f"{name}: {question.choices[post]}" for name, post in pairs)
    return question.choices[question.answer[0]]


def render_quiz(questions: Sequence[Question], chapters: Mapping[str, object]) -> str:
    """Return the Quick quiz page as Markdown: every question answerable on request without JavaScript."""
    lines = [
        *front_matter(
            "Quick quiz",
            f"{len(questions)} self-marking questions on Stalin's rise to power: dates, terms, posts, the order "
            "of events and who held which office, built from the guide's checked data.",
            searchable=False,
        ),
        "",
        "# Quick quiz",
        "",
        f"There are {len(questions)} questions, made from the same checked data as the flashcards. Pick an answer",
        "to see at once whether it was right, why, and where the guide explains it. **A quiz of 10** mixes the",
        "chapters and leans towards the cards you found hard in the [flashcard drill](flashcards.md). Without",
        "JavaScript, open *Show the answer* under each question.",
        "",
        '<div id="quiz" class="quiz-panel" hidden></div>',
        "",
        # One container for every question, so that a quiz of 10 sets the rest aside with one change; each
        # chapter's questions in a box of their own, apart from its heading (see .quiz-set-aside in extra.css).
        '<div class="quiz-all" markdown>',
    ]
    for stem, in_chapter in groupby(questions, key=lambda q: q.chapter):
        in_chapter = list(in_chapter)
        # The number of questions sizes the box while the browser skips it (see .quiz-chapter in extra.css).
        lines += ["", f"## {plain(chapters[stem].title)} {{#quiz-{stem}}}", "", f"{len(in_chapter)} questions.", "",
                  f'<div class="quiz-chapter" style="--questions: {len(in_chapter)}" markdown>']  # fmt: skip
        for question in in_chapter:
            lines += ["", *_question(question)]
        lines += ["", "</div>"]
    return "\n".join([*lines, "", "</div>", "", *script_tags(PAGE, STORE, DOM, "quiz.js")]) + "\n"


def _question(question: Question) -> list[str]:
    qid = attribute(question.id)
    attributes = (f'class="quiz-question" data-question-id="{qid}" data-kind="{question.kind}" '
                  f'data-chapter="{attribute(question.chapter)}" data-card-id="{attribute(question.card)}" '
                  f'data-answer="{" ".join(str(a) for a in question.answer)}"')  # fmt: skip
    lines = [f"<div {attributes} markdown>", f'<p class="quiz-prompt" id="q-{qid}">{attribute(question.prompt)}</p>']
    if question.detail:
        lines.append(f'<p class="quiz-detail">{attribute(question.detail)}</p>')
    if question.kind == "match":
        lines.append('<ul class="quiz-people">')
        lines += [f"<li>{attribute(name)}</li>" for name in question.people]
        lines.append("</ul>")
    lines.append('<ol class="quiz-choices" type="A">')
    lines += [f'<li data-choice="{index}">{attribute(choice)}</li>' for index, choice in enumerate(question.choices)]
    lines.append("</ol>")
    target = f"{relative(PAGE, question.link_page)}#{question.link_anchor}"
    lines += [
        '<details class="quiz-answer" markdown>',
        "<summary>Show the answer</summary>",
        "",
        f"**Answer:** {plain(right_answer(question))}",
        "",
        f"**Why:** {question.why}",
        "",
        f"[Read more: {plain(question.link_label)}]({target}){{ .quiz-source }}",
        "",
        "</details>",
        "</div>",
    ]
    return lines
