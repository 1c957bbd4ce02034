"""Hand-built analyses for the UI tests: realistic stories, hostile text, and a 10k-paragraph pair.

The UI is tested against ``Analysis`` objects built here rather than the real pipeline, so UI tests
pin down display behaviour independently of matching quality.  Like the pipeline, each builder
marks the moved matches (``mark_moved``) before handing the analysis over.
"""

from __future__ import annotations

import os
import random

import pytest

from reader.core.matching.moved import mark_moved
from reader.core.model import (
    Analysis,
    Article,
    Entity,
    Figure,
    FigureGroup,
    Match,
    Mention,
)


def make_article(
    source: str, title: str, paragraphs: list[str], boilerplate: set[int] = frozenset()
) -> Article:
    return Article.from_texts(source, title, paragraphs, boilerplate=boilerplate)


A_TEXT = [
    "Turkish President Recep Tayyip Erdoğan said on Monday that at least 12 people were killed when an explosion tore through a busy shopping street in central Istanbul.",
    "The blast happened shortly after 4pm local time on Istiklal Avenue, a pedestrian thoroughfare popular with tourists and families.",
    'Erdoğan told reporters before leaving for the G20 summit in Indonesia that the attack "smells of terrorism" and promised that those responsible would be punished.',
    "Vice President Fuat Oktay said 40 people had been injured, several of them seriously, and that hospitals across the city were treating the wounded.",
    "Television footage showed ambulances and police cars rushing to the scene as helicopters circled overhead.",
    "Justice Minister Bekir Bozdağ said a woman had been seen sitting on a bench for more than 40 minutes before the explosion.",
    "Istanbul has been hit by several deadly attacks in the past, including a 2016 bombing claimed by Islamic State.",
    "Police sealed off the area and a media blackout was imposed by the broadcasting regulator within hours.",
    "The United States and the European Union condemned the attack and offered condolences to the families of the victims.",
    "Interior Minister Süleyman Soylu later said a suspect had been arrested, and blamed Kurdish militants.",
    "Shops along the avenue reopened on Tuesday under heavy police presence.",
    "Share this article",
]
B_TEXT = [
    "A suspect has been detained over Sunday's bombing in Istanbul, Interior Minister Suleyman Soylu said, accusing Kurdish militants of being behind it.",
    "An explosion ripped through Istanbul's Istiklal Avenue on Sunday afternoon, killing 14 people, according to President Erdogan.",
    "Speaking before departing for the G20 summit, Mr Erdogan said the attack smelled of terrorism and vowed the perpetrators would be punished.",
    "Some 40 people were wounded in the blast.",
    "Vice President Fuat Oktay said several of the injured were in a serious condition.",
    "Istiklal Avenue is one of the city's busiest shopping streets and draws crowds of tourists at weekends.",
    "Authorities imposed a temporary broadcast ban on coverage of the explosion, and access to social media was restricted.",
    "Washington and Brussels condemned the bombing and expressed condolences.",
    "The PKK, which Ankara considers a terrorist organisation, has not commented.",
    "Reporting by the Istanbul bureau; editing by Jane Doe.",
]
C_TEXT = [
    "At least 12 people died and dozens were hurt in an explosion on Istanbul's Istiklal Avenue, officials said.",
    "President Recep Tayyip Erdoğan said the attack smelled of terrorism.",
    "A woman is suspected of planting the bomb, according to Justice Minister Bekir Bozdag.",
    "The avenue was crowded with shoppers and tourists at the time.",
    "NATO allies voiced solidarity with Turkey.",
    "Ambulances rushed to the scene.",
]


