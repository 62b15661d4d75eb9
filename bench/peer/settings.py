"""The app's settings (config.settings), plus the stock-DRF peer: DRF's own token app, and the
peer's URLs mounted next to the app's (bench.peer.urls). Nothing the API itself uses changes."""

from config import settings as _app
from config.settings import *  # noqa: F403

INSTALLED_APPS = [*_app.INSTALLED_APPS, "rest_framework.authtoken"]

APP_URLCONF = _app.ROOT_URLCONF
ROOT_URLCONF = "bench.peer.urls"

# DRF's stock per-user throttle, for the peer, at the rate the API's throttle runs at.
REST_FRAMEWORK = {
    **_app.REST_FRAMEWORK,
    "DEFAULT_THROTTLE_RATES": {
        **_app.REST_FRAMEWORK.get("DEFAULT_THROTTLE_RATES", {}),
        "user": _app.REST_FRAMEWORK.get("DEFAULT_THROTTLE_RATES", {}).get("token", "600/min"),
    },
}
