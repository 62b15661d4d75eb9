from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections

from reviews.app_role import AppRoleError, grant_app_role


class Command(BaseCommand):
    help = (
        "Give the application's database role (PostgreSQL) the privileges the service needs and no "
        "more: row privileges on ordinary tables, SELECT and INSERT on the append-only ones (UPDATE of a "
        "publication's status columns only), no TRUNCATE, no DDL, no ownership. Run it as the owner of "
        "the schema after every migrate (MIGRATE_DATABASE_URL selects that connection); it revokes "
        "anything broader first, then checks the result. Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument("role", help="the role the service connects as (the user of DATABASE_URL)")
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS, help="database alias (default: default)")

    def handle(self, *args, role, database, **options):
        try:
            summary = grant_app_role(connections[database], role)
        except AppRoleError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(str(summary))
