"""Blinded dual grading, the reads: what two independent gradings disagree on (compare), who may see
which grading and which audit events until both are submitted, and the conflict gate's readiness
(selectors). The writes are reviews.services.dual_grading and reviews.services.disagreements."""
