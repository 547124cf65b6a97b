"""Make a frozen workspace of the current schema for migration tests.

Run once per released schema, commit the folder, never regenerate an old one:
    python tests/data/make_frozen_workspace.py tests/data/frozen/workspace-0001
Passphrase of every frozen workspace: ``frozen-passphrase``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from desa_peduli.services.session import Session

PASSPHRASE = "frozen-passphrase"


def main(target: str) -> None:
    path = Path(target)
    base = json.loads((Path(__file__).parent / "frozen_registration.json").read_text("utf-8"))
    with Session.create_volunteer(path, name="Relawan Beku", passphrase=PASSPHRASE,
                                  home_village="15.04.05.2003") as session:
        first = session.registrations.save(base)
        session.registrations.save(dict(base, street="Jalan Kedua"), reg_id=first.id)
        second = session.registrations.save(dict(base, nik="1504050101900003",
                                                 full_name="Sutrisno", sex="M",
                                                 birth_date="1990-01-01"))
        session.registrations.delete(second.id, "contoh hapus")
        session.registrations.save({"full_name": "Draf Belum Lengkap"})
    for extra in path.glob("backups/*"):
        extra.unlink()


if __name__ == "__main__":
    main(sys.argv[1])
