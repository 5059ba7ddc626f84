"""The small-count rule on hand-made tables, including a hidden count recoverable by
subtraction unless a second cell is hidden too."""

from __future__ import annotations

from bot.evaluate.disclosure import (
    ALL,
    Sum,
    across_unit_sums,
    suppress,
    within_unit_sums,
)

#: site -> category -> count; a category partition whose row total is shown.
TABLE = {
    "a": {"yes": 40, "maybe": 3, "no": 20},   # 3 is small: and 63 - 40 - 20 would give it away
    "b": {"yes": 55, "maybe": 30, "no": 12},
    "c": {"yes": 60, "maybe": 25, "no": 18},
}
PARTS = ("yes", "maybe", "no")


def cells(table: dict[str, dict[str, int]]) -> dict[tuple[str, str], int]:
    counts = {}
    for site, row in table.items():
        for name, value in row.items():
            counts[(site, name)] = value
            counts[(ALL, name)] = counts.get((ALL, name), 0) + value
        counts[(site, "total")] = sum(row.values())
        counts[(ALL, "total")] = counts.get((ALL, "total"), 0) + sum(row.values())
    return counts


def sums_for(table: dict[str, dict[str, int]]) -> list[Sum]:
    sites = list(table)
    return (within_unit_sums([ALL, *sites], [("total", PARTS)])
            + across_unit_sums(sites, [*PARTS, "total"]))


def recoverable(counts: dict, hidden: set, sums: list[Sum]) -> set:
    """Hidden cells a reader could work out: those alone among hidden in some shown sum."""
    found = set()
    for rule in sums:
        unknown = [c for c in rule.members() if c in hidden]
        if len(unknown) == 1:
            found.add(unknown[0])
    return found


def test_counts_from_one_to_seven_are_hidden_below_programme_level() -> None:
    counts = {("a", "x"): 1, ("a", "y"): 7, ("a", "z"): 8, ("a", "w"): 0, (ALL, "x"): 5}
    hidden = suppress(counts, [], exempt=[ALL])
    assert hidden == {("a", "x"), ("a", "y")}


def test_programme_level_is_not_hidden_when_exempt_but_is_when_not() -> None:
    counts = {(ALL, "x"): 3}
    assert suppress(counts, [], exempt=[ALL]) == set()
    assert suppress(counts, [], exempt=[]) == {(ALL, "x")}


def test_a_lone_hidden_cell_in_a_row_takes_the_next_smallest_with_it() -> None:
    """Row a: 40 + * + 20 = 63 would give * = 3; hiding the next smallest (20) stops that."""
    counts = cells(TABLE)
    sums = sums_for(TABLE)
    hidden = suppress(counts, sums, exempt=[ALL])
    assert ("a", "maybe") in hidden
    assert ("a", "no") in hidden  # the next smallest in the row
    assert recoverable(counts, hidden, sums) == set()


def test_the_column_total_cannot_give_away_a_hidden_cell_either() -> None:
    """Column maybe: programme 58 = 3 + 30 + 25, so a second site's maybe must go too; and
    the same for column no once a's no was hidden."""
    counts = cells(TABLE)
    hidden = suppress(counts, sums_for(TABLE), exempt=[ALL])
    assert sum(1 for site in TABLE if (site, "maybe") in hidden) >= 2
    assert sum(1 for site in TABLE if (site, "no") in hidden) >= 2
    assert not any(cell[0] == ALL for cell in hidden)


def test_without_secondary_suppression_the_subtraction_works() -> None:
    """The attack the rule prevents: with only the primary rule, a's maybe is recoverable."""
    counts = cells(TABLE)
    sums = sums_for(TABLE)
    primary_only = {c for c, v in counts.items() if c[0] != ALL and 1 <= v <= 7}
    assert ("a", "maybe") in recoverable(counts, primary_only, sums)
    row = [counts[("a", "total")] - counts[("a", "yes")] - counts[("a", "no")]]
    assert row == [3]


def test_totals_shown_elsewhere_count_as_sums_too() -> None:
    """A total in another table (consented = stopped + gave preferences) links the cells."""
    counts = {("a", "consented"): 50, ("a", "stopped"): 5, ("a", "gave"): 45,
              ("b", "consented"): 80, ("b", "stopped"): 20, ("b", "gave"): 60}
    for name in ("consented", "stopped", "gave"):
        counts[(ALL, name)] = counts[("a", name)] + counts[("b", name)]
    sums = (within_unit_sums([ALL, "a", "b"], [("consented", ("stopped", "gave"))])
            + across_unit_sums(["a", "b"], ["consented", "stopped", "gave"]))
    hidden = suppress(counts, sums, exempt=[ALL])
    assert ("a", "stopped") in hidden and ("a", "gave") in hidden
    assert ("b", "stopped") in hidden  # else programme minus b gives a's stopped
    assert recoverable(counts, hidden, sums) == set()


def test_the_smallest_shown_part_goes_second_even_a_zero() -> None:
    """Hiding the smallest part gives away least; a hidden zero looks like any other *."""
    sums = [Sum(("a", "t"), (("a", "p"), ("a", "q"), ("a", "r")))]
    counts = {("a", "t"): 4, ("a", "p"): 4, ("a", "q"): 0, ("a", "r"): 0}
    # t and p are both small, so two hidden: nothing more is needed
    assert suppress(counts, sums) == {("a", "t"), ("a", "p")}
    counts = {("a", "t"): 12, ("a", "p"): 4, ("a", "q"): 0, ("a", "r"): 8}
    assert suppress(counts, sums) == {("a", "p"), ("a", "q")}
    counts = {("a", "t"): 20, ("a", "p"): 4, ("a", "q"): 9, ("a", "r"): 7}
    assert suppress(counts, sums) == {("a", "p"), ("a", "r")}
