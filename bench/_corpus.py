"""A synthetic content corpus and the configurations to build it, for the benchmarks.

The corpus has the shape of real content (every field of the schemas used,
texts of realistic lengths in each language's script, links between sheets,
sections and stories) but its words are made up: it is never published.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load

from returnsite import ROOT
from returnsite.content import country_codes, section_keys
from returnsite.languages import load_languages

SPEED_HOOK = "hooks/build_speed_hook.py"

# Syllables (or characters) per writing system, to give pages the byte size
# and character mix of real translations.
_SCRIPTS = {
    "latin": "ka ro men ti sa le du ne bor vi la po ru ta mi ser do ni gal ve",
    "cyrillic": "ка ро мен ти са ле ду не бор ви ла по ру та ми сер до ни гал ве",
    "arabic": "كا رو من تي سا لي دو نى بور في لا بو رو تا مي سير دو ني غال",
    "han": " ".join("的一是在不了有和人这中大为上个国我以要他时来用们生到作地"),
    "ethiopic": " ".join("ሀለሐመሠረሰሸቀበተቸኀነኘአከኸወዐዘዠየደጀገጠጨጰጸፀፈፐ"),
}
_SCRIPT_OF = {
    "sr": "cyrillic",
    "uk": "cyrillic",
    "ru": "cyrillic",
    "mn": "cyrillic",
    "ar": "arabic",
    "fa": "arabic",
    "ps": "arabic",
    "zh": "han",
    "am": "ethiopic",
    "ti": "ethiopic",
}
SUPPORT = ["small_business", "housing", "work", "health", "education"]


@dataclass(frozen=True)
class CorpusSize:
    sheets: int
    stories: int
    languages: int
    files: int
    bytes: int


class _Text:
    """Made-up words in one language's script, from a seeded generator."""

    def __init__(self, code: str, rng: random.Random) -> None:
        self.script = _SCRIPT_OF.get(code, "latin")
        self.pieces = _SCRIPTS[self.script].split()
        self.rng = rng

    def words(self, count: int) -> str:
        if self.script in ("han", "ethiopic"):
            # No spaces between words in Chinese; Ethiopic words are short.
            size = 2 if self.script == "han" else 3
            text = "".join(self.rng.choice(self.pieces) for _ in range(count * size))
            if self.script == "ethiopic":
                text = " ".join(text[i : i + 3] for i in range(0, len(text), 3))
            return text
        return " ".join(
            "".join(self.rng.choice(self.pieces) for _ in range(self.rng.randint(1, 3)))
            for _ in range(count)
        )

    def sentence(self, low: int = 8, high: int = 20) -> str:
        text = self.words(self.rng.randint(low, high))
        return text[:1].upper() + text[1:] + "."

    def paragraph(self, words: int) -> str:
        sentences = []
        while words > 0:
            length = min(words, self.rng.randint(8, 20))
            sentences.append(self.sentence(length, length))
            words -= length
        return " ".join(sentences)


def _block(value: str) -> bool:
    return "\n" in value


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # libyaml when present
    pass


_Dumper.add_representer(
    str,
    lambda dumper, value: dumper.represent_scalar(
        "tag:yaml.org,2002:str", value, style="|" if _block(value) else None
    ),
)


def _dump(path: Path, data: dict) -> int:
    text = "# Synthetic benchmark content (bench/_corpus.py): not real information.\n"
    text += yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return len(text.encode("utf-8"))


def _named_in_every_language(country: str) -> bool:
    # CLDR has no Pulaar or Lingala name for some territories (e.g. aq, xk, mk);
    # the build's country names need one (see the benchmark's notes in bench/README.md).
    return all(country.upper() in lang.locale.territories for lang in load_languages())


