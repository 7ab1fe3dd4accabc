"""pytest fixtures for testing a Smarthub API client against smarthub-sim.

Installing the distribution registers the plugin (entry point ``pytest11``); the fixtures
``smarthub_server`` and ``smarthub`` are then available in every test.
"""

from .server import SmarthubServer
from .tenant import SmarthubTenant
from .webhook import SignatureError, WebhookReceiver

__all__ = ["SmarthubServer", "SmarthubTenant", "WebhookReceiver", "SignatureError"]
