"""Configuration: valid files load into frozen dataclasses; bad ones give one clear error."""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from harvester import config, config_values
from harvester.errors import ConfigError
from harvester.urls import is_same_site


def write(tmp_path: Path, text: str) -> Path:
    """Write a config file and return its path."""
    path = tmp_path / "conf" / "sources.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


MINIMAL = """
[[sources]]
name = "usip"
start_urls = ["https://www.usip.org/publications"]
"""


def test_minimal_source_gets_defaults(tmp_path: Path) -> None:
    cfg = config.load(write(tmp_path, MINIMAL))
    source = cfg.source("usip")
    assert source.start_urls == ("https://www.usip.org/publications",)
    assert source.allowed_domains == ("www.usip.org", "usip.org")
    assert cfg.settings.delay == 1.0
    assert cfg.vocabulary.type_label("special-report") == "Special Report"


def test_a_subdomain_source_also_admits_its_sites_other_hosts(tmp_path: Path) -> None:
    """A listing on "research.x.org" links its pages on "www.x.org": one site, by default."""
    cfg = config.load(write(tmp_path, MINIMAL.replace("www.usip.org", "research.usip.org")))
    domains = cfg.source("usip").allowed_domains
    assert domains == ("research.usip.org", "www.research.usip.org", "usip.org")
    assert is_same_site("https://www.usip.org/publications/2024/05/x", domains)
    assert not is_same_site("https://usip.org.example/x", domains)
    served = config.load(write(tmp_path, MINIMAL.replace("https://www.usip.org",
                                                         "http://127.0.0.1:8000")))
    assert all(d.endswith("127.0.0.1") for d in served.source("usip").allowed_domains)


def test_paths_are_relative_to_the_config_file(tmp_path: Path) -> None:
    cfg = config.load(write(tmp_path, '[settings]\ndata_dir = "d"\nout_dir = "../o"\n' + MINIMAL))
    assert cfg.settings.data_dir == (tmp_path / "conf" / "d").resolve()
    assert cfg.settings.out_dir == (tmp_path / "o").resolve()


def test_command_line_dirs_override(tmp_path: Path) -> None:
    cfg = config.load(write(tmp_path, MINIMAL), data_dir=tmp_path / "x", out_dir=tmp_path / "y")
    assert (cfg.settings.data_dir, cfg.settings.out_dir) == (tmp_path / "x", tmp_path / "y")


def test_recheck_and_breaker_settings_load(tmp_path: Path) -> None:
    text = ("[settings]\nrecheck_days = 2\nrecheck_share = 0\nbreaker_failures = 3\n"
            "breaker_cooldown = 30\n" + MINIMAL)
    s = config.load(write(tmp_path, text)).settings
    assert (s.recheck_days, s.recheck_share, s.breaker_failures, s.breaker_cooldown) == (
        2.0, 0.0, 3, 30.0)
    defaults = config.load(write(tmp_path, MINIMAL)).settings
    assert (defaults.recheck_days, defaults.recheck_share) == (7.0, 0.05)


def test_config_is_frozen(tmp_path: Path) -> None:
    cfg = config.load(write(tmp_path, MINIMAL))
    with pytest.raises(dataclasses.FrozenInstanceError):
        cfg.settings.delay = 0  # type: ignore[misc]


