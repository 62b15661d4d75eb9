"""The attacks use the dual-grading tests' fixtures."""

from tests.dual_grading.conftest import chief, dual_review, standard_dual_review, third

__all__ = ["chief", "dual_review", "standard_dual_review", "third"]
