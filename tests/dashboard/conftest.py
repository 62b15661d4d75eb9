"""The demo (load_demo over the catalogue every test has), its people by username, and a client
logged in as one of them."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client


@pytest.fixture
def demo(settings, db):
    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())
    return {user.username: user for user in get_user_model().objects.all()}


@pytest.fixture
def login():
    def as_user(user) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return as_user
