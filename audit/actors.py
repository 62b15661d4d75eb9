"""Who acts when no person does: the catalogue loader and other commands run by operations.

A system actor is named explicitly by the code that acts (never inferred from a missing user), is
recorded in the audit trail under its own name, and never counts as a contributor to a review.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class SystemActor:
    name: str
    pk = None
    is_system = True

    @property
    def username(self) -> str:
        return f"system:{self.name}"

    def __str__(self):
        return self.username


CATALOGUE_LOADER = SystemActor("load_catalogue")


def is_system(actor) -> bool:
    return isinstance(actor, SystemActor)