def test_rules_accept_css_xpath_and_lists(tmp_path: Path) -> None:
    text = MINIMAL + (
        'rules = { title = "h1.title", authors = ["xpath://a[@rel=\'author\']", ".by a"] }\n'
    )
    rules = config.load(write(tmp_path, text)).source("usip").rules
    assert rules == {"title": ("h1.title",), "authors": ("xpath://a[@rel='author']", ".by a")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[settings]\ndelay = 'slow'\n" + MINIMAL, "settings.delay: expected a number"),
        ("[settings]\ncolour = 1\n" + MINIMAL, "unknown key settings.colour"),
        ("[settings]\ntimeout = 0\n" + MINIMAL, "settings.timeout must be greater than 0"),
        ("[settings]\nschedule = 'often'\n" + MINIMAL, "settings.schedule 'often'"),
        ("[[sources]]\nname = 'x'\n", "sources.x.start_urls: expected at least one"),
        ("[[sources]]\nname = 'Bad Name'\nstart_urls = ['https://a.org']\n",
         "name: expected a lowercase"),
        ("[[sources]]\nname = 'x'\nstart_urls = ['ftp://a.org']\n", "is not an http(s) URL"),
        (MINIMAL + "link_pattern = '(unclosed'\n", "usip.link_pattern: not a valid regular"),
        (MINIMAL + "rules = { title = 'h1[' }\n", "sources.usip.rules.title: invalid selector"),
        (MINIMAL + "rules = { colour = 'h1' }\n", "sources.usip.rules.colour: unknown field"),
        (MINIMAL + "max_pages = -1\n", "sources.usip.max_pages must be greater than 0"),
        ("[settings]\ndelay = nan\n" + MINIMAL, "settings.delay must be a finite number"),
        ("[settings]\nrecheck_days = inf\n" + MINIMAL, "settings.recheck_days must be a finite"),
        ("[settings]\nrecheck_days = -1\n" + MINIMAL, "settings.recheck_days must not be neg"),
        ("[settings]\nrecheck_share = 2\n" + MINIMAL, "settings.recheck_share must be between"),
        ("[settings]\nbreaker_failures = 0\n" + MINIMAL,
         "settings.breaker_failures must be greater than 0"),
        ("[settings]\nbreaker_cooldown = -inf\n" + MINIMAL, "settings.breaker_cooldown must be"),
        (MINIMAL + "delay = nan\n", "sources.usip.delay must be a finite number"),
        (MINIMAL + MINIMAL, "two sources are named 'usip'"),
        ("[[sources]\n", "not valid TOML"),
    ],
)
def test_bad_config_names_file_key_and_expectation(
    tmp_path: Path, text: str, expected: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        config.load(path)
    message = str(info.value)
    assert str(path) in message and expected in message
    assert "\n" not in message


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="configuration file not found"):
        config.load(tmp_path / "nope.toml")


def test_unknown_source_lists_known_names(tmp_path: Path) -> None:
    cfg = config.load(write(tmp_path, MINIMAL))
    with pytest.raises(ConfigError, match=r"no source named 'x' \(configured: usip\)"):
        cfg.source("x")


def test_shipped_config_loads_with_usip_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    cfg = config.load()
    assert cfg.sources[0].name == "usip"
    assert cfg.settings.out_dir == (tmp_path / "out").resolve()


@pytest.mark.parametrize(
    ("text", "seconds"), [("6h", 21600), ("30m", 1800), ("45s", 45), ("1d", 86400)]
)
def test_intervals(text: str, seconds: float) -> None:
    assert config_values.parse_interval(text) == seconds


def test_cron_is_a_schedule_and_prose_is_not() -> None:
    assert config_values.is_schedule("0 */6 * * *") and not config_values.is_schedule("every day")


@pytest.mark.parametrize("text", ["61 * * * *", "0 9 * * 8", "0 25 * * *"])
def test_cron_the_scheduler_cannot_run_is_refused_at_load(text: str) -> None:
    assert not config_values.is_schedule(text)


def test_the_shipped_config_is_found_in_an_installed_copy(tmp_path: Path) -> None:
    """Installed from a wheel (`pip install .`, the quick start), the config ships as the
    data-only package harvester/default_config; commands run anywhere find it there."""
    repo = Path(__file__).resolve().parents[1]
    site = tmp_path / "site"
    shutil.copytree(repo / "harvester", site / "harvester",
                    ignore=shutil.ignore_patterns("__pycache__", "demo"))
    shutil.copytree(repo / "config", site / "harvester" / "default_config")
    elsewhere = tmp_path / "work"
    elsewhere.mkdir()
    code = "from harvester import config; print(config.load().path)"
    done = subprocess.run([sys.executable, "-c", code], cwd=elsewhere, capture_output=True,
                          text=True, env={**os.environ, "PYTHONPATH": str(site)}, timeout=60)
    assert done.returncode == 0, done.stderr
    assert Path(done.stdout.strip()) == site / "harvester" / "default_config" / "sources.toml"
