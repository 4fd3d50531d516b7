"""The second 150 damaged files of the property test in test_check_means_build.py (its own examples: another test)."""

from __future__ import annotations

from tests.build.test_check_means_build import DAMAGE, FUZZ, damage_and_check, real_copy  # noqa: F401 - the fixture


@FUZZ
@DAMAGE
def test_more_damaged_files_are_reported_never_crash_and_a_passing_check_builds(real_copy, file, how, seed):  # noqa: F811
    """More random damage to one real file: the same rule, on 150 other examples, run by the other worker."""
    damage_and_check(real_copy, file, how, seed)
