import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from core import roles
from core.tokens import token_issue, token_revoke_all
from reviews.demo import load_demo_reviews

# username -> (group, staff); "admin" is the superuser.
DEMO_ACCOUNTS = {
    "reviewer": (roles.REVIEWER, True),
    "reviewer2": (roles.REVIEWER, True),
    "senior": (roles.SENIOR_REVIEWER, True),
    "senior2": (roles.SENIOR_REVIEWER, True),  # a second senior: one adjudicates, the other approves
    "content": (roles.CONTENT_READER, False),
    "auditor": (roles.AUDITOR, True),
    "admin": (None, True),
}


class Command(BaseCommand):
    help = "Create one DEMO account per role (and demo reviews). Refused unless DEBUG is on."

    def add_arguments(self, parser):
        parser.add_argument("--accounts-only", action="store_true", help="create the demo accounts but no demo reviews")
        parser.add_argument(
            "--base-url", default="http://127.0.0.1:8000", help="where the service will run, for the printed curl line"
        )

    @transaction.atomic
    def handle(self, *args, accounts_only=False, **options):
        if not settings.DEBUG:
            raise CommandError(
                "load_demo creates accounts with a known password: refused because DEBUG is off (production settings)."
            )
        password = os.environ.get("DEMO_PASSWORD", "review-demo-2026")
        User = get_user_model()
        for username, (group_name, staff) in DEMO_ACCOUNTS.items():
            user, created = User.objects.get_or_create(username=username)
            user.is_staff = staff
            user.is_superuser = username == "admin"
            user.first_name, user.last_name = username, "(demo)"
            user.email = f"{username}@demo.invalid"
            user.set_password(password)
            user.save()
            if group_name:
                user.groups.set([Group.objects.get(name=group_name)])
            self.stdout.write(f"{'created' if created else 'updated'} demo account {username}")
        if accounts_only:
            return
        users = {u.username: u for u in User.objects.filter(username__in=DEMO_ACCOUNTS)}
        reviews = load_demo_reviews(reviewer=users["reviewer"], reviewer2=users["reviewer2"], senior=users["senior"])
        if reviews:
            for review in reviews:
                self.stdout.write(f"demo review #{review.pk}: {review.claim} -> {review.state}")
        else:
            self.stdout.write("demo reviews already present: left as they are")
        # A fresh content token each run (tokens are stored hashed and cannot be shown again).
        token_revoke_all(user=users["content"])
        token = token_issue(user=users["content"])
        self.stdout.write(f"content API token (demo account 'content'): {token}")
        self.stdout.write(f"  curl -H 'Authorization: Token {token}' {options['base_url'].rstrip('/')}/api/v1/claims/")
