"""Build resources/regions/regions.sqlite from indonesia_regions.csv (run after editing the CSV).

Usage::

    python tools/build_regions.py            # rebuild the database
    python tools/build_regions.py --check    # exit 1 if the database is stale

The database is public data: plain SQLite, opened read-only by
``desa_peduli.reference.regions()``. Its ``meta`` table holds the CSV's sha256 so a test
can tell when someone edited the CSV without rebuilding. No timestamp is stored, so the
same CSV always gives the same file.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import os
import re
import sqlite3
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REGIONS_DIR = ROOT / "resources" / "regions"
CSV_PATH = REGIONS_DIR / "indonesia_regions.csv"
DB_PATH = REGIONS_DIR / "regions.sqlite"

SCHEMA_VERSION = "1"
LEVELS = ("province", "regency", "district", "village")
CODE_RE = re.compile(r"\d{2}(?:\.\d{2}(?:\.\d{2}(?:\.\d{4})?)?)?")

SCHEMA = """
CREATE TABLE regions (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    level TEXT NOT NULL,
    parent_code TEXT,
    nik_prefix TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX regions_parent ON regions (parent_code);
CREATE INDEX regions_level_name ON regions (level, name COLLATE NOCASE);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
"""


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_rows(data: bytes) -> list[tuple[str, str, str, str | None, str]]:
    """Parse and check the CSV; raise ValueError naming the line of the first bad row."""
    reader = csv.DictReader(io.StringIO(data.decode("utf-8")))
    if reader.fieldnames != ["code", "name", "level", "parent_code"]:
        raise ValueError(f"unexpected header {reader.fieldnames}")
    rows, seen = [], set()
    for line, row in enumerate(reader, start=2):
        code, name, level = row["code"], row["name"].strip(), row["level"]
        parent = row["parent_code"] or None
        if not CODE_RE.fullmatch(code):
            raise ValueError(f"line {line}: bad code {code!r}")
        if level != LEVELS[code.count(".")]:
            raise ValueError(f"line {line}: level {level!r} does not fit code {code}")
        expected_parent = code.rpartition(".")[0] or None
        if parent != expected_parent:
            raise ValueError(f"line {line}: parent {parent!r} should be {expected_parent!r}")
        if parent is not None and parent not in seen:
            raise ValueError(f"line {line}: parent {parent} not listed before {code}")
        if code in seen:
            raise ValueError(f"line {line}: duplicate code {code}")
        if not name:
            raise ValueError(f"line {line}: empty name")
        seen.add(code)
        rows.append((code, name, level, parent, code.replace(".", "")))
    return rows


def build(csv_path: Path = CSV_PATH, db_path: Path = DB_PATH) -> dict[str, int]:
    """Write the database atomically (temp file + rename); return row counts per level."""
    data = csv_path.read_bytes()
    rows = read_rows(data)
    counts = {level: 0 for level in LEVELS}
    for row in rows:
        counts[row[2]] += 1

    tmp = db_path.with_suffix(".sqlite.tmp")
    tmp.unlink(missing_ok=True)
    conn = sqlite3.connect(tmp)
    try:
        conn.execute("PRAGMA page_size = 4096")
        conn.executescript(SCHEMA)
        with conn:
            conn.executemany("INSERT INTO regions VALUES (?, ?, ?, ?, ?)", rows)
            meta = {
                "schema_version": SCHEMA_VERSION,
                "source": csv_path.name,
                "csv_sha256": hashlib.sha256(data).hexdigest(),
                "rows": str(len(rows)),
                **{f"count_{level}": str(n) for level, n in counts.items()},
            }
            conn.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
        conn.execute("ANALYZE")
        conn.execute("VACUUM")
    finally:
        conn.close()
    os.replace(tmp, db_path)
    return counts


def stored_sha256(db_path: Path = DB_PATH) -> str | None:
    if not db_path.exists():
        return None
    conn = sqlite3.connect(f"{db_path.as_uri()}?mode=ro", uri=True)
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'csv_sha256'").fetchone()
    except sqlite3.DatabaseError:
        return None
    finally:
        conn.close()
    return row[0] if row else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check the database is current")
    parser.add_argument("--csv", type=Path, default=CSV_PATH)
    parser.add_argument("--db", type=Path, default=DB_PATH)
    args = parser.parse_args(argv)
    if args.check:
        if stored_sha256(args.db) != sha256_of(args.csv):
            print(f"{args.db} is stale: run python tools/build_regions.py", file=sys.stderr)
            return 1
        print(f"{args.db} is current")
        return 0
    counts = build(args.csv, args.db)
    size = args.db.stat().st_size
    print(f"wrote {args.db} ({size:,} bytes): " + ", ".join(f"{n:,} {k}" for k, n in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