def _span(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def _mentions(articles: list[Article], needles: list[str]) -> list[Mention]:
    out = []
    for a, art in enumerate(articles):
        for p in art.paragraphs:
            for needle in needles:
                i = p.text.find(needle)
                while i != -1:
                    out.append(Mention(a, p.index, i, i + len(needle), needle))
                    i = p.text.find(needle, i + len(needle))
    out.sort(key=lambda m: (m.article, m.paragraph, m.start))
    return out


def story_analysis(n_articles: int = 2) -> Analysis:
    """The Istanbul story in 2 or 3 articles: 1-to-2 and crossing matches, unmatched paragraphs,
    entities with variants, an agreeing and a conflicting figure group."""
    texts = [
        ("bbc.html", "Istanbul explosion: at least 12 killed, Erdoğan says", A_TEXT),
        ("reuters.txt", "Suspect detained after deadly Istanbul blast", B_TEXT),
        ("ap.md", "Explosion on Istanbul avenue kills 12", C_TEXT),
    ][:n_articles]
    arts = [make_article(s, t, p, {len(p) - 1} if s == "bbc.html" else set()) for s, t, p in texts]
    m = [
        Match((0, 0), (1, 1), 0.71, ("explosion", "istanbul"), ("Erdoğan",), ("12",)),
        Match((0, 1), (1, 5), 0.55, ("istiklal", "avenue", "tourists"), ("Istiklal",), ()),
        Match(
            (0, 2),
            (1, 2),
            0.88,
            ("summit", "terrorism", "punished"),
            ("Erdoğan", "G20"),
            (),
            near_verbatim=True,
            sentences=((0, len(A_TEXT[2])), (0, len(B_TEXT[2]))),
        ),
        Match((0, 3), (1, 3), 0.62, ("injured", "people"), (), ("40",)),
        Match((0, 3), (1, 4), 0.58, ("seriously", "injured"), ("Fuat Oktay",), ()),
        Match(
            (0, 7), (1, 6), 0.47, ("broadcast", "ban"), (), (), evidence="supported", cue="diagonal"
        ),
        Match(
            (0, 8),
            (1, 7),
            0.52,
            ("condemned", "condolences"),
            (),
            (),
            evidence="supported",
            cue="best",
        ),
        Match((0, 9), (1, 0), 0.81, ("suspect", "kurdish", "militants"), ("Soylu",), ()),
    ]
    if n_articles >= 3:
        m += [
            Match((0, 0), (2, 0), 0.77, ("explosion", "istanbul"), ("Istanbul",), ("12",)),
            Match((0, 2), (2, 1), 0.66, ("terrorism",), ("Erdoğan",), ()),
            Match((0, 5), (2, 2), 0.49, ("woman",), ("Bozdağ",), ()),
            Match((0, 4), (2, 5), 0.45, ("ambulances", "scene"), (), ()),
            Match((1, 1), (2, 0), 0.68, ("explosion", "istiklal"), (), ()),
            Match((1, 5), (2, 3), 0.51, ("tourists", "shoppers"), (), ()),
        ]
    entities_spec = [
        ("Recep Tayyip Erdoğan", "person", ["Recep Tayyip Erdoğan", "Erdoğan", "Erdogan"]),
        ("Süleyman Soylu", "person", ["Süleyman Soylu", "Suleyman Soylu"]),
        ("Fuat Oktay", "person", ["Fuat Oktay"]),
        ("Bekir Bozdağ", "person", ["Bekir Bozdağ", "Bekir Bozdag"]),
        ("Istanbul", "place", ["Istanbul"]),
        ("Istiklal Avenue", "place", ["Istiklal Avenue"]),
        ("Ankara", "place", ["Ankara"]),
        ("Islamic State", "organization", ["Islamic State"]),
        ("PKK", "organization", ["PKK"]),
        ("NATO", "organization", ["NATO"]),
    ]
    entities = []
    for name, etype, variants in entities_spec:
        mentions = _mentions(arts, variants)
        if not mentions:
            continue
        # Longer variants first found the mention; drop mentions nested inside a longer one.
        mentions = [
            x
            for x in mentions
            if not any(
                y is not x
                and y.article == x.article
                and y.paragraph == x.paragraph
                and y.start <= x.start
                and x.end <= y.end
                and (y.end - y.start) > (x.end - x.start)
                for y in mentions
            )
        ]
        seen = [v for v in variants if any(x.text == v for x in mentions)]
        entities.append(Entity(len(entities), name, etype, seen, mentions))
    figures: list[Figure] = []
    groups: list[FigureGroup] = []

    def fig(
        a: int, p: int, needle: str, value: float, counted: str, qualifier=None, low=None, high=None
    ):
        text = arts[a].paragraphs[p].text
        s, e = _span(text, needle)
        figures.append(
            Figure(
                a,
                p,
                s,
                e,
                needle,
                value,
                low if low is not None else value,
                high if high is not None else value,
                qualifier,
                counted,
            )
        )
        return len(figures) - 1

    killed = [
        fig(0, 0, "at least 12 people", 12, "killed", "at least", 12, None),
        fig(1, 1, "14 people", 14, "killed"),
    ]
    if n_articles >= 3:
        killed.append(fig(2, 0, "At least 12 people", 12, "killed", "at least", 12, None))
    injured = [
        fig(0, 3, "40 people", 40, "injured"),
        fig(1, 3, "Some 40 people", 40, "injured", "about", 36, 44),
    ]
    minutes = [fig(0, 5, "more than 40 minutes", 40, "minutes", "more than", 40, None)]
    groups.append(FigureGroup(0, "killed", "count", "conflict", killed))
    groups.append(FigureGroup(1, "injured", "count", "agree", injured))
    groups.append(FigureGroup(2, "minutes", "duration", "single", minutes))
    for g in groups:
        for i in g.figures:
            figures[i].group = g.id
    mark_moved(m)
    return Analysis(arts, m, entities, figures, groups)


HOSTILE = [
    "A closing tag alone [/] must stay literal.",
    "Plain [bold]x[/bold] should not be bold and [@click=app.quit]x[/] must not quit.",
    "Wikipedia style [citation needed] and [$accent] and [link=https://evil.example]click[/link] stay.",
    "東京 (Tokyo) hosted the talks 🙂 and 東京東京東京東京東京東京東京東京東京東京東京東京 wraps by cells.",
    "Mismatched [/italic] closing tag and x[0] and [Bold] tag.",
]


def hostile_analysis() -> Analysis:
    """Markup-hostile titles, sources, paragraphs and entity names, matched against a plain article."""
    a = make_article("[/]evil.txt", "[bold]Title[/bold] [@click=app.quit]x[/]", HOSTILE)
    b = make_article(
        "plain.txt",
        "[citation needed] 東京 🙂",
        [
            "Talks were held in 東京 🙂 this week.",
            "Nothing else [/] to report [bold]here[/bold].",
        ],
    )
    ents = [
        Entity(
            0,
            "[@click=app.quit]x[/]",
            "person",
            ["[@click=app.quit]x[/]", "[/]"],
            [
                Mention(
                    0,
                    1,
                    HOSTILE[1].index("[@click"),
                    HOSTILE[1].index("[@click") + 21,
                    "[@click=app.quit]x[/]",
                )
            ],
        ),
        Entity(
            1,
            "東京",
            "place",
            ["東京"],
            [Mention(0, 3, 0, 2, "東京"), Mention(1, 0, 16, 18, "東京")],
        ),
    ]
    figs = [
        Figure(
            0,
            4,
            HOSTILE[4].index("x[0]"),
            HOSTILE[4].index("x[0]") + 4,
            "x[0]",
            0,
            0,
            0,
            None,
            "[/]",
        )
    ]
    groups = [FigureGroup(0, "[bold]", "count", "single", [0])]
    figs[0].group = 0
    matches = [
        Match((0, 3), (1, 0), 0.9, ("talks",), ("東京",), ()),
        Match((0, 0), (1, 1), 0.4, ("[/]",), ("[bold]",), ("[0]",)),
    ]
    mark_moved(matches)
    return Analysis([a, b], matches, ents, figs, groups)


WORDS = (
    "government minister police city report people officials said week support plan "
    "budget council vote election market health school water energy river road"
).split()


def big_analysis(n: int = 10_000, seed: int = 7) -> Analysis:
    """Two seeded synthetic articles of ``n`` paragraphs each, every third paragraph matched."""
    rng = random.Random(seed)

    def para() -> str:
        return " ".join(rng.choice(WORDS) for _ in range(rng.randint(30, 90))).capitalize() + "."

    a = make_article("left.txt", "Left", [para() for _ in range(n)])
    b = make_article("right.txt", "Right", [para() for _ in range(n)])
    matches = [
        Match(
            (0, i),
            (1, min(n - 1, i + rng.randint(-2, 2))),
            round(rng.random(), 2),
            ("report",),
            (),
            (),
        )
        for i in range(0, n, 3)
    ]
    mark_moved(matches)
    return Analysis([a, b], matches)


@pytest.fixture(autouse=True)
def _clean_textual_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Snapshots and Pilot runs must not depend on the developer's TEXTUAL_* settings (the
    snapshot plugin's own TEXTUAL_SNAPSHOT_* variables are kept)."""
    for key in list(os.environ):
        if key.startswith("TEXTUAL_") and not key.startswith("TEXTUAL_SNAPSHOT"):
            monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")


@pytest.fixture
def story2() -> Analysis:
    return story_analysis(2)


@pytest.fixture
def story3() -> Analysis:
    return story_analysis(3)


@pytest.fixture
def hostile() -> Analysis:
    return hostile_analysis()


OUTLET_FACTS = [
    ("An explosion on Istanbul's Istiklal Avenue killed at least six people on Sunday.", "all"),
    ("Vice President Fuat Oktay said 81 people were wounded, two of them critically.", "not-last"),
    ("A witness described shoppers running from the avenue as smoke filled the street.", "only-B"),
    ("Interior Minister Suleyman Soylu said a suspect had been detained overnight.", "not-A"),
    ("The broadcasting regulator imposed a temporary ban on coverage of the blast.", "A-and-C"),
    ("Police sealed off the area and shops along the avenue stayed closed on Monday.", "only-A"),
]
"""The facts of :func:`outlets_analysis` and which outlets report each."""


def _reports(rule: str, k: int, n: int) -> bool:
    return {
        "all": True,
        "not-last": k < n - 1,
        "only-B": k == 1,
        "not-A": k > 0,
        "A-and-C": k in (0, 2),
        "only-A": k == 0,
    }[rule]


def outlets_analysis(n_articles: int = 8) -> Analysis:
    """One story told by ``n_articles`` outlets with hand-made facts (independent of the matcher
    and of fact building): every outlet reports some of :data:`OUTLET_FACTS` in order; each
    shared fact is matched from its core (the first outlet reporting it) to the others, clear
    for even outlets and supported for odd ones - the way the joint analysis links many articles."""
    from reader.core.model import Fact

    articles: list[Article] = []
    where: dict[tuple[int, int], int] = {}
    for k in range(n_articles):
        paragraphs = []
        for j, (text, rule) in enumerate(OUTLET_FACTS):
            if _reports(rule, k, n_articles):
                where[(j, k)] = len(paragraphs)
                paragraphs.append(f"{text} (outlet {k + 1} writes, in its own words.)")
        articles.append(
            make_article(f"outlet-{k + 1:02d}.txt", f"Outlet {k + 1} report", paragraphs)
        )
    matches: list[Match] = []
    facts: list[Fact] = []
    for j, (text, _rule) in enumerate(OUTLET_FACTS):
        members = sorted((k, p) for (jj, k), p in where.items() if jj == j)
        core = members[0]
        for other in members[1:]:
            clear = other[0] % 2 == 0
            matches.append(
                Match(
                    core,
                    other,
                    0.8 if clear else 0.5,
                    ("istanbul",),
                    evidence="clear" if clear else "supported",
                    cue=None if clear else "best",
                )
            )
        arts = sorted({a for a, _ in members})
        facts.append(Fact(0, text, members, arts, len(arts) / n_articles))
    facts.sort(key=lambda f: min(f.members))
    for i, fact in enumerate(facts):
        fact.id = i
    mark_moved(matches)
    return Analysis(articles, matches, facts=facts)
