"""What the catalogue tells the apps built on it, without knowing them."""

from django.dispatch import Signal

# A write changed what some claims say (their remedy's classification, risk tier or aliases, the
# claim itself, or its quotes and sources). Sent inside the writing service's transaction, after its
# audit event, with: actor, claims (a Q over Claim selecting them), event_type, cause (in words).
# Receivers run in that transaction: one that raises undoes the write.
catalogue_changed = Signal()
