"""The volunteer's side of sync: enrolment, bundle export, receipts, data minimisation."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from desa_peduli.errors import InputRejected, NotEnrolled, WrongRole
from desa_peduli.services import reference_data
from desa_peduli.services.branch import escrow_key
from desa_peduli.storage.backups import forget_backups_before
from desa_peduli.storage.registrations import local_now
from desa_peduli.storage.settings import Settings
from desa_peduli.sync import bundle as bundles
from desa_peduli.sync import receipt as receipts
from desa_peduli.sync.enrolment import binding_secret

# re-exported: the UI and the CLI read an enrolment file through this service
from desa_peduli.sync.enrolment import branch_fingerprint as branch_fingerprint
from desa_peduli.sync.enrolment import read_enrolment as read_enrolment
from desa_peduli.sync.keystore import ensure_keys, get_secret, load_keys, set_secret
from desa_peduli.sync.signing import b64, fingerprint, unb64

if TYPE_CHECKING:
    from desa_peduli.services.session import Session

ENROLMENT_SECRET = "enrolment_secret"  # in ``secrets``: the enrolment file's binding secret

PERSONAL_FIELDS = ("nik", "full_name", "birth_place", "birth_date", "phone", "email", "rt",
                   "rw", "street", "work_location", "heirs", "consent", "no_phone_reason",
                   "family_phone")


@dataclass
class FieldSync:
    session: Session

    def __post_init__(self) -> None:
        if self.session.role != "volunteer":
            raise WrongRole("volunteer")

    @property
    def db(self) -> Database:
        return self.session.db

    @property
    def settings(self) -> Settings:
        return self.session.settings

    @property
    def enrolled(self) -> bool:
        return bool(self.settings.get("branch"))

    def fingerprint(self) -> str:
        signing, _identity = load_keys(self.db)
        if signing is None:
            raise NotEnrolled()
        return fingerprint(signing.public_bytes)

    # -- enrolment ----------------------------------------------------------------------
    def enrol(self, enrolment_path: Path, *, shown: dict[str, Any] | None = None) -> dict[str, Any]:
        """Bind this workspace to a branch (keeps every registration already here). A
        laptop enrolled already takes a new file only from the same branch key (a new
        secret after a laptop swap, new villages): its bundles and escrowed key must never
        go to whoever made a file with another key.

        ``shown``: the enrolment as the window showed it (branch fingerprint, volunteer)
        when the person confirmed it; a file that says anything else by now (swapped on
        the stick meanwhile) is refused and nothing changes."""
        enrolment = read_enrolment(enrolment_path)
        if shown is not None and enrolment != shown:
            raise InputRejected(
                f"Berkas penghubung {Path(enrolment_path).name} berubah sejak ditampilkan "
                "(kantor cabang atau relawan lain). Tidak ada yang diubah; pilih lagi "
                "berkasnya dan cocokkan kode pencocokannya.",
                f"The enrolment file {Path(enrolment_path).name} changed since it was shown "
                "(another branch office or volunteer). Nothing was changed; choose the file "
                "again and compare its matching code.")
        branch = dict(enrolment["branch"], fingerprint=branch_fingerprint(enrolment))
        known = self.settings.get("branch")
        if known and known.get("signing_key") != branch["signing_key"]:
            mine = fingerprint(unb64(known["signing_key"]))
            raise InputRejected(
                f"Laptop ini sudah terhubung dengan kantor cabang {known.get('name') or ''} "
                f"(kode pencocokan {mine}); berkas ini ditandatangani kunci lain (kode pencocokan "
                f"{branch['fingerprint']}). Berkas ditolak dan tidak ada yang diubah: "
                "bundel dan kunci titipan laptop ini hanya dikirim ke kantor cabangnya. "
                "Tanyakan ke kantor cabang Anda.",
                f"This laptop is enrolled with branch office {known.get('name') or ''} "
                f"(matching code {mine}); this file is signed by another key (matching code "
                f"{branch['fingerprint']}). The file was refused and nothing was changed: "
                "this laptop's bundles and escrowed key go only to its own branch. "
                "Ask your branch office.")
        current = self.settings.get("volunteer_id")
        if current and current != enrolment["volunteer_id"]:
            raise InputRejected(
                f"Laptop ini sudah terhubung sebagai relawan {current}; berkas ini untuk "
                f"{enrolment['volunteer_id']}. Minta berkas yang benar ke kantor cabang.",
                f"This laptop is already enrolled as volunteer {current}; this file is for "
                f"{enrolment['volunteer_id']}. Ask the branch for the right file.")
        if known and _issued_before(enrolment, self.settings.get("enrolment_issued_at")):
            raise InputRejected(
                f"Berkas penghubung ini ({enrolment.get('issued_at')}) lebih lama daripada "
                f"berkas yang dipakai laptop ini ({self.settings.get('enrolment_issued_at')}); "
                "berkas lama sudah diganti kantor cabang dan tidak berlaku lagi. Tidak ada "
                "yang diubah.",
                f"This enrolment file ({enrolment.get('issued_at')}) is older than the one "
                f"this laptop uses ({self.settings.get('enrolment_issued_at')}); the branch "
                "office replaced the old file and it is no longer valid. Nothing was changed.")
        secret = binding_secret(enrolment)
        with self.db.atomic():
            ensure_keys(self.db)
            if secret is not None:
                set_secret(self.db, ENROLMENT_SECRET, b64(secret))
            else:  # a file from before binding secrets: an earlier file's secret is void
                self.db.execute("DELETE FROM secrets WHERE name = ?", [ENROLMENT_SECRET])
            self.settings.update({
                "volunteer_id": enrolment["volunteer_id"],
                "volunteer_name": enrolment["volunteer_name"],
                "villages": enrolment.get("villages", []),
                "branch": branch,
                "enrolled_at": local_now(),
                "rate_table_version": enrolment.get("rate_table_version"),
                "enrolment_id": enrolment.get("enrolment_id"),
                "enrolment_issued_at": enrolment.get("issued_at"),
            })
            if not self.settings.get("home_village") and enrolment.get("villages"):
                self.settings.set("home_village", enrolment["villages"][0])
            self.db.execute("UPDATE registrations SET volunteer_id = ? WHERE volunteer_id IS NULL",
                            [enrolment["volunteer_id"]])
            escrow_key(self.session.workspace, branch["recipient"])
        self.session.registrations.reset()  # the actor is now the volunteer id
        return branch

    # -- export -------------------------------------------------------------------------
    def pending_changes(self) -> int:
        watermark = int(self.settings.get("acked_seq") or 0)
        pending: int = self.db.execute(
            "SELECT count(*) FROM registrations WHERE change_seq > ? AND status != 'draft' "
            "AND purged_at IS NULL", [watermark]).fetchone()[0]
        return pending

    def export(self, target: Path, *, everything: bool = False) -> bundles.ExportResult:
        if not self.enrolled:
            raise NotEnrolled()
        target = Path(target)
        if not target.parent.exists() and not target.is_dir():
            raise InputRejected(f"Folder tujuan tidak ada: {target.parent}",
                                f"Target folder does not exist: {target.parent}")
        watermark = 0 if everything else int(self.settings.get("acked_seq") or 0)
        seq_to = self.db.execute("SELECT coalesce(max(seq), 0) FROM change_log").fetchone()[0]
        if seq_to <= watermark:
            return bundles.ExportResult(None, None, {})
        signing, identity = load_keys(self.db)
        if signing is None or identity is None:  # made when the laptop was enrolled
            raise NotEnrolled()
        volunteer_id = self.settings.get("volunteer_id")
        recipient = self.settings.get("branch")["recipient"]
        secret = get_secret(self.db, ENROLMENT_SECRET)
        enrolment = (self.settings.get("enrolment_id"), unb64(secret)) if secret else None
        # a read transaction: the bundle is one consistent snapshot even while saving;
        # it takes no write lock, so the UI thread can keep saving meanwhile
        with self.db.atomic():
            result = bundles.write_bundle(
                self.db, target, volunteer_id=volunteer_id,
                workspace_id=self.session.workspace.meta["workspace_id"], device_key=signing,
                device_identity=identity, branch_recipient=recipient,
                watermark=watermark, seq_to=seq_to, enrolment=enrolment)
        with self.db.atomic():
            self.settings.update({"last_export_at": local_now(), "last_export_seq": seq_to,
                                  "last_export_file": str(result.path)})
        return result

    # -- receipts -----------------------------------------------------------------------
    def import_receipt(self, path: Path) -> receipts.ReceiptReport:
        if not self.enrolled:
            raise NotEnrolled()
        signing, identity = load_keys(self.db)
        if signing is None or identity is None:  # made when the laptop was enrolled
            raise NotEnrolled()
        branch = self.settings.get("branch")
        actor = f"{branch.get('name')} (receipt)"
        report = receipts.apply_receipt(
            self.db, Path(path), volunteer_id=self.settings.get("volunteer_id"),
            device_key=signing, device_identity=identity,
            branch_key=unb64(branch["signing_key"]),
            last_receipt_seq=int(self.settings.get("last_receipt_seq") or 0),
            on_reference=lambda record: reference_data.apply_from_receipt(
                self.session, record, actor),
            on_applied=lambda applied: self.settings.update({
                "last_receipt_seq": applied.receipt_seq, "acked_seq": applied.acked_seq,
                "last_receipt_at": local_now()}))
        if report.reference:
            reference_data.activate(self.session)
        return report

    # -- data minimisation ----------------------------------------------------------------
    def purgeable(self, days: int | None = None) -> list[str]:
        """Registered, acknowledged registrations older than ``days`` since registration."""
        if days is None:
            stored = self.settings.get("purge_after_days")
            days = 30 if stored is None else int(stored)
        cutoff = (dt.datetime.now().astimezone() - dt.timedelta(days=days)).isoformat()
        watermark = int(self.settings.get("acked_seq") or 0)
        return [row[0] for row in self.db.execute(
            "SELECT id FROM registrations WHERE status = 'registered' AND purged_at IS NULL "
            "AND change_seq <= ? AND branch_updated_at <= ?", [watermark, cutoff])]

    def purge(self, days: int | None = None) -> int:
        """Remove the personal data of registrations the branch has registered and
        acknowledged, keeping what the progress view needs (id, status, desa, occupation,
        KPJ number, dates). Nothing unacknowledged is ever purged.

        Gone means gone from everywhere this laptop keeps it: the rows, their revisions
        and attachments, every reason typed about them (the branch's and the
        volunteer's), the name index, the database's free pages and write-ahead log,
        and every backup made before (see :meth:`_forget_purged`)."""
        ids = self.purgeable(days)
        if ids:
            now = local_now()
            sets = ", ".join(f"{f} = NULL" for f in PERSONAL_FIELDS)
            with self.db.atomic():
                for reg_id in ids:
                    self.db.execute(
                        f"UPDATE registrations SET {sets}, branch_reason = NULL, "
                        "deleted_reason = NULL, purged_at = ? WHERE id = ?", [now, reg_id])
                    # reasons typed about the person (the branch's, in receipts; the
                    # volunteer's own) may quote a name or a NIK: they go too
                    for table in ("branch_events", "change_log"):
                        self.db.execute(f"UPDATE {table} SET reason = NULL WHERE "
                                        "registration_id = ? AND reason IS NOT NULL", [reg_id])
                    self.db.execute("DELETE FROM attachments WHERE registration_id = ?",
                                    [reg_id])
                    self.db.execute("DELETE FROM revisions WHERE registration_id = ?", [reg_id])
                # FTS5 keeps a deleted name's tokens in its segments (as delete markers)
                # until they merge: rebuilt from the table, the index holds only live names
                self.db.execute(
                    "INSERT INTO registrations_fts (registrations_fts) VALUES ('rebuild')")
                self.settings.set("purge_unfinished", True)
        self._forget_purged()
        return len(ids)

    def _forget_purged(self) -> None:
        """Finish a purge (again, after one was cut short): no free page, log or backup
        still holds what it removed. Each step can be repeated, so a purge killed after
        its commit is finished by the next ``purge``."""
        if self.settings.get("purge_unfinished"):
            # the rows' old bytes are wiped as they are freed (secure_delete, see
            # storage.database.connect), but the write-ahead log's old frames still hold
            # them: copied back and truncated. A reader that keeps the log busy past the
            # wait leaves the purge unfinished, for the next one to finish.
            busy = self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
            with self.db.atomic():
                self.settings.update({"purge_unfinished": bool(busy),
                                      "last_purge_at": dt.datetime.now().isoformat()})
        last = self.settings.get("last_purge_at")
        if last:
            # a backup from before the purge would bring the people back on restore
            forget_backups_before(self.session.workspace, dt.datetime.fromisoformat(last))
            self.settings.set("last_purge_at", None)


def _issued_before(enrolment: dict[str, Any], current: str | None) -> bool:
    """Whether ``enrolment`` was issued before the file the laptop was enrolled with
    (issued at ``current``): the branch replaced that older file, its secret binds nothing,
    and taking it again would leave the laptop unable to prove its enrolment."""
    try:
        if not current:
            return False
        issued: Any = enrolment.get("issued_at")  # not a text: a TypeError, below
        return dt.datetime.fromisoformat(issued) < dt.datetime.fromisoformat(current)
    except (TypeError, ValueError):  # a time without an offset, or none: not comparable
        return False
