"""The audit chain's keys: the current one signs, the retired ones still verify.

Every event's hash, every anchor and every export's closing line is an HMAC-SHA256 under a key
that comes from the environment (settings.AUDIT_CHAIN_KEY) and is never written to the database,
so someone holding only the database cannot recompute a hash after an edit. Each signed record
names its key by id. Keys are ranked, retired ones (settings.AUDIT_CHAIN_OLD_KEYS, oldest first)
before the current one: along the chain the rank never goes down, so a leaked retired key cannot
sign events after the switch to its successor.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from dataclasses import dataclass

from django.conf import settings
from django.core import checks

KEY_ID_PATTERN = re.compile(r"[A-Za-z0-9_.-]{1,32}")
MIN_KEY_LENGTH = 32


class UnknownChainKey(LookupError):
    """A record names a key id that is neither the current key nor a retired one."""

    def __init__(self, key_id):
        super().__init__(f"unknown chain key id {key_id!r}")
        self.key_id = key_id


def canonical(fields: dict) -> bytes:
    """The one byte string a record's MAC covers: JSON with sorted keys and no spaces."""
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


@dataclass(frozen=True)
class ChainKeys:
    current_id: str
    keys: dict[str, bytes]  # retired keys oldest first, then the current one

    @property
    def current(self) -> bytes:
        return self.keys[self.current_id]

    def key(self, key_id) -> bytes:
        key = self.keys.get(key_id) if isinstance(key_id, str) else None
        if key is None:
            raise UnknownChainKey(key_id)
        return key

    def rank(self, key_id: str) -> int:
        self.key(key_id)
        return list(self.keys).index(key_id)

    def mac(self, key_id: str, fields: dict) -> str:
        return hmac.new(self.key(key_id), canonical(fields), hashlib.sha256).hexdigest()

    def sign(self, record: dict) -> dict:
        """The record with the current key's id and its MAC (over everything else it says)."""
        signed = {**record, "key_id": self.current_id}
        return {**signed, "mac": self.mac(self.current_id, signed)}

    def check(self, record: dict) -> str:
        """What is wrong with a signed record's MAC, or "" if it holds."""
        if "mac" not in record:
            return "it carries no MAC"
        fields = {name: value for name, value in record.items() if name != "mac"}
        try:
            expected = self.mac(fields.get("key_id"), fields)
        except UnknownChainKey as exc:
            return str(exc)
        if not isinstance(record.get("mac"), str) or not hmac.compare_digest(expected, record["mac"]):
            return "its MAC does not match (edited, or signed with another key)"
        return ""


def chain_keys() -> ChainKeys:
    keys = {key_id: key.encode() for key_id, key in settings.AUDIT_CHAIN_OLD_KEYS.items()}
    keys[settings.AUDIT_CHAIN_KEY_ID] = settings.AUDIT_CHAIN_KEY.encode()
    return ChainKeys(settings.AUDIT_CHAIN_KEY_ID, keys)


@checks.register(checks.Tags.security, deploy=True)
def check_chain_keys(app_configs=None, **kwargs):
    """A short key is one an attacker holding the database could guess."""
    return [
        checks.Warning(
            f"The audit chain key {key_id!r} is shorter than {MIN_KEY_LENGTH} characters.",
            hint="Generate one with: python -c 'import secrets; print(secrets.token_hex(32))'",
            id="reviews.W001",
        )
        for key_id, key in chain_keys().keys.items()
        if len(key) < MIN_KEY_LENGTH
    ]
