"""Reference data newer than the shipped files: a rate table, an occupation or funder list.

The branch installs an update from files in the shipped formats (``rules.json`` with its
band CSV beside it, ``occupations.csv`` or ``funders.csv``); every receipt it writes carries what it has
installed, and a volunteer's laptop applies what is newer than its own. Each workspace
activates its own set when it is opened (``reference.activate``).

Checks before anything is stored: the content parses exactly as the shipped files do
(the band CSV cross-checked against the rules), a rate table's version is newer than the
one in use, and an occupation or funder list keeps every code already in use
(registrations hold those codes).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from desa_peduli import reference
from desa_peduli.domain.funders import ReliefReading, parse_funders
from desa_peduli.errors import InputRejected
from desa_peduli.storage.registrations import local_now

if TYPE_CHECKING:  # annotations only: the session imports the services (a cycle)
    from desa_peduli.services.session import Session

RATES, OCCUPATIONS, FUNDERS = "rates", "occupations", "funders"
NAMES = (RATES, OCCUPATIONS, FUNDERS)
LISTS = (OCCUPATIONS, FUNDERS)  # lists of codes, versioned by a digest of their rows
MAX_FILE = 2 * 1024**2


def _version_key(version: str) -> tuple[Any, ...]:
    """``"2026.1"`` < ``"2026.2"`` < ``"2027.1"``: numbers compare as numbers."""
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in re.split(r"[.\-_ ]", version))


def _when(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def stored(session: Session) -> dict[str, dict[str, Any]]:
    """The installed updates by name (rows of ``reference_data`` with parsed content)."""
    db = session.db
    out = {}
    for name, version, issued_at, content, source, installed_at in db.execute(
            "SELECT name, version, issued_at, content, source, installed_at "
            "FROM reference_data ORDER BY name"):
        out[name] = {"name": name, "version": version, "issued_at": issued_at,
                     "content": json.loads(content), "source": source,
                     "installed_at": installed_at}
    return out


def build(rows: dict[str, dict[str, Any]],
          reading: ReliefReading | None = None) -> reference.ReferenceSet:
    """The shipped set with the stored updates laid over it."""
    base = reference.shipped()
    rates, occupations, occupations_version = base.rate_table, base.occupations, "shipped"
    if RATES in rows:
        rates = reference.parse_rates(rows[RATES]["content"])
    if OCCUPATIONS in rows:
        occupations = reference.parse_occupations(rows[OCCUPATIONS]["content"]["rows"])
        occupations_version = rows[OCCUPATIONS]["version"]
    funders, funders_version = base.funders, "shipped"
    if FUNDERS in rows:
        funders = parse_funders(rows[FUNDERS]["content"]["rows"])
        funders_version = rows[FUNDERS]["version"]
    if not rows and reading is None:
        return base
    return reference.ReferenceSet(rates, occupations, occupations_version, funders,
                                  funders_version, reading or ReliefReading())


def activate(session: Session) -> reference.ReferenceSet:
    """Make the session's workspace set the active one (called when it is opened)."""
    current = build(stored(session), relief_reading(session))  # opening migrated it
    reference.activate(current)
    if "registrations" in session.__dict__:
        session.registrations.reset()
    return current


def versions(session: Session) -> dict[str, str]:
    """What is in use: ``{"rates": "2026.1", "occupations": "shipped", "funders": ...}``."""
    current = build(stored(session))
    return {RATES: current.rate_table.version, OCCUPATIONS: current.occupations_version,
            FUNDERS: current.funders_version}


# -- the dana desa reading -------------------------------------------------------------
READING_SETTING = "relief_reading"


def relief_reading(session: Session) -> ReliefReading | None:
    """The branch's reading of PP 50/2025 for village budgets (None: never set)."""
    data = session.settings.get(READING_SETTING)
    return ReliefReading.from_dict(data) if data else None


def set_relief_reading(session: Session, village_budget_is_apbd: bool, note: str) -> ReliefReading:
    """Store the branch's reading with its source note (one transaction) and activate it."""
    note = " ".join(str(note or "").split())
    if not 0 < len(note) <= 1000:
        raise InputRejected("Tulis sumber atau alasan tafsiran ini (1-1000 karakter), mis. "
                            "nomor surat edaran.", "Write the source or reason for this "
                            "reading (1-1000 characters), e.g. the circular's number.")
    reading = ReliefReading(village_budget_is_apbd, note)
    with session.db.atomic():
        session.settings.set(READING_SETTING, reading.to_dict())
    activate(session)
    return reading


