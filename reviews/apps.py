from django.apps import AppConfig
from django.db.models.signals import post_migrate


def install_database_rules(sender, using, **kwargs):
    """After every migrate: the triggers of reviews.db_rules, generated from the workflow table (and
    on SQLite from the append-only list: on PostgreSQL the models' Meta.triggers and their
    migrations hold those), are (re)installed. A SQLite migration that rebuilds a table drops its
    triggers, and a change of the workflow table changes the trigger."""
    from django.db import connections

    from reviews import db_rules

    db_rules.install(connections[using])


class ReviewsConfig(AppConfig):
    name = "reviews"
    verbose_name = "Review workspace"

    def ready(self):
        from audit import visibility
        from claims.signals import catalogue_changed
        from reviews.contributions import on_catalogue_changed
        from reviews.dual_grading.selectors import blinded_events

        # A change of what a claim says reaches its open reviews (contributors, lapsed approvals).
        catalogue_changed.connect(on_catalogue_changed, dispatch_uid="reviews.on_catalogue_changed")
        # After this app's migrations; dispatch_uid keeps it single.
        post_migrate.connect(install_database_rules, sender=self, dispatch_uid="reviews.db_rules")
        # Blinded dual grading: a grader reads no event of the other's grading until both are in.
        visibility.register(blinded_events)
