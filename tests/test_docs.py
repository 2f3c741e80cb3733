"""Docs stay honest: every command and option is in the README, every schema field on the About page."""

from __future__ import annotations

import json

import click
import pytest

from generator.cli import main
from generator.jsonschemas import DATA_KINDS as KINDS
from generator.jsonschemas import SCHEMA_DIR
from tests.conftest import REPO

README = (REPO / "README.md").read_text()
ABOUT = (REPO / "docs" / "about.md").read_text()
CONTRIBUTING = (REPO / "CONTRIBUTING.md").read_text()


def _commands() -> dict[str, click.Command]:
    """Every command by its full name; a group's subcommands as 'group sub'."""
    found = {}
    for name, command in main.commands.items():
        if isinstance(command, click.Group):
            found.update({f"{name} {sub}": c for sub, c in command.commands.items()})
        found[name] = command
    return found


@pytest.mark.parametrize("name", sorted(_commands()))
def test_every_command_and_option_is_in_the_readme(name: str) -> None:
    command = _commands()[name]
    assert f"python -m generator {name}" in README
    documented = README + CONTRIBUTING
    for param in command.params:
        if isinstance(param, click.Option) and not param.hidden and param.name not in ("root", "interactive", "ident",
                                                                                       "site_url", "site_name", "repo_url",
                                                                                       "date_text", "output"):
            assert any(opt in documented for opt in param.opts), f"{name}: {param.opts}"


def _fields(schema: dict) -> set[str]:
    names = set()

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.get("properties", {}).items():
                names.add(key)
                walk(value)
            for key in ("items", "additionalProperties"):
                if isinstance(node.get(key), dict):
                    walk(node[key])
    walk(schema)
    return names


@pytest.mark.parametrize("kind", KINDS)
def test_every_schema_field_is_documented_on_the_about_page(kind: str) -> None:
    schema = json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text())
    missing = [f for f in sorted(_fields(schema)) if f"`{f}`" not in ABOUT]
    assert missing == []


def test_every_status_and_role_is_explained() -> None:
    for word in ("confirmed", "reported", "alleged", "disputed", "expected"):
        assert f"**{word.capitalize()}**" in ABOUT
    for role in ("participant", "target", "claimant", "denier", "mentioned"):
        assert role in ABOUT and role in CONTRIBUTING