# -- reading update files --------------------------------------------------------------
def _refuse(path: Path, id_text: str, en_text: str) -> InputRejected:
    return InputRejected(f"{path.name}: {id_text}", f"{path.name}: {en_text}")


def _read_text(path: Path) -> str:
    try:
        if path.stat().st_size > MAX_FILE:
            raise _refuse(path, "berkas terlalu besar untuk data acuan.",
                          "the file is too large for reference data.")
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise _refuse(path, "berkas tidak bisa dibaca (harus teks UTF-8).",
                      "the file cannot be read (it must be UTF-8 text).") from exc


def _csv_rows(path: Path) -> list[dict[str, Any]]:
    rows = []
    try:
        reader = csv.DictReader(io.StringIO(_read_text(path)))
        for row in reader:
            if None in row:  # more cells than headers: a comma not quoted, most often
                raise _refuse(
                    path, f"baris {reader.line_num} punya sel lebih banyak daripada judul "
                    "kolomnya (koma di dalam teks harus diapit tanda kutip).",
                    f"line {reader.line_num} has more cells than the header (a comma inside "
                    "a text must be quoted).")
            rows.append(row)
    except csv.Error as exc:
        raise _refuse(path, "bukan CSV yang sah (periksa tanda kutip dan panjang isinya).",
                      "not a valid CSV (check the quotes and the length of its cells).") from exc
    return rows


def read_update(path: Path) -> tuple[str, dict[str, Any]]:
    """``(name, content)`` from ``rules.json`` (bands CSV beside it) or an occupations CSV."""
    path = Path(path)
    if path.suffix.lower() == ".json":
        try:
            rules = json.loads(_read_text(path))
            bands_file = path.parent / Path(str(rules["bands_file"])).name
        except (ValueError, KeyError, TypeError, RecursionError) as exc:
            raise _refuse(path, "bukan aturan tabel iuran (rules.json dengan bands_file).",
                          "not a rate-table rules file (rules.json with bands_file).") from exc
        if not bands_file.is_file():
            raise _refuse(path, f"berkas pita penghasilan {bands_file.name} tidak ada di "
                          "folder yang sama.",
                          f"the income band file {bands_file.name} is not in the same folder.")
        bands = _csv_rows(bands_file)
        content = {"rules": rules, "bands": bands}
        try:
            reference.parse_rates(content)
        except ValueError as exc:
            raise _refuse(path, f"tabel iuran tidak sah ({exc}).",
                          f"the rate table is not valid ({exc}).") from exc
        return RATES, content
    if path.suffix.lower() == ".csv":
        rows = _csv_rows(path)
        if rows and "pays" in rows[0]:  # a funder list (occupations have no "pays")
            try:
                parse_funders(rows)
            except (ValueError, AttributeError) as exc:
                raise _refuse(path, f"daftar pendana tidak sah ({exc}).",
                              f"the funder list is not valid ({exc}).") from exc
            return FUNDERS, {"rows": rows, "digest": _digest(rows)}
        try:
            reference.parse_occupations(rows)
        except (ValueError, AttributeError) as exc:
            raise _refuse(path, f"daftar pekerjaan tidak sah ({exc}).",
                          f"the occupation list is not valid ({exc}).") from exc
        return OCCUPATIONS, {"rows": rows, "digest": _digest(rows)}
    raise _refuse(path, "pilih rules.json (tabel iuran), occupations.csv (daftar "
                  "pekerjaan) atau funders.csv (daftar pendana).", "choose rules.json "
                  "(rate table), occupations.csv (occupation list) or funders.csv (funder "
                  "list).")


def _digest(rows: list[dict[str, Any]]) -> str:
    return hashlib.sha256(json.dumps(rows, sort_keys=True).encode()).hexdigest()[:12]


# -- installing ------------------------------------------------------------------------
def check_newer(session: Session, name: str, content: dict[str, Any]) -> str:
    """The update's version; raises InputRejected unless it is newer than what is in use."""
    current = build(stored(session))
    if name == RATES:
        version: str = content["rules"]["version"]
        if _version_key(version) <= _version_key(current.rate_table.version):
            raise InputRejected(
                f"Tabel iuran versi {version} tidak lebih baru daripada yang dipakai "
                f"({current.rate_table.version}); tidak ada yang diubah.",
                f"Rate table version {version} is not newer than the one in use "
                f"({current.rate_table.version}); nothing was changed.")
        return version
    if name == FUNDERS:
        return _check_newer_funders(current, content)
    new_codes = {r["code"] for r in content["rows"]}
    dropped = sorted(o.code for o in current.occupations if o.code not in new_codes)
    if dropped:
        raise InputRejected(
            "Daftar pekerjaan baru tidak memuat kode yang sudah dipakai: "
            f"{', '.join(dropped[:5])}; tidak ada yang diubah.",
            "The new occupation list lacks codes already in use: "
            f"{', '.join(dropped[:5])}; nothing was changed.")
    if content["digest"] == current.occupations_version or (
            current.occupations_version == "shipped"
            and [dict(r) for r in content["rows"]] == _shipped_rows()):
        raise InputRejected("Daftar pekerjaan ini sama dengan yang dipakai; tidak ada yang "
                            "diubah.", "This occupation list is the one in use; nothing "
                            "was changed.")
    digest: str = content["digest"]
    return digest


