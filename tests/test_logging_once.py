"""Every log line is written once: Django's own loggers keep their DEBUG console handler out of
the way and pass their records to the root handler, as the application's loggers do."""

import logging

import pytest


def _handlers_reached(name: str) -> list[logging.Handler]:
    """The handlers a record logged on `name` reaches, following propagation as logging does."""
    reached, logger = [], logging.getLogger(name)
    while logger:
        reached.extend(logger.handlers)
        if not logger.propagate:
            break
        logger = logger.parent
    return reached


@pytest.mark.parametrize(
    "name", ["django.request", "django.security.csrf", "django.server", "claims.ingest", "reviews"]
)
def test_a_record_reaches_one_console_handler(name):
    # pytest's capture handlers are StreamHandlers too: count the ones the settings configure
    consoles = [h for h in _handlers_reached(name) if type(h) is logging.StreamHandler]
    assert len(consoles) == 1, consoles


def test_runserver_request_lines_keep_their_time():
    (handler,) = [h for h in logging.getLogger("django.server").handlers if type(h) is logging.StreamHandler]
    assert type(handler.formatter).__name__ == "ServerFormatter"
