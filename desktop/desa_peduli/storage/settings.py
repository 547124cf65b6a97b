"""Typed workspace settings, stored as JSON values in the encrypted database."""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

DEFAULTS: dict[str, Any] = {
    "role": "volunteer",
    "language": "id",
    "volunteer_name": "",
    "volunteer_id": None,
    "home_village": None,  # the volunteer's own desa code, the form's default
    "backup_interval_minutes": 60,
    "backups_kept": 10,
    "lock_after_minutes": 10,
    "open_draft_id": None,  # the registration open in the form (crash recovery)
    "last_backup_at": None,
    "text_scale": 100,  # the interface's text size in percent: 100, 125 or 150
}


class Settings:
    def __init__(self, db: Database):
        self.db = db

    def get(self, key: str, default: Any = None) -> Any:
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        if row is None:
            return DEFAULTS.get(key, default) if default is None else default
        return json.loads(row[0])

    def set(self, key: str, value: Any) -> None:
        self.db.execute(
            "INSERT INTO settings(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, json.dumps(value)],
        )

    def update(self, values: dict[str, Any]) -> None:
        for key, value in values.items():
            self.set(key, value)

    def all(self) -> dict[str, Any]:
        stored = {k: json.loads(v) for k, v in self.db.execute("SELECT key, value FROM settings")}
        return {**DEFAULTS, **stored}
