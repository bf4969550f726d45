"""Every list of states and kinds is the one in core/vocabulary.py: the command's choices,
the database's constraints and the services' checks cannot drift apart."""

from __future__ import annotations

import click
import pytest
from sqlalchemy import CheckConstraint

from claimcheck.cli import main
from claimcheck.core import vocabulary
from claimcheck.store.models import Base

# (command, option or argument): the vocabulary its choices are.
CHOICES = {
    (("claims",), "kind"): vocabulary.CLAIM_KINDS,
    (("claims",), "status"): vocabulary.STATUSES,
    (("export",), "kind"): vocabulary.CLAIM_KINDS,
    (("export",), "status"): vocabulary.STATUSES,
    (("verdict",), "status"): vocabulary.STATUSES,
    (("link",), "relation"): vocabulary.RELATIONS,
    (("sources",), "kind"): vocabulary.SOURCE_KINDS,
    (("sources", "kind"), "kind"): vocabulary.SOURCE_KINDS,
}

VOCABULARIES = [
    value for name, value in vars(vocabulary).items() if name.isupper() and isinstance(value, tuple)
]


def _command(path: tuple[str, ...]) -> click.Command:
    command: click.Command = main
    for name in path:
        assert isinstance(command, click.Group)
        found = command.get_command(click.Context(command), name)
        assert found is not None, name
        command = found
    return command


def _choices(command: click.Command, name: str) -> tuple[str, ...]:
    (param,) = [p for p in command.params if p.name == name]
    assert isinstance(param.type, click.Choice)
    return tuple(str(choice) for choice in param.type.choices)


@pytest.mark.parametrize(("path", "name"), list(CHOICES), ids=lambda v: str(v))
def test_a_commands_choices_are_the_vocabulary(path: tuple[str, ...], name: str) -> None:
    assert _choices(_command(path), name) == CHOICES[(path, name)]


def _every_choice() -> list[tuple[tuple[str, ...], str]]:
    found: list[tuple[tuple[str, ...], str]] = []

    def walk(command: click.Command, path: tuple[str, ...]) -> None:
        for param in command.params:
            if isinstance(param.type, click.Choice) and param.name is not None:
                found.append((path, param.name))
        if isinstance(command, click.Group):
            context = click.Context(command)
            for name in command.list_commands(context):
                sub = command.get_command(context, name)
                assert sub is not None, name
                walk(sub, (*path, name))

    walk(main, ())
    return found


def test_every_choice_that_names_states_or_kinds_is_listed_above() -> None:
    """A new option offering statuses, kinds or relations is checked too, not missed."""
    for path, name in _every_choice():
        choices = set(_choices(_command(path), name))
        # ("document" is a sort order as well as a source kind.)
        if any(choices <= set(words) or len(choices & set(words)) > 1 for words in VOCABULARIES):
            assert (path, name) in CHOICES, (path, name, sorted(choices))


def test_the_databases_constraints_allow_exactly_the_vocabulary() -> None:
    expected = {
        ("claims", "kind"): vocabulary.CLAIM_KINDS,
        ("claims", "status"): vocabulary.STATUSES,
        ("clusters", "status"): vocabulary.STATUSES,
        ("cluster_members", "state"): vocabulary.MEMBER_STATES,
        ("claim_pairs", "state"): vocabulary.PAIR_STATES,
        ("families", "status"): vocabulary.FAMILY_STATUSES,
        ("sources", "kind"): vocabulary.SOURCE_KINDS,
        ("attributions", "role"): vocabulary.ROLES,
        ("links", "relation"): vocabulary.RELATIONS,
    }
    found: dict[tuple[str, str], tuple[str, ...]] = {}
    for table in Base.metadata.sorted_tables:
        for constraint in table.constraints:
            if isinstance(constraint, CheckConstraint) and " IN (" in str(constraint.sqltext):
                column, values = str(constraint.sqltext).split(" IN (")
                found[(table.name, column)] = tuple(v.strip(" '") for v in values[:-1].split(","))
    assert found == expected


def test_decided_pairs_and_members_are_pair_states() -> None:
    assert set(vocabulary.DECIDED) < set(vocabulary.PAIR_STATES)
    assert set(vocabulary.MEMBER_STATES) < set(vocabulary.PAIR_STATES)


def test_what_is_said_of_each_state_or_kind_names_only_the_vocabulary() -> None:
    """Maps and subsets keyed by states or kinds elsewhere: a word renamed in the vocabulary
    must be renamed there too."""
    from claimcheck.core.registry import MEDIA_KINDS
    from claimcheck.reports.claimreview import PEOPLE, RATINGS
    from claimcheck.services.reporting import SUPPORTING
    from claimcheck.tui.queue_table import STATUS_STYLE

    assert tuple(STATUS_STYLE) == vocabulary.STATUSES
    assert set(RATINGS) < set(vocabulary.STATUSES)
    assert set(SUPPORTING) < set(vocabulary.RELATIONS)
    assert set(PEOPLE) | set(MEDIA_KINDS) < set(vocabulary.SOURCE_KINDS)
