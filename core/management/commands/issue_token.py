from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from core.errors import NotAllowed
from core.tokens import token_issue, token_revoke_all


class Command(BaseCommand):
    help = "Print a new API token for USERNAME (shown once), or with --revoke revoke all of its tokens."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--revoke", action="store_true", help="revoke every token of the user")

    def handle(self, *args, username, revoke, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"no such user: {username}")
        if revoke:
            count = token_revoke_all(user=user)
            self.stdout.write(f"revoked {count} token(s) of {username}")
            return
        try:
            self.stdout.write(token_issue(user=user))
        except NotAllowed as exc:
            raise CommandError(str(exc)) from exc
