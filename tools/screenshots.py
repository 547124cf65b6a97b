"""Every screenshot of the user guides, from the real application with demo data, at 1366×768.

    xvfb-run -a -s '-screen 0 1366x768x24' .venv/bin/python tools/screenshots.py
    .venv/bin/python tools/screenshots.py --lang en --only branch-   # offscreen, a few

Writes ``resources/guide/screenshots/{id,en}/*.png`` (the guides in ``resources/guide/``
show them; the app ships them for its F1 help). Each language runs in a process of its
own, on a world built afresh in a temporary folder with the same seeds, so both
languages show the same people and numbers:

* a branch office (Kantor Cabang Jambi) and three enrolled volunteers with generated
  registrations spread over the past weeks; bundles imported through the Import tab,
  including a file cut short and one from a second laptop (both refused);
* states set at the branch (accepted, registered with a KPJ number, needs correction),
  a receipt taken back to Rina's laptop, then more registrations on it that have waited
  ten days (the reminder banner), a backup or two;
* the first-run wizard for a new laptop with an enrolment file (its workspace is really
  created, so the fingerprints are real).

Nothing here is a test: it only drives the windows the way a person would and saves
what they show. ``--list`` prints the names; ``--only PREFIX`` makes just those.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "resources" / "guide" / "screenshots"
LANGUAGES = ("id", "en")
SCREEN = (1366, 768)
PASSPHRASE = "kopi-sawit-pinang-2026"
BRANCH = "Kantor Cabang Jambi"
VOLUNTEERS = (  # id, name, villages (Kemendagri codes), registrations, seed
    ("RLW-001", "Rina Marlina", ["15.04.05.2003", "15.04.05.2016", "15.04.05.1002"], 120, 11),
    ("RLW-002", "Budi Santoso", ["15.71.01.1001", "15.71.01.1002"], 48, 12),
    ("RLW-003", "Siti Aminah", ["15.05.01.2002"], 30, 13),
)

# name → what it shows (the guides use these names; --list prints them)
SHOTS = {
    "wizard-1-welcome": "first-run wizard: language, role, how to start",
    "wizard-2-enrolment": "first-run wizard: an enrolment file chosen and verified",
    "wizard-3-about-you": "first-run wizard: name and area",
    "wizard-4-passphrase": "first-run wizard: passphrase with its strength hint",
    "wizard-5-fingerprints": "first-run wizard: the fingerprints to read aloud",
    "wizard-branch": "first-run wizard: the branch office page",
    "passphrase-open": "opening Desa Peduli: the passphrase",
    "passphrase-wrong": "opening Desa Peduli: a wrong passphrase",
    "main-window": "the volunteer's list with its reminders",
    "list-corrections": "the list filtered on Needs correction",
    "form-new": "a new registration being typed (identity)",
    "form-1-identity": "the form: identity",
    "form-2-address": "the form: address",
    "form-3-work": "the form: work and contribution",
    "form-4-heirs": "the form: heirs",
    "form-5-consent": "the form: consent",
    "delete-dialog": "deleting a registration, with a reason",
    "history-dialog": "the history of a registration",
    "export-dialog": "exporting a bundle to the USB stick",
    "export-done": "the bundle written",
    "receipt-applied": "what a receipt changed",
    "fingerprints": "the fingerprints of the laptop and the branch office",
    "purge-confirm": "removing the personal data of registered workers",
    "restore-dialog": "restoring a backup",
    "change-passphrase": "changing the passphrase",
    "lock": "the locked window",
    "help-window": "the user guide opened with F1",
    "branch-registrations": "branch: every registration with its state",
    "branch-import": "branch: bundles imported, two refused",
    "branch-history": "branch: the import history",
    "branch-volunteers": "branch: the volunteers",
    "branch-enrol": "branch: enrolling a volunteer",
    "branch-receipt": "branch: writing a receipt",
    "branch-review-duplicates": "branch: review queue, a possible duplicate side by side",
    "branch-review-invalid": "branch: review queue, a registration with errors",
    "branch-review-device": "branch: review queue, a new laptop",
    "branch-batch-accept": "branch: accepting a volunteer's clean registrations at once",
    "branch-correction": "branch: sending a registration back for correction",
    "branch-kpj": "branch: recording one KPJ number",
    "branch-handover": "branch: the hand-over export for the core system",
    "branch-kpj-import": "branch: importing KPJ results, checked first",
    "branch-coverage": "branch: the coverage dashboard",
    "branch-coverage-volunteers": "branch: the volunteers' activity",
    "branch-report-pdf": "branch: the first page of the PDF coverage report",
    "branch-report-pdf-2": "branch: the second page of the PDF coverage report",
    "branch-breach": "branch: the breach report for a lost laptop",
    "branch-recover": "branch: a new passphrase for a volunteer's workspace",
    "branch-fingerprint": "branch: its fingerprint",
    "branch-reference": "branch: a reference-data update installed",
}


# -- running one language per process -----------------------------------------------------------
def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lang", choices=(*LANGUAGES, "all"), default="all")
    parser.add_argument("-o", dest="out", default=str(DEFAULT_OUT),
                        help="folder of the per-language folders (default: %(default)s)")
    parser.add_argument("--only", action="append", default=[],
                        help="only the shots whose name starts with this (repeatable)")
    parser.add_argument("--list", action="store_true", help="print the shot names and exit")
    parser.add_argument("--text-scale", type=int, choices=(100, 125, 150), default=100,
                        help="the text size setting to shoot at, in percent (default: 100; "
                             "other sizes go to a folder of their own, e.g. id-125)")
    args = parser.parse_args()
    if args.list:
        for name, what in SHOTS.items():
            print(f"{name:28} {what}")
        return 0
    if args.lang == "all":
        failed = 0
        for lang in LANGUAGES:
            command = [sys.executable, __file__, "--lang", lang, "-o", args.out]
            for prefix in args.only:
                command += ["--only", prefix]
            command += ["--text-scale", str(args.text_scale)]
            failed |= subprocess.call(command)
        return failed
    folder = args.lang if args.text_scale == 100 else f"{args.lang}-{args.text_scale}"
    return Shooter(args.lang, Path(args.out) / folder, args.only, args.text_scale).run()


class Shooter:
    """Builds the demo world and saves each screenshot of one language."""

    def __init__(self, lang: str, out: Path, only: list[str], text_scale: int = 100):
        self.lang = lang
        self.text_scale = text_scale
        self.out = out
        self.only = only
        self.failures: list[str] = []
        self.saved: list[str] = []

    # -- plumbing ---------------------------------------------------------------------------
    def wanted(self, *names: str) -> bool:
        return not self.only or any(n.startswith(p) for n in names for p in self.only)

    def wait(self, ms: int = 150) -> None:
        from PySide6.QtTest import QTest

        QTest.qWait(ms)

    def wait_until(self, condition, timeout: float = 60.0, what: str = "") -> None:
        from PySide6.QtCore import QCoreApplication, QEventLoop

        deadline = time.monotonic() + timeout
        while not condition():
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            if time.monotonic() > deadline:
                raise TimeoutError(f"waited {timeout:.0f} s for {what or condition}")
            time.sleep(0.01)

    def grab(self, name: str, widget, *, settle: int = 250) -> None:
        assert name in SHOTS, name
        if not self.wanted(name):
            return
        self.wait(settle)
        self.save_image(name, framed(widget.grab().toImage()))

    def save_image(self, name: str, image) -> None:
        if not self.wanted(name):
            return
        path = self.out / f"{name}.png"
        if not image.save(str(path)):
            raise OSError(f"could not save {path}")
        self.saved.append(name)
        print(path, flush=True)

    def attempt(self, what: str, step) -> None:
        """Run one step; a failure is reported at the end, the other shots still made."""
        try:
            step()
        except Exception:  # noqa: BLE001 - reported, the run goes on
            self.failures.append(what)
            traceback.print_exc()

    def close_dialogs(self) -> None:
        from PySide6.QtWidgets import QApplication, QDialog

        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.done(0)
        self.wait(50)

    # -- the run ------------------------------------------------------------------------------
    def run(self) -> int:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        os.environ["DESA_PEDULI_LANG"] = self.lang
        self.out.mkdir(parents=True, exist_ok=True)
        sys.path.insert(0, str(ROOT / "tools"))
        from PySide6.QtWidgets import QApplication

        from desa_peduli.ui.i18n import install_translator

        app = QApplication([sys.argv[0]])
        app.setApplicationName("Desa Peduli")
        app.setOrganizationName("GDPJS-screenshots")
        install_translator(app, self.lang)
        from desa_peduli.ui.help import install_help_key
        from desa_peduli.ui.style import apply_palette
        from desa_peduli.ui.text_size import apply_text_scale

        apply_palette(app)  # as the application does at start
        apply_text_scale(app, self.text_scale)

        install_help_key(app)
        self.app = app
        # a short, readable folder: its paths show in some dialogs
        self.tmp = Path(tempfile.gettempdir()) / f"desa-peduli-demo-{self.lang}"
        if self.tmp.exists():
            shutil.rmtree(self.tmp)
        self.tmp.mkdir()
        self.now = dt.datetime.now().astimezone()
        started = time.monotonic()
        self.attempt("the demo world", self.build_world)
        if "the demo world" not in self.failures:
            self.attempt("wizard", self.shoot_wizard)
            self.attempt("branch window", self.shoot_branch)
            self.attempt("volunteer window", self.shoot_volunteer)
            self.attempt("passphrase dialog", self.shoot_passphrase)
            self.attempt("help window", self.shoot_help)
        for session in getattr(self, "open_sessions", []):
            try:
                session.close()
            except Exception:  # noqa: BLE001 - closing at the end
                pass
        print(f"{self.lang}: {len(self.saved)} screenshots in {time.monotonic() - started:.0f} s"
              f"{'; FAILED: ' + ', '.join(self.failures) if self.failures else ''}", flush=True)
        return 1 if self.failures else 0

    # -- the demo world ---------------------------------------------------------------------------
    def build_world(self) -> None:
        from generate_registrations import generate

        from desa_peduli.services.adding import add_file
        from desa_peduli.services.branch import BranchService, create_branch
        from desa_peduli.services.field import FieldSync
        from desa_peduli.services.session import Session

        tmp = self.tmp
        self.stick = tmp / "media" / "USB-RINA"
        self.stick.mkdir(parents=True)
        self.enrolments = tmp / "enrolments"
        self.enrolments.mkdir()
        branch = create_branch(tmp / "cabang", name=BRANCH, province="15", passphrase=PASSPHRASE)
        branch.settings.set("language", self.lang)
        self.branch = branch
        self.open_sessions = [branch]
        service = BranchService(branch)
        self.volunteers = {}
        for vid, name, villages, count, seed in VOLUNTEERS:
            enrolment = service.enrol(volunteer_id=vid, name=name, villages=villages,
                                      target=self.enrolments)
            session = Session.create_volunteer(tmp / vid, name=name, passphrase=PASSPHRASE,
                                               home_village=villages[0], language=self.lang)
            self.open_sessions.append(session)
            FieldSync(session).enrol(enrolment)
            rows = tmp / f"{vid}.jsonl"
            records = list(generate(count, seed))
            for index, record in enumerate(records[: max(1, count // 3)]):
                record["village_code"] = villages[index % len(villages)]  # their own desa
            rows.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
            add_file(session, rows)
            self.volunteers[vid] = {"session": session, "enrolment": enrolment,
                                    "records": records}
        rina = self.volunteers["RLW-001"]["session"]
        budi = self.volunteers["RLW-002"]["session"]
        # Budi registered one of Rina's people again; one of his has a wrong phone (sent by
        # an older version), and one a birth date the NIK disagrees with
        first = dict(self.volunteers["RLW-001"]["records"][0], rt="007")
        budi.registrations.save(first)
        broken = dict(self.volunteers["RLW-002"]["records"][1], phone="12")
        broken.pop("id", None)
        broken["nik"] = broken["nik"][:-4] + "0999"
        budi.registrations.store.save(broken, status="ready")
        mismatch = dict(self.volunteers["RLW-002"]["records"][2])
        mismatch["nik"] = mismatch["nik"][:-4] + "0998"
        mismatch["birth_date"] = shift_date(mismatch["birth_date"], 3)
        budi.registrations.save(mismatch)
        # three of Rina's are still drafts (no phone number yet)
        for record in generate(3, 31):
            rina.registrations.save(dict(record, phone=""))
        for vid in self.volunteers:
            spread_over_weeks(self.volunteers[vid]["session"], self.now, weeks=9,
                              seed=hash(vid) % 97)
        # the bundles, on the stick
        self.bundles = []
        for vid in self.volunteers:
            result = FieldSync(self.volunteers[vid]["session"]).export(self.stick)
            self.bundles.append(result.path)
        # Siti's second laptop (her first one broke): enrolled again, never approved yet
        siti_new = Session.create_volunteer(tmp / "RLW-003-baru", name="Siti Aminah",
                                            passphrase=PASSPHRASE, home_village="15.05.01.2002",
                                            language=self.lang)
        self.open_sessions.append(siti_new)
        FieldSync(siti_new).enrol(self.volunteers["RLW-003"]["enrolment"])
        siti_new.registrations.save(dict(self.volunteers["RLW-003"]["records"][0],
                                         nik=self.volunteers["RLW-003"]["records"][0]["nik"][:-4]
                                         + "0777", full_name="Yusnidar"))
        new_laptop = self.tmp / "media" / "USB-SITI"
        new_laptop.mkdir()
        self.siti_new_bundle = FieldSync(siti_new).export(new_laptop).path
        # a copy cut short (the stick pulled out while copying)
        budi_bundle = self.bundles[1]
        data = budi_bundle.read_bytes()
        self.cut_bundle = tmp / "media" / "USB-BUDI" / budi_bundle.name
        self.cut_bundle.parent.mkdir()
        self.cut_bundle.write_bytes(data[: len(data) // 2])

    def branch_states(self) -> None:
        """What the branch decided after the import: accepted, registered, corrections."""
        from desa_peduli.services.branch import BranchService
        from desa_peduli.services.review import ReviewService

        service = BranchService(self.branch)
        review = ReviewService(self.branch)
        review.accept_clean("volunteer", "RLW-001")
        rows = self.branch.db.execute(
            "SELECT id FROM registrations WHERE volunteer_id = 'RLW-001' AND branch_state = "
            "'accepted' ORDER BY nik").fetchall()
        ids = [row[0] for row in rows]
        for index, reg_id in enumerate(ids[:70]):
            service.set_state(reg_id, "registered", kpj=f"26{11000000 + index * 7919:08d}"[:11])
        reasons = ("Foto KTP buram, mohon difoto ulang." if self.lang == "id"
                   else "The ID card photo is blurred: take it again.",
                   "Nomor HP tidak aktif." if self.lang == "id"
                   else "The phone number does not answer.",
                   "Nama ahli waris tidak lengkap." if self.lang == "id"
                   else "The heir's name is incomplete.")
        for reg_id, reason in zip(ids[70:73], reasons, strict=False):
            service.set_state(reg_id, "correction", reason=reason)
        review.accept_clean("volunteer", "RLW-003")
        # Budi's registered by the core system later (the KPJ import shows a check of it)
        self.receipt_path = service.receipt("RLW-001", self.stick)

    def volunteer_story(self) -> None:
        """Rina applies the receipt; then two weeks pass: a bundle the branch has not
        answered yet, and fourteen registrations made ten days ago, not yet sent."""
        from generate_registrations import generate

        from desa_peduli.services.adding import add_file
        from desa_peduli.services.field import FieldSync
        from desa_peduli.storage.backups import make_backup

        rina = self.volunteers["RLW-001"]["session"]
        field = FieldSync(rina)
        self.receipt_report = field.import_receipt(self.receipt_path)
        self.pending_after_receipt = field.pending_changes()
        db = rina.db
        # registered more than 30 days ago (so the purge has something to offer)
        db.execute("UPDATE registrations SET branch_updated_at = ? WHERE status = 'registered'",
                   [(self.now - dt.timedelta(days=35)).isoformat(timespec="seconds")])
        receipt_at = self.now - dt.timedelta(days=13)
        # five corrected registrations, sent eleven days ago; no receipt for them yet
        seq_before = db.execute("SELECT coalesce(max(seq), 0) FROM change_log").fetchone()[0]
        corrected = [row[0] for row in db.execute(
            "SELECT id FROM registrations WHERE status = 'accepted' ORDER BY nik LIMIT 5")]
        for reg_id in corrected:
            record = rina.registrations.get(reg_id)
            record["street"] = (record.get("street") or "Jalan Pasar") + " No. 3"
            rina.registrations.save(record, reg_id=reg_id)
        export_at = self.now - dt.timedelta(days=11)
        backdate_changes(db, seq_before, export_at)
        earlier = self.tmp / "sent-earlier"
        earlier.mkdir()
        second = field.export(earlier)
        seq_before = db.execute("SELECT coalesce(max(seq), 0) FROM change_log").fetchone()[0]
        rows = self.tmp / "rina-more.jsonl"
        records = list(generate(14, 21))
        for index, record in enumerate(records):
            record["village_code"] = VOLUNTEERS[0][2][index % 3]
        rows.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
        add_file(rina, rows)
        made_at = self.now - dt.timedelta(days=10, hours=3)
        backdate_changes(db, seq_before, made_at)
        rina.settings.update({
            "last_receipt_at": receipt_at.isoformat(timespec="seconds"),
            "last_export_at": export_at.isoformat(timespec="seconds"),
            "last_export_file": str(second.path),
        })
        for _ in range(3):
            make_backup(rina.workspace, reason="scheduled")
        make_backup(rina.workspace, reason="pre-purge")
        self.second_bundle = second.path

    # -- the wizard ---------------------------------------------------------------------------
    def shoot_wizard(self) -> None:
        from PySide6.QtWidgets import QWizard

        from desa_peduli.ui.startup.wizard import FirstRunWizard

        if not self.wanted("wizard-"):
            return
        wizard = FirstRunWizard(self.tmp / "home" / "dewi" / ".local" / "share" / "DesaPeduli")
        wizard.resize(720, 600)
        wizard.show()
        self.grab("wizard-1-welcome", wizard)
        welcome = wizard.welcome_page
        welcome.start_enrolment.setChecked(True)
        # a new volunteer's enrolment file, as the branch office wrote it
        from desa_peduli.services.branch import BranchService

        enrolment = BranchService(self.branch).enrol(
            volunteer_id="RLW-004", name="Dewi Lestari", villages=["15.04.05.2016"],
            target=self.enrolments)
        welcome.enrolment_chooser.set_path(enrolment)
        self.grab("wizard-2-enrolment", wizard)
        wizard.next()
        self.wait(100)
        page = wizard.volunteer_page
        page.regency_combo.setCurrentIndex(max(0, page.regency_combo.findData("15.04")))
        page.district_combo.setCurrentIndex(max(0, page.district_combo.findData("15.04.05")))
        page.village_combo.setCurrentIndex(max(0, page.village_combo.findData("15.04.05.2016")))
        self.grab("wizard-3-about-you", wizard)
        wizard.next()
        passphrase = wizard.passphrase_page
        passphrase.passphrase_edit.setText("kopi pinang")
        self.grab("wizard-4-passphrase", wizard)
        passphrase.passphrase_edit.setText(PASSPHRASE)
        passphrase.repeat_edit.setText(PASSPHRASE)
        if self.wanted("wizard-5"):
            wizard.next()  # creates the workspace (a few seconds) and enrols it
            self.wait_until(lambda: wizard.currentPage() is wizard.done_page, 60, "the wizard")
            self.grab("wizard-5-fingerprints", wizard)
            wizard.button(QWizard.WizardButton.FinishButton).click()
            if wizard.session is not None:
                wizard.session.close()
        wizard.close()
        wizard.deleteLater()
        # the branch office's page
        branch = FirstRunWizard(self.tmp / "cabang-baru")
        branch.resize(720, 600)
        branch.show()
        branch.welcome_page.role_branch.setChecked(True)
        branch.next()
        branch.branch_page.name_edit.setText(BRANCH)
        self.grab("wizard-branch", branch)
        branch.close()
        branch.deleteLater()

    # -- the branch office -------------------------------------------------------------------------
    def main_window_geometry(self, window) -> None:
        window.resize(*SCREEN)
        window.move(0, 0)
        window.show()
        window.activateWindow()
        self.wait(200)

    def shoot_branch(self) -> None:
        from desa_peduli.ui.branch.window import BranchMainWindow

        window = BranchMainWindow(self.branch)
        self.branch_window = window
        self.main_window_geometry(window)
        # the Import tab, the way the clerk does it (the file dialog answered)
        window.tabs.setCurrentWidget(window.import_view)
        view = window.import_view
        view.import_files([*self.bundles, self.siti_new_bundle, self.cut_bundle])
        self.wait_until(lambda: not view.running, 180, "the import")
        self.wait(300)
        self.close_dialogs()
        view.table.selectRow(3)  # the laptop that is not Siti's bound one
        self.grab("branch-import", window)
        self.branch_states()
        window.registrations_view.refresh()
        window.history_view.refresh()
        window.volunteers_view.refresh()
        window.tabs.setCurrentWidget(window.registrations_view)
        window.registrations_view.select_row(2)
        self.grab("branch-registrations", window)
        window.tabs.setCurrentWidget(window.history_view)
        self.grab("branch-history", window)
        window.tabs.setCurrentWidget(window.volunteers_view)
        window.volunteers_view.table.selectRow(0)
        self.grab("branch-volunteers", window)
        self.attempt("branch dialogs", lambda: self.shoot_branch_dialogs(window))
        self.attempt("review", lambda: self.shoot_review(window))
        self.attempt("handover", lambda: self.shoot_handover(window))
        self.attempt("coverage", lambda: self.shoot_coverage(window))
        self.attempt("pdf report", self.shoot_pdf)
        self.close_dialogs()
        window.close()

    def shoot_branch_dialogs(self, window) -> None:
        from desa_peduli.ui.branch.review.dialogs import CorrectionDialog, KpjDialog
        from desa_peduli.ui.branch.volunteer_dialogs import (
            EnrolVolunteerDialog,
            RecoverWorkspaceDialog,
            WriteReceiptDialog,
        )
        from desa_peduli.ui.drives import Volume

        volumes = [Volume("USB-RINA", self.stick, 7_400_000_000)]
        dialog = EnrolVolunteerDialog(window.service, window, volumes=volumes)
        dialog.name_edit.setText("Dewi Lestari")
        dialog.open()
        self.grab("branch-enrol", dialog)
        dialog.done(0)
        volunteer = next(v for v in window.service.volunteers() if v["id"] == "RLW-001")
        dialog = WriteReceiptDialog(window.service, volunteer, window, volumes=volumes)
        dialog.open()
        self.grab("branch-receipt", dialog)
        dialog.done(0)
        dialog = RecoverWorkspaceDialog(window.session, window)
        dialog.open()
        self.grab("branch-recover", dialog)
        dialog.done(0)
        dialog = CorrectionDialog("Siti Nurhaliza", window)
        dialog.open()
        self.grab("branch-correction", dialog)
        dialog.done(0)
        dialog = KpjDialog("Siti Nurhaliza", window)
        dialog.open()
        self.grab("branch-kpj", dialog)
        dialog.done(0)
        window.show_fingerprint()
        self.grab("branch-fingerprint", window.dialog)
        window.dialog.done(0)
        self.shoot_reference(window)

    def shoot_reference(self, window) -> None:
        """The message after installing a newer rate table (File → Install reference data)."""
        from PySide6.QtWidgets import QMessageBox

        from desa_peduli.services import reference_data
        from desa_peduli.ui.messages import message_box

        if not self.wanted("branch-reference"):
            return
        rules = json.loads((ROOT / "resources" / "rates" / "rules.json").read_text("utf-8"))
        version = rules.get("version") or "2026.1"
        rules["version"] = bump_version(version)
        folder = self.tmp / "reference-update"
        folder.mkdir(exist_ok=True)
        path = folder / "rules.json"
        path.write_text(json.dumps(rules, ensure_ascii=False, indent=2), "utf-8")
        for band in (ROOT / "resources" / "rates").glob("*.csv"):
            (folder / band.name).write_bytes(band.read_bytes())
        try:
            installed = reference_data.install_files(window.session, [path])
        except Exception:  # noqa: BLE001 - the rate table needs its band file: show the box anyway
            traceback.print_exc()
            installed = [{"name": "rates", "version": rules["version"]}]
        lines = [window.tr("Rate table version {version} installed.").format(
            version=item["version"]) if item["name"] == "rates" else
            window.tr("Occupation list installed.") for item in installed]
        lines.append(window.tr("Every receipt from now on carries it to the volunteers' "
                               "laptops."))
        box = message_box(window, QMessageBox.Icon.Information, window.tr("Reference data"),
                          "\n".join(lines))
        box.open()
        self.grab("branch-reference", box)
        box.done(0)

    def shoot_review(self, window) -> None:
        from desa_peduli.services.review import DEVICE, DUPLICATE, INVALID

        view = window.review_view
        window.tabs.setCurrentWidget(view)
        self.wait(300)
        for kind, name in ((DUPLICATE, "branch-review-duplicates"),
                           (INVALID, "branch-review-invalid"),
                           (DEVICE, "branch-review-device")):
            view.select_kind(kind)
            self.wait(300)
            view._select_item(0)  # noqa: SLF001 - as a click on the first row does
            self.grab(name, window, settle=400)
        if self.wanted("branch-batch-accept"):
            view.batch_accept()
            self.wait_until(lambda: view.dialog is not None and view.dialog.isVisible(), 10,
                            "the batch dialog")
            dialog = view.dialog
            dialog.volunteer_radio.setChecked(True)  # Budi's 48 received ones
            dialog.volunteer_combo.setCurrentIndex(
                max(0, dialog.volunteer_combo.findData("RLW-002")))
            self.grab("branch-batch-accept", dialog, settle=800)
            dialog.done(0)

    def shoot_handover(self, window) -> None:
        desk = window.handover_desk
        if self.wanted("branch-handover"):
            dialog = desk.export()
            dialog.resize(min(1200, SCREEN[0] - 40), min(700, SCREEN[1] - 40))
            self.grab("branch-handover", dialog, settle=1200)
            dialog.done(0)
        if self.wanted("branch-kpj-import"):
            path = self.kpj_file()
            dialog = desk.import_kpj()
            dialog.resize(min(1100, SCREEN[0] - 40), min(700, SCREEN[1] - 40))
            dialog.open_file(path)
            self.wait_until(lambda: dialog.nik_combo.count() > 0, 20, "the KPJ preview")
            self.wait(300)
            dialog.run_import(apply=False)
            self.wait_until(lambda: not dialog.running, 30, "the KPJ check")
            self.grab("branch-kpj-import", dialog, settle=500)
            dialog.done(0)
        if self.wanted("branch-breach"):
            dialog = desk.breach_report()
            index = dialog.volunteer_combo.findData("RLW-002")
            dialog.volunteer_combo.setCurrentIndex(max(0, index))
            self.wait_until(lambda: dialog.preview_info is not None, 30, "the breach preview")
            self.grab("branch-breach", dialog, settle=500)
            dialog.done(0)

    def kpj_file(self) -> Path:
        """What the core system sends back: NIK, KPJ and result of Budi's accepted people
        (one already a participant, one refused by Dukcapil, one rejected), plus a row for
        someone the branch never received and one with no number."""
        import openpyxl

        rows = self.branch.db.execute(
            "SELECT nik FROM registrations WHERE volunteer_id = 'RLW-002' AND branch_state IN "
            "('received', 'accepted') AND nik IS NOT NULL ORDER BY nik LIMIT 20").fetchall()
        outcomes = {1: ("already_participant", ""),
                    2: ("dukcapil_mismatch", "Tanggal lahir berbeda dengan data Dukcapil"),
                    3: ("rejected", "Terdaftar sebagai peserta penerima upah")}
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = "Peserta"
        sheet.append(["Laporan kepesertaan BPU", None, None, None, None])
        sheet.append(["NIK", "Nama", "No. KPJ", "Hasil", "Alasan"])
        for index, (nik,) in enumerate(rows):
            result, reason = outcomes.get(index, ("registered", ""))
            number = f"26{22000000 + index * 613:09d}"[:11] if result in (
                "registered", "already_participant") else ""
            sheet.append([nik, "", number, result, reason])
        sheet.append(["1571010101900001", "", "26099999999", "registered", ""])
        sheet.append([rows[0][0] if rows else "1571010101900002", "", "", "registered", ""])
        path = self.tmp / "hasil-kpj-november.xlsx"
        book.save(path)
        return path

    def shoot_coverage(self, window) -> None:
        view = window.dashboard_view
        if not self.wanted("branch-coverage"):
            return
        with_signal = []
        view.updated.connect(lambda: with_signal.append(1))
        window.tabs.setCurrentWidget(view)
        self.wait_until(lambda: with_signal, 60, "the coverage figures")
        self.wait(500)
        view.table.selectRow(0)
        self.grab("branch-coverage", window, settle=600)
        view.pages.setCurrentIndex(1)
        self.grab("branch-coverage-volunteers", window, settle=400)
        view.pages.setCurrentIndex(0)

    def shoot_pdf(self) -> None:
        """The report as the branch head gets it: its first pages rendered to PNG."""
        if not self.wanted("branch-report-pdf"):
            return
        from PySide6.QtCore import QSize
        from PySide6.QtGui import QColor, QImage, QPainter
        from PySide6.QtPdf import QPdfDocument

        from desa_peduli.services.coverage_report import build_report
        from desa_peduli.ui.branch.dashboard.report_pdf import write_pdf

        target = self.tmp / "laporan.pdf"
        write_pdf(build_report(self.branch), target, lang=self.lang)
        document = QPdfDocument(None)
        document.load(str(target))
        self.wait_until(lambda: document.status() == QPdfDocument.Status.Ready, 20, "the PDF")
        for page, name in ((0, "branch-report-pdf"), (1, "branch-report-pdf-2")):
            if page >= document.pageCount():
                continue
            points = document.pagePointSize(page)
            width = 900
            size = QSize(width, int(width * points.height() / points.width()))
            page_image = QImage(size, QImage.Format.Format_RGB32)
            page_image.fill(QColor("white"))
            painter = QPainter(page_image)
            painter.drawImage(0, 0, document.render(page, size))
            painter.end()
            self.save_image(name, framed(page_image))
        document.close()

    # -- the volunteer --------------------------------------------------------------------------
    def shoot_volunteer(self) -> None:
        from desa_peduli.ui.volunteer.window import MainWindow

        self.volunteer_story()
        rina = self.volunteers["RLW-001"]["session"]
        window = MainWindow(rina, lock_timeout_ms=0, backup_check_ms=24 * 3600 * 1000)
        self.main_window_geometry(window)
        window.table.setFocus()
        window.select_row(0)
        self.grab("main-window", window)
        self.attempt("list and dialogs", lambda: self.shoot_list(window))
        self.attempt("sync dialogs", lambda: self.shoot_sync(window))
        self.attempt("backups and passphrase", lambda: self.shoot_upkeep(window))
        self.attempt("form", lambda: self.shoot_form(window))  # its new draft last
        self.attempt("lock", lambda: self.grab_locked(window))
        self.close_dialogs()
        window.close()

    def shoot_list(self, window) -> None:
        from desa_peduli.ui.volunteer.dialogs import DeleteDialog

        index = window.status_filter.findData("correction")
        window.status_filter.setCurrentIndex(max(0, index))
        window.apply_filters()
        window.select_row(0)
        self.grab("list-corrections", window)
        window.status_filter.setCurrentIndex(0)
        window.apply_filters()
        window.select_row(1)
        record = window.model.record_at(1) or {}
        dialog = DeleteDialog(record.get("full_name") or "", window)
        dialog.reason_edit.setText(
            "Sudah didaftarkan relawan lain" if self.lang == "id" else "Registered by another "
            "volunteer")
        dialog.open()
        self.grab("delete-dialog", dialog)
        dialog.done(0)
        changed = window.session.db.execute(  # one with a few changes: made, corrected
            "SELECT registration_id FROM change_log GROUP BY registration_id "
            "ORDER BY count(*) DESC, max(seq) DESC LIMIT 1").fetchone()
        window.show_history(changed[0] if changed else window.model.id_at(0))
        self.grab("history-dialog", window._dialog)  # noqa: SLF001 - the dialog it opened
        window._dialog.done(0)  # noqa: SLF001

    def shoot_form(self, window) -> None:
        from PySide6.QtTest import QTest

        if not self.wanted("form-"):
            return
        # a complete registration, section by section
        row = window.model.row_of_id(self.complete_registration_id(window))
        window.select_row(max(0, row))
        window.edit_registration()
        form = window.form
        self.wait(300)
        for index, name in enumerate(("identity", "address", "work", "heirs", "consent")):
            form._go_to_section(index)  # noqa: SLF001 - as Alt+1..5 does
            self.grab(f"form-{index + 1}-{name}", window, settle=300)
        window.show_list()
        # a new one being typed (it stays as a draft: the last shot of the list)
        window.new_registration()
        form = window.form
        self.wait(200)
        QTest.keyClicks(form.nik_edit, "1504054203880001")  # typed, as a volunteer does
        QTest.keyClicks(form.name_edit, "Raden Ajeng Siti Nurhaliza")
        QTest.keyClicks(form.phone_edit, "0812 3456 7890")
        self.grab("form-new", window, settle=700)
        window.show_list()

    def complete_registration_id(self, window) -> str:
        """A registration that is accepted (complete, no warnings) and has two heirs."""
        db = window.session.db
        row = db.execute(
            "SELECT id FROM registrations WHERE status = 'accepted' AND purged_at IS NULL "
            "AND json_array_length(heirs) >= 2 ORDER BY updated_at DESC LIMIT 1").fetchone()
        if row is None:
            row = db.execute("SELECT id FROM registrations WHERE status != 'draft' "
                             "AND purged_at IS NULL LIMIT 1").fetchone()
        return row[0]

    def shoot_sync(self, window) -> None:
        from PySide6.QtWidgets import QMessageBox

        from desa_peduli.ui.drives import Volume
        from desa_peduli.ui.messages import message_box
        from desa_peduli.ui.volunteer.sync import ExportDialog

        volumes = [Volume("USB-RINA", self.stick, 7_400_000_000)]
        if self.wanted("export-"):
            dialog = ExportDialog(window.session, window, volumes=volumes)
            dialog.open()
            dialog.target.list.setCurrentRow(0)
            self.grab("export-dialog", dialog)
            dialog.export()
            self.wait_until(lambda: not dialog.is_busy, 60, "the export")
            self.grab("export-done", dialog)
            dialog.done(0)
        box = message_box(window, QMessageBox.Icon.Information, window.sync.tr("Receipt applied"),
                          window.sync.receipt_summary(self.receipt_report,
                                                      self.pending_after_receipt))
        box.open()
        self.grab("receipt-applied", box)
        box.done(0)
        window.sync.show_fingerprints()
        self.grab("fingerprints", window.sync.dialog)
        window.sync.dialog.done(0)
        window.sync.purge()
        self.grab("purge-confirm", window.sync.dialog)
        window.sync.dialog.done(0)

    def shoot_upkeep(self, window) -> None:
        window.restore_from_backup()
        dialog = window._dialog  # noqa: SLF001 - the dialog it opened
        self.grab("restore-dialog", dialog)
        dialog.done(0)
        window.change_passphrase()
        dialog = window._dialog  # noqa: SLF001
        self.grab("change-passphrase", dialog)
        dialog.done(0)

    def grab_locked(self, window) -> None:
        window.lock()
        self.grab("lock", window)

    # -- opening, help ---------------------------------------------------------------------------
    def shoot_passphrase(self) -> None:
        from desa_peduli.errors import WrongPassphrase
        from desa_peduli.ui import labels
        from desa_peduli.ui.startup.passphrase import PassphraseDialog
        from desa_peduli.ui.widgets import show_error

        if not self.wanted("passphrase-"):
            return
        dialog = PassphraseDialog(self.tmp / "RLW-002")
        dialog.show()
        dialog.passphrase_edit.setText("kopi-sawit")
        self.grab("passphrase-open", dialog)
        dialog.passphrase_edit.clear()
        show_error(dialog.error, labels.error_message(WrongPassphrase()))
        self.grab("passphrase-wrong", dialog)
        dialog.done(0)

    def shoot_help(self) -> None:
        from desa_peduli.ui.help import close_help, show_help

        if not self.wanted("help-window"):
            return
        window = show_help("export", "volunteer", self.lang)
        window.resize(1000, 700)
        window.move(0, 0)
        self.wait(400)
        window.show_section("export")
        self.grab("help-window", window, settle=400)
        close_help()


# -- demo-data helpers ---------------------------------------------------------------------------
def framed(image):
    """``image`` with a one-pixel grey frame (a dialog does not melt into the page)."""
    from PySide6.QtGui import QColor, QImage, QPainter

    out = QImage(image.width() + 2, image.height() + 2, QImage.Format.Format_RGB32)
    out.fill(QColor("#9a9a9a"))
    painter = QPainter(out)
    painter.drawImage(1, 1, image)
    painter.end()
    return out


def shift_date(iso: str, days: int) -> str:
    return (dt.date.fromisoformat(iso) + dt.timedelta(days=days)).isoformat()


def bump_version(version: str) -> str:
    head, _sep, tail = str(version).rpartition(".")
    return f"{head}.{int(tail) + 1}" if tail.isdigit() and head else f"{version}.1"


def spread_over_weeks(session, now: dt.datetime, *, weeks: int, seed: int) -> None:
    """Registrations made over the last ``weeks`` weeks (not all today): their creation
    and change times, and their change log, moved back (demo data only)."""
    import random

    db = session.db
    rows = db.execute("SELECT id FROM registrations ORDER BY pk").fetchall()
    chooser = random.Random(seed)
    with db.atomic():
        for index, (reg_id,) in enumerate(rows):
            age = weeks * 7 * (1 - index / max(1, len(rows))) + chooser.random()
            when = (now - dt.timedelta(days=age, hours=chooser.randint(0, 8))).isoformat(
                timespec="seconds")
            db.execute("UPDATE registrations SET created_at = ?, updated_at = ? WHERE id = ?",
                       [when, when, reg_id])
            db.execute("UPDATE change_log SET at = ? WHERE registration_id = ?", [when, reg_id])


def backdate_changes(db, after_seq: int, when: dt.datetime) -> None:
    stamp = when.isoformat(timespec="seconds")
    with db.atomic():
        ids = [row[0] for row in db.execute(
            "SELECT DISTINCT registration_id FROM change_log WHERE seq > ?", [after_seq])]
        db.execute("UPDATE change_log SET at = ? WHERE seq > ?", [stamp, after_seq])
        for reg_id in ids:
            db.execute("UPDATE registrations SET updated_at = ?, created_at = min(created_at, ?) "
                       "WHERE id = ?", [stamp, stamp, reg_id])


if __name__ == "__main__":
    sys.exit(main())
