"""Disclosure control: small counts below programme level are hidden, and so is anything that
would let a hidden count be worked out by subtraction.

A table is a set of cells, each a count for one unit (a site, or a month) and one cell name, and
a set of sums the reader can see: "this total is the sum of these parts". The rule:

1. primary: every count from 1 to 7 of a unit below programme level is hidden;
2. secondary: whenever a sum has exactly one hidden member, the smallest shown member of that
   sum below programme level is hidden too (a zero as well: the reader cannot tell it from
   any other hidden count, and it gives away least), since otherwise the hidden one is the
   total minus the rest; repeated until no sum has exactly one hidden member.

Programme-level cells (the unit ``ALL``) are always shown when they sum two or more units; the
sums across units (programme = sum of its sites) are covered by step 2 like any other.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

ALL = "all"
SMALLEST_SHOWN = 8

Cell = tuple[str, str]  # (unit, cell name)


@dataclass(frozen=True)
class Sum:
    """A total the reader can see, and the parts it is the sum of."""

    total: Cell
    parts: tuple[Cell, ...]

    def members(self) -> tuple[Cell, ...]:
        return (self.total, *self.parts)


def within_unit_sums(units: Iterable[str],
                     shapes: Iterable[tuple[str, tuple[str, ...]]]) -> list[Sum]:
    """The same sums (total name, part names) repeated for every unit."""
    shapes = list(shapes)
    return [Sum((unit, total), tuple((unit, part) for part in parts))
            for unit in units for total, parts in shapes]


def across_unit_sums(units: Iterable[str], names: Iterable[str]) -> list[Sum]:
    """For every cell name: the programme's count is the sum of the units' counts."""
    units = [u for u in units if u != ALL]
    return [Sum((ALL, name), tuple((unit, name) for unit in units)) for name in names]


def suppress(counts: Mapping[Cell, int], sums: Iterable[Sum], exempt: Iterable[str] = ()
             ) -> set[Cell]:
    """The cells to hide. ``exempt`` units (the programme) are never hidden."""
    exempt = set(exempt)
    hidden = {cell for cell, value in counts.items()
              if cell[0] not in exempt and 1 <= value < SMALLEST_SHOWN}
    sums = list(sums)
    sums_of: dict[Cell, list[int]] = {}
    for index, rule in enumerate(sums):
        for cell in rule.members():
            sums_of.setdefault(cell, []).append(index)
    # Only sums touching a newly hidden cell can change: check those again (a work list).
    pending = {i for cell in hidden for i in sums_of.get(cell, ())}
    while pending:
        members = sums[pending.pop()].members()
        if sum(cell in hidden for cell in members) != 1:
            continue
        candidates = [cell for cell in members if cell not in hidden and cell[0] not in exempt]
        if not candidates:
            continue  # only exempt cells left: nothing below programme level to protect
        pick = min(candidates, key=lambda cell: (counts.get(cell, 0), cell))
        hidden.add(pick)
        pending.update(sums_of.get(pick, ()))
    return hidden