def _check_newer_funders(current: reference.ReferenceSet, content: dict[str, Any]) -> str:
    new_codes = {str(r.get("code")) for r in content["rows"]}
    dropped = sorted(f.code for f in current.funders if f.code not in new_codes)
    if dropped:
        raise InputRejected(
            "Daftar pendana baru tidak memuat kode yang sudah dipakai: "
            f"{', '.join(dropped[:5])}; tidak ada yang diubah.",
            "The new funder list lacks codes already in use: "
            f"{', '.join(dropped[:5])}; nothing was changed.")
    in_use = [f.to_row() for f in current.funders]
    if content["digest"] == current.funders_version or [
            f.to_row() for f in parse_funders(content["rows"])] == in_use:
        raise InputRejected("Daftar pendana ini sama dengan yang dipakai; tidak ada yang "
                            "diubah.", "This funder list is the one in use; nothing was "
                            "changed.")
    digest: str = content["digest"]
    return digest


def _shipped_rows() -> list[dict[str, Any]]:
    return [{"code": o.code, "label_id": o.label_id, "label_en": o.label_en,
             "transport": "1" if o.transport else "0"} for o in reference.shipped().occupations]


def _store(db: Database, name: str, version: str, issued_at: str, content: dict[str, Any],
           source: str, actor: str) -> None:
    db.execute(
        "INSERT INTO reference_data(name, version, issued_at, content, source, installed_at, "
        "installed_by) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET "
        "version = excluded.version, issued_at = excluded.issued_at, content = "
        "excluded.content, source = excluded.source, installed_at = excluded.installed_at, "
        "installed_by = excluded.installed_by",
        [name, version, issued_at, json.dumps(content, ensure_ascii=False), source,
         local_now(), actor])


def install_files(session: Session, paths: list[Path]) -> list[dict[str, Any]]:
    """Branch: install updates from files, all or none, and activate them."""
    updates = [read_update(Path(p)) for p in paths]
    if len({name for name, _ in updates}) != len(updates):
        raise InputRejected("Pilih paling banyak satu tabel iuran, satu daftar pekerjaan dan "
                            "satu daftar pendana.", "Choose at most one rate table, one "
                            "occupation list and one funder list.")
    installed = []
    with session.db.atomic():
        for name, content in updates:
            version = check_newer(session, name, content)
            now = local_now()
            _store(session.db, name, version, now, content, "installed", session.actor)
            installed.append({"name": name, "version": version, "issued_at": now})
    activate(session)
    return installed


def for_receipt(session: Session) -> list[dict[str, Any]]:
    """What a receipt carries: every installed update, whole."""
    return [{"name": r["name"], "version": r["version"], "issued_at": r["issued_at"],
             "content": r["content"]} for r in stored(session).values()]


def apply_from_receipt(session: Session, record: dict[str, Any], actor: str) -> str | None:
    """Volunteer: store an update from a receipt when it is newer than the one held.

    Returns ``"name version"`` when applied, None when it is not newer. Raises
    ValueError when the content does not check out (the whole receipt is refused).
    """
    db = session.db
    name, version, issued_at = record["name"], record["version"], record["issued_at"]
    content = record["content"]
    if name not in NAMES or not isinstance(version, str) or not isinstance(issued_at, str):
        raise ValueError("reference")
    _when(issued_at)
    if name == RATES:
        table = reference.parse_rates(content)
        if table.version != version:
            raise ValueError("reference version")
    elif name == FUNDERS:
        parse_funders(content["rows"])
    else:
        reference.parse_occupations(content["rows"])
    held = stored(session).get(name)
    if held is not None and _when(held["issued_at"]) >= _when(issued_at):
        return None
    try:
        check_newer(session, name, content)
    except InputRejected:
        return None
    _store(db, name, version, issued_at, content, "receipt", actor)
    return f"{name} {version}"
