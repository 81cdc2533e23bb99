"""pyproject.toml is the single source of dependencies; environment.yml mirrors it."""

import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _pyproject_deps() -> list[str]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text())
    return data["project"]["dependencies"]


def _environment_pip_deps() -> list[str]:
    lines = (ROOT / "environment.yml").read_text().splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == "- pip:")
    deps = []
    for line in lines[start + 1:]:
        text = line.strip()
        if not text.startswith("- "):
            break
        deps.append(text[2:].strip().strip('"'))
    return deps


def test_environment_yml_mirrors_pyproject():
    env = _environment_pip_deps()
    runtime = [d for d in env if not d.startswith("-e")]
    assert runtime == _pyproject_deps()
    assert "-e .[test,lab,dev]" in env


def test_environment_yml_python_matches_requires_python():
    data = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert data["project"]["requires-python"].startswith(">=3.11")
    assert "  - python=3.11" in (ROOT / "environment.yml").read_text().splitlines()


@pytest.mark.parametrize("extra", ["test", "lab", "dev"])
def test_extras_exist(extra):
    data = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert data["project"]["optional-dependencies"][extra]


def test_console_script_declared():
    data = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert data["project"]["scripts"]["potensi"] == "potensi.cli:main"


def test_makefile_help_is_default_and_documents_setup():
    makefile = (ROOT / "Makefile").read_text()
    assert ".DEFAULT_GOAL := help" in makefile
    readme = (ROOT / "README.md").read_text()
    assert "make report" in readme and "make test" in readme
