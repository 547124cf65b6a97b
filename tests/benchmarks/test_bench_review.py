"""The review queue and batch accept at 1,000,000 registrations (``branch_data.py``).

On a private copy of the cached branch workspace (N = ``$DESA_PEDULI_BENCH_BRANCH_N``,
default 1,000,000), set up untimed: 2,000 received registrations get a NIK warning, and one
volunteer's 5,000 registrations become a received bundle (``bundles`` + ``remote_changes``,
as an import leaves them). Then:

- loading the queue (what the Review tab reads: the counts of every kind, the received
  count, the first page of every kind): first load after opening, and the median of
  ``REPEAT`` loads; target ≤ 300 ms (a filter change's budget);
- batch accept of the bundle: the preview (how many would be accepted) and the accept
  itself (5,000 registrations, one transaction); target ≤ 2 s for the accept.
"""

from __future__ import annotations

import json
import time

import pytest

from tests.benchmarks._harness import median

pytestmark = pytest.mark.benchmark

REPEAT = 5
QUEUE_TARGET_MS = 300.0
ACCEPT_TARGET_S = 2.0
BUNDLE_SIZE = 5000
WARNED = 2000
WARNING = [{"field": "nik", "code": "nik.birth_date_mismatch", "severity": "warning",
            "message": "Tanggal lahir yang diisi tidak sama dengan tanggal lahir dalam NIK.",
            "message_en": "The birth date entered differs from the one in the NIK."}]


@pytest.fixture(scope="module")
def review_branch(tmp_path_factory):
    """A private copy of the cached branch workspace with warnings and a bundle added."""
    from tests.benchmarks.branch_data import copy_branch, default_n, open_session

    data = copy_branch(default_n(), tmp_path_factory.mktemp("review") / "branch")
    session = open_session(data)
    db = session.db
    try:
        with db.atomic():
            db.execute(
                "UPDATE registrations SET problems = ? WHERE pk IN (SELECT pk FROM registrations "
                "WHERE branch_state = 'received' AND deleted_at IS NULL ORDER BY pk LIMIT ?)",
                [json.dumps(WARNING, ensure_ascii=False, sort_keys=True), WARNED])
            volunteer = db.execute(
                "SELECT volunteer_id FROM registrations GROUP BY volunteer_id "
                "ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
            rows = db.execute(
                "SELECT id, change_seq FROM registrations WHERE volunteer_id = ? "
                "AND deleted_at IS NULL ORDER BY change_seq LIMIT ?",
                [volunteer, BUNDLE_SIZE]).fetchall()
            seq_to = rows[-1][1]
            db.conn.executemany(
                "UPDATE registrations SET branch_state = 'received', problems = '[]' "
                "WHERE id = ?", [(reg_id,) for reg_id, _seq in rows])
            db.conn.executemany(
                "INSERT OR IGNORE INTO remote_changes(volunteer_id, device_key, seq, "
                "registration_id, revision, action, fields, at) "
                "VALUES (?, 'key', ?, ?, 1, 'create', '[]', ?)",
                [(volunteer, seq, reg_id, "2026-11-27T10:00:00+07:00") for reg_id, seq in
                 db.execute("SELECT id, change_seq FROM registrations WHERE volunteer_id = ? "
                            "AND change_seq <= ?", [volunteer, seq_to])])
            db.execute(
                "INSERT INTO bundles(bundle_id, volunteer_id, device_key, seq_from, seq_to, "
                "file_name, created_at, imported_at, imported_by, report) VALUES "
                "('bench-bundle', ?, 'key', 1, ?, 'bench.dpbundle', ?, ?, 'bench', '{}')",
                [volunteer, seq_to, "2026-11-27T09:00:00+07:00", "2026-11-27T10:00:00+07:00"])
        db.execute("ANALYZE")
    finally:
        session.close()
    return data


def _load_queue(review) -> dict:
    """What the Review tab reads when it is shown."""
    from desa_peduli.services.review import KINDS

    counts = review.counts()
    received = review.received_count()
    pages = {kind: len(review.items(kind)) for kind in KINDS}
    return {"counts": counts, "received": received, "pages": pages}


def test_queue_load_and_batch_accept_of_a_bundle(review_branch, recorder):
    from desa_peduli.services.review import ReviewService
    from tests.benchmarks.branch_data import open_session

    session = open_session(review_branch)
    try:
        review = ReviewService(session)
        start = time.perf_counter()
        first = _load_queue(review)
        first_ms = (time.perf_counter() - start) * 1000
        timings = []
        for _ in range(REPEAT):
            start = time.perf_counter()
            loaded = _load_queue(review)
            timings.append((time.perf_counter() - start) * 1000)
        assert loaded == first
        assert first["counts"]["warning"] >= WARNED // 2 and first["counts"]["duplicate"] > 0
        plan = session.db.execute(
            "EXPLAIN QUERY PLAN SELECT count(*) FROM registrations r WHERE "
            "r.branch_state = 'received' AND r.deleted_at IS NULL AND r.problems != '[]'"
        ).fetchall()
        queue_ms = median(timings)
        queue = recorder.record(
            "review_1m", "queue load median (counts + first page of every kind)", queue_ms,
            "ms", target=QUEUE_TARGET_MS, rows=review_branch.n, first_ms=round(first_ms, 1),
            counts=first["counts"], received=first["received"],
            note=f"first load {first_ms:.0f} ms; counts {first['counts']}, received "
                 f"{first['received']}; warning plan: {plan[-1][-1] if plan else '?'}")

        start = time.perf_counter()
        preview = review.preview_accept("bundle", "bench-bundle")
        preview_s = time.perf_counter() - start
        start = time.perf_counter()
        result = review.accept_clean("bundle", "bench-bundle")
        accept_s = time.perf_counter() - start
        assert result.count == preview.accept and result.count >= BUNDLE_SIZE * 0.9
        logged = session.db.execute("SELECT count(*) FROM state_log WHERE batch_id = ?",
                                    [result.batch_id]).fetchone()[0]
        assert logged == result.count
        accept = recorder.record(
            "review_1m", f"batch accept of a bundle ({result.count} registrations)", accept_s,
            "s", target=ACCEPT_TARGET_S, rows=review_branch.n, preview_s=round(preview_s, 3),
            held=result.held,
            note=f"preview {preview_s * 1000:.0f} ms; held {result.held}")
    finally:
        session.close()
    assert accept["passed"], f"batch accept {accept_s:.2f} s (target <= {ACCEPT_TARGET_S} s)"
    assert queue["passed"], f"queue load {queue_ms:.0f} ms (target <= {QUEUE_TARGET_MS} ms)"
