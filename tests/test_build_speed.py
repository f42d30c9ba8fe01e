"""returnsite.build_speed: the faster alternates give exactly mkdocs-static-i18n's
result, and compiled templates are reused only while their source is unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import build_site
from jinja2 import DictLoader, Environment
from mkdocs.config import load_config
from mkdocs.structure.files import File, get_files
from mkdocs_static_i18n import folder

from returnsite import ROOT
from returnsite.build_speed import TemplateCodeCache, folder_locale, install_fast_alternates

LANGUAGES = ["en", "fr", "nl", "de"]

# A small site with every case: pages translated or not, a page only in
# French, a page in a sub-folder, localized assets and a shared asset.
SMALL_SITE = {
    "en/index.md": "# Home",
    "en/a.md": "# A",
    "en/sub/b.md": "# B",
    "en/img.png": "png",
    "fr/index.md": "# Accueil",
    "fr/a.md": "# A fr",
    "fr/only-fr.md": "# Seulement en français",
    "fr/img.png": "png fr",
    "nl/sub/b.md": "# B nl",
    "assets/shared.css": "body {}",
}


def _small_site(tmp_path: Path, speedups: bool) -> Path:
    docs = tmp_path / "docs"
    for name, text in SMALL_SITE.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, encoding="utf-8")
    config = {
        "site_name": "Small",
        "site_url": "https://www.example.org/small/",
        "docs_dir": str(docs),
        "theme": {"name": "mkdocs"},
        "plugins": [
            {
                "i18n": {
                    "docs_structure": "folder",
                    "fallback_to_default": True,
                    "languages": [
                        {"locale": code, "name": code, "default": code == "en", "build": True}
                        for code in LANGUAGES
                    ],
                }
            }
        ],
        "hooks": [str(ROOT / "hooks" / "build_speed_hook.py")] if speedups else [],
    }
    path = tmp_path / ("fast.yml" if speedups else "original.yml")
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    return path


def _alternates(config_file: Path, speedups: bool, rounds: int = 2) -> list:
    """Every file's alternates in every language build, as comparable tuples."""
    config = load_config(str(config_file))
    plugin = config.plugins["i18n"]
    if speedups:
        assert install_fast_alternates(plugin)
    seen = []
    for _ in range(rounds):  # the second round uses the cached File objects
        for code in plugin.build_languages:
            plugin.current_language = code
            for file in plugin.reconfigure_files(get_files(config), config):
                for lang, alternate in getattr(file, "alternates", {}).items():
                    seen.append(
                        (
                            code,
                            file.src_uri,
                            lang,
                            alternate.src_uri,
                            alternate.dest_uri,
                            alternate.url,
                            alternate.abs_dest_path,
                            alternate.locale,
                            alternate.localization,
                            alternate.locale_alternate_of,
                            alternate.norm_src_uri,
                        )
                    )
    return seen


def test_alternates_are_the_plugins_on_a_small_site(tmp_path):
    original = _alternates(_small_site(tmp_path, speedups=False), speedups=False)
    fast = _alternates(_small_site(tmp_path, speedups=False), speedups=True)
    assert fast == original
    # The cases are there: a fallback, a page only in French, a folder's translation.
    assert ("de", "en/a.md", "de", "en/a.md", "de/a/index.html") in [row[:5] for row in fast]
    assert ("nl", "nl/sub/b.md", "fr", "en/sub/b.md", "fr/sub/b/index.html") in [
        row[:5] for row in fast
    ]
    assert not [row for row in fast if row[1] == "fr/only-fr.md" and row[2] != "fr"]


def test_alternates_are_the_plugins_on_the_project_pages():
    config_file = ROOT / "mkdocs.yml"
    assert _alternates(config_file, speedups=True, rounds=1) == _alternates(
        config_file, speedups=False, rounds=1
    )


