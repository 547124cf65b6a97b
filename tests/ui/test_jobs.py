"""The one job API (ui/jobs.py): writers one at a time in order, readers at once, cancel
as an outcome, progress and results on the UI thread, one registry of what runs."""

from __future__ import annotations

import threading

from desa_peduli.ui.jobs import WAITING, registry, run_job


def test_writers_queue_readers_run_at_once_and_a_waiting_writer_cancels(qtbot):
    gate, order, outcomes = threading.Event(), [], []

    def first(_session, _progress):
        order.append("first")
        assert gate.wait(10)
        return "first"

    writer = run_job(first, writes=True, on_success=outcomes.append)
    second = run_job(lambda _s, _p: order.append("second") or "second", writes=True,
                     on_success=outcomes.append)
    third = run_job(lambda _s, _p: order.append("third"), writes=True,
                    on_cancel=lambda: outcomes.append("third cancelled"))
    assert second.state == WAITING and third.state == WAITING
    assert registry().busy and registry().writing
    reader = run_job(lambda _s, _p: "read", on_success=outcomes.append)
    qtbot.waitUntil(lambda: "read" in outcomes)  # while the first writer still runs
    assert writer.running and order == ["first"]
    third.cancel()
    assert outcomes == ["read", "third cancelled"] and not third.running
    gate.set()
    qtbot.waitUntil(lambda: not registry().busy)
    assert order == ["first", "second"]
    assert outcomes == ["read", "third cancelled", "first", "second"]
    assert not reader.running


def test_cancel_is_an_outcome_and_progress_arrives_on_the_ui_thread(qtbot):
    started, reports, outcomes = threading.Event(), [], []

    def work(_session, progress):
        progress.report(1, 3, "one")
        started.set()
        idle = threading.Event()
        for _ in range(2000):  # at most ~10 s
            progress.check()  # raises Cancelled once cancelled
            idle.wait(0.005)
        return "never cancelled"

    job = run_job(work, on_success=outcomes.append, on_failure=outcomes.append,
                  on_cancel=lambda: outcomes.append("cancelled"),
                  on_progress=lambda *args: reports.append(
                      (*args, threading.current_thread() is threading.main_thread())))
    assert started.wait(10)
    qtbot.waitUntil(lambda: bool(reports))
    assert reports == [(1, 3, "one", True)]
    job.cancel()
    qtbot.waitUntil(lambda: bool(outcomes))
    assert outcomes == ["cancelled"] and not registry().busy


def test_a_job_on_the_workspace_gets_its_own_connection(qtbot, session):
    seen = []
    run_job(lambda s, _p: (s.db is not session.db, s.db.execute("SELECT 1").fetchone()[0]),
            session=session, on_success=seen.append)
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == [(True, 1)]