def write_corpus(root: Path, sheets: int = 100, stories: int = 300, seed: int = 1) -> CorpusSize:
    """Write ``country_sheets/`` and ``return_stories/`` under ``root``, every text
    in every language of the site."""
    rng = random.Random(seed)
    codes = [lang.code for lang in load_languages()]
    countries = [code for code in sorted(country_codes()) if _named_in_every_language(code)]
    countries = countries[:sheets]
    sections = section_keys()
    today = dt.date.today()
    names = [f"{countries[i % len(countries)]}-{2010 + i % 14}-story{i}" for i in range(stories)]
    by_country: dict[str, list[str]] = {}
    for name in names:
        by_country.setdefault(name.split("-", 1)[0], []).append(name)
    size = 0
    files = 0

    for index, country in enumerate(countries):
        projects = [f"project_{n}" for n in range(rng.randint(0, 3))]
        reviewed = today - dt.timedelta(days=rng.randint(10, 700))
        review = {"review": {"date": reviewed, "by": "Synthetic Reviewer"}} if index % 3 else {}
        facts = {
            "country": country,
            "status": "reviewed" if index % 3 else "draft",
            **review,
            "partners": ["Synthetic Partner One", "Synthetic Partner Two"],
            "projects": [
                {"key": key, "name": f"Synthetic project {key}", "partner": "Synthetic Partner"}
                for key in projects
            ],
            "sources": [
                {
                    "title": f"Synthetic source {n}",
                    "publisher": "Synthetic publisher",
                    "url": f"https://www.example.org/source-{country}-{n}",
                    "date": today - dt.timedelta(days=rng.randint(30, 900)),
                }
                for n in range(3)
            ],
        }
        size += _dump(root / "country_sheets" / country / "sheet.yml", facts)
        files += 1
        for code in codes:
            text = _Text(code, rng)
            written = rng.sample(sections, k=min(len(sections), 10))
            texts = {}
            for key in sections:
                if key not in written:
                    continue
                parts = [text.paragraph(rng.randint(60, 140)) for _ in range(rng.randint(1, 2))]
                parts.append("\n".join(f"- {text.sentence(4, 10)}" for _ in range(3)))
                other = countries[(index + 1) % len(countries)]
                parts.append(f"{text.sentence()} [{text.words(3)}](sheet:{other}#{key}).")
                if by_country.get(country):
                    parts.append(f"[{text.words(4)}](story:{by_country[country][0]})")
                texts[key] = "\n\n".join(parts) + "\n"
            document = {
                "summary": text.paragraph(35),
                "sections": texts,
                "projects": {key: text.paragraph(60) for key in projects},
            }
            size += _dump(root / "country_sheets" / country / f"{code}.yml", document)
            files += 1

    for name in names:
        country = name.split("-", 1)[0]
        story = {
            "country": country,
            "year_of_return": int(name.split("-")[1]),
            "support_used": rng.sample(SUPPORT, k=rng.randint(1, 3)),
            "partner": "Synthetic Partner",
            "example": True,
            "texts": {},
        }
        for code in codes:
            text = _Text(code, rng)
            paragraphs = [text.paragraph(rng.randint(60, 110)) for _ in range(rng.randint(4, 6))]
            paragraphs.append(f"{text.sentence()} [{text.words(3)}](sheet:{country}#work).")
            story["texts"][code] = {
                "title": text.sentence(4, 7).rstrip("."),
                "body": "\n\n".join(paragraphs) + "\n",
            }
        size += _dump(root / "return_stories" / f"{name}.yml", story)
        files += 1
    return CorpusSize(len(countries), len(names), len(codes), files, size)


def scaled_docs(target: Path, copies: int) -> Path:
    """A copy of the project's docs/ with every programme page but the home page
    also written ``copies`` more times (``faq-1.md`` ...), in every language folder."""
    shutil.copytree(ROOT / "docs", target)
    for page in sorted(target.glob("*/*.md")):
        if page.stem == "index":
            continue
        for n in range(1, copies + 1):
            shutil.copyfile(page, page.with_name(f"{page.stem}-{n}.md"))
    return target


def build_config(
    folder: Path,
    content_root: Path,
    docs_dir: Path | None = None,
    speedups: bool = True,
) -> Path:
    """A mkdocs.yml inheriting the project's, with absolute paths, reading its
    content from ``content_root``; ``speedups`` adds or removes the build speed hook."""
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as file:
        project = yaml_load(file)
    hooks = [hook for hook in project.get("hooks", []) if hook != SPEED_HOOK]
    if speedups:
        hooks.append(SPEED_HOOK)
    config = {
        "INHERIT": str(ROOT / "mkdocs.yml"),
        "docs_dir": str(docs_dir or ROOT / "docs"),
        "theme": {"custom_dir": str(ROOT / "overrides")},
        "hooks": [str(ROOT / hook) for hook in hooks],
        "watch": [str(content_root)],
        "extra": {"content_root": str(content_root)},
    }
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / ("mkdocs.yml" if speedups else "mkdocs-without-speedups.yml")
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path