def test_sitemap_is_the_same_with_the_faster_alternates(tmp_path):
    sitemaps = []
    for speedups in (False, True):
        site = tmp_path / f"site-{speedups}"
        result = build_site(site, "-f", str(_small_site(tmp_path, speedups)))
        assert result.returncode == 0, result.stderr
        sitemaps.append((site / "sitemap.xml").read_text(encoding="utf-8"))
    assert sitemaps[0] == sitemaps[1]
    assert 'hreflang="de" href="https://www.example.org/small/de/a/"' in sitemaps[1]


@pytest.mark.parametrize(
    "path",
    [
        "en/index.md",
        "fr/faq.md",
        "nl/sub/page.md",
        "de/a.md",  # a configured language without a folder of its own
        "pt/page.md",  # a folder named like a locale that is not configured
        "pt-BR/page.md",
        "assets/site.css",
        "index.md",
        "ENGLISH/page.md",
    ],
)
def test_folder_locale_is_the_plugins(tmp_path, path):
    config = load_config(str(_small_site(tmp_path, speedups=False)))
    file = File(path, config.docs_dir, config.site_dir, config.use_directory_urls)
    expected = folder.create_i18n_file(file, "fr", "en", LANGUAGES, config).locale
    assert folder_locale(path, "en", LANGUAGES) == expected


def test_install_keeps_the_plugins_method_for_the_suffix_structure(tmp_path):
    config = load_config(str(_small_site(tmp_path, speedups=False)))
    plugin = config.plugins["i18n"]
    plugin.config.docs_structure = "suffix"
    assert install_fast_alternates(plugin) is False
    assert "reconfigure_files_alternates" not in vars(plugin)


def _counting_environment(templates: dict[str, str], cache: TemplateCodeCache):
    env = Environment(loader=DictLoader(templates), bytecode_cache=cache)
    compiled: list[str] = []
    compile_ = env.compile

    def counting(source, name=None, filename=None, *args, **kwargs):
        compiled.append(name)
        return compile_(source, name, filename, *args, **kwargs)

    env.compile = counting
    return env, compiled


def test_templates_are_compiled_once_for_all_environments():
    cache = TemplateCodeCache()
    first, first_compiled = _counting_environment({"page.html": "{{ 1 + 1 }}"}, cache)
    second, second_compiled = _counting_environment({"page.html": "{{ 1 + 1 }}"}, cache)
    assert first.get_template("page.html").render() == "2"
    assert second.get_template("page.html").render() == "2"
    assert (first_compiled, second_compiled) == (["page.html"], [])


def test_a_changed_template_is_compiled_again():
    cache = TemplateCodeCache()
    first, _ = _counting_environment({"page.html": "{{ 1 + 1 }}"}, cache)
    first.get_template("page.html")
    changed, compiled = _counting_environment({"page.html": "{{ 2 + 2 }}"}, cache)
    assert changed.get_template("page.html").render() == "4"
    assert compiled == ["page.html"]


@pytest.mark.parametrize("current", ["fr", "en", "de"])
@pytest.mark.parametrize("fallback", [True, False])
@pytest.mark.parametrize(
    "path",
    [
        "index.md",
        ".",
        "",
        "a.md",
        "sub/b.md",
        "only-fr.md",
        "img.png",
        "fr/a.md",
        "fr",
        "en/sub/b.md",
        "en",
        "nl/sub/b.md",
        "assets/shared.css",
        "./a.md",
        "sub//b.md",
        "sub/./b.md",
        "fr/",
        ".",
        "",
        "french/a.md",
        "missing.md",
    ],
)
def test_file_lookup_is_the_plugins(tmp_path, current, fallback, path):
    from mkdocs_static_i18n.folder import I18nFiles

    from returnsite.build_speed import fast_file_lookup, plugin_file_lookup

    config = load_config(str(_small_site(tmp_path, speedups=False)))
    plugin = config.plugins["i18n"]
    plugin.config.fallback_to_default = fallback
    plugin.current_language = current
    files = I18nFiles(plugin, get_files(config))
    expected = plugin_file_lookup(files, path)
    assert fast_file_lookup(files, path) is expected
    if path in ("a.md", "fr/a.md", "sub/b.md") and fallback:
        assert expected is not None  # the cases find a file
