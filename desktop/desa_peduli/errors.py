"""Typed errors the user can act on, each with an Indonesian and an English message.

A bug is an ordinary exception; these are the failures a person can do something about.
Every one maps to a CLI exit code (see ``../shared/design/CLI.md``).
"""

from __future__ import annotations

# collections.abc only (no typing): the command line imports this module first
from collections.abc import Iterable, Sequence

EXIT_OK = 0
EXIT_INPUT = 1
EXIT_USAGE = 2
EXIT_WORKSPACE = 3


class Cancelled(Exception):
    """The person cancelled a long operation; nothing was written or changed.

    Not a :class:`DesaPeduliError`: a cancel is neither a failure to report nor a bug to log.
    """


class DesaPeduliError(Exception):
    """Base class: a failure with a message for people (``id`` and ``en``)."""

    exit_code = EXIT_INPUT

    def __init__(self, message_id: str, message_en: str | None = None):
        super().__init__(message_id)
        self.message_id = message_id
        self.message_en = message_en or message_id

    def message(self, lang: str = "id") -> str:
        return self.message_en if lang == "en" else self.message_id


class InputRejected(DesaPeduliError):
    """The input (a file, a form) was refused; nothing was changed."""

    exit_code = EXIT_INPUT

    def __init__(
        self, message_id: str, message_en: str | None = None,
        problems: Iterable[dict[str, object]] | None = None,
    ):
        super().__init__(message_id, message_en)
        self.problems = list(problems or [])


class WorkspaceError(DesaPeduliError):
    """Something is wrong with the workspace as a whole."""

    exit_code = EXIT_WORKSPACE


class WorkspaceNotFound(WorkspaceError):
    pass


class WorkspaceExists(WorkspaceError):
    pass


class NotAFolder(WorkspaceError):
    """The workspace path names a file (``--data-dir`` given a file by mistake)."""

    def __init__(self, path: object) -> None:
        super().__init__(
            f"{path} adalah berkas, bukan folder. Pilih folder ruang kerja (atau folder "
            "kosong untuk ruang kerja baru); tidak ada yang diubah.",
            f"{path} is a file, not a folder. Choose the workspace's folder (or an empty "
            "folder for a new workspace); nothing was changed.",
        )


class WorkspaceLocked(WorkspaceError):
    def __init__(self, path: object) -> None:
        super().__init__(
            f"Ruang kerja {path} sedang dipakai oleh program Desa Peduli lain. "
            "Tutup jendela atau perintah yang lain itu, lalu coba lagi.",
            f"Workspace {path} is in use by another Desa Peduli program. "
            "Close that window or command, then try again.",
        )


class WrongPassphrase(WorkspaceError):
    def __init__(self) -> None:
        super().__init__(
            "Kata sandi salah. Periksa huruf besar/kecil dan coba lagi; tidak ada yang diubah.",
            "Wrong passphrase. Check upper/lower case and try again; nothing was changed.",
        )


class WeakPassphrase(InputRejected):
    def __init__(self, minimum: int):
        super().__init__(
            f"Kata sandi terlalu pendek: minimal {minimum} karakter.",
            f"Passphrase too short: at least {minimum} characters.",
        )


class SchemaTooNew(WorkspaceError):
    def __init__(self, unknown: Iterable[str]) -> None:
        names = ", ".join(sorted(unknown))
        super().__init__(
            "Basis data ini dibuat oleh versi Desa Peduli yang lebih baru "
            f"({names}). Pasang versi terbaru; data tidak diubah.",
            f"This database was made by a newer Desa Peduli ({names}). "
            "Install the newest version; the data was not changed.",
        )


class WorkspaceDamaged(WorkspaceError):
    def __init__(self, detail: str):
        super().__init__(
            f"Ruang kerja rusak: {detail}. Pulihkan dari cadangan (menu Berkas → Pulihkan dari cadangan).",
            f"Workspace damaged: {detail}. Restore from a backup (File → Restore from backup).",
        )


class WorkspaceIncomplete(WorkspaceDamaged):
    """A folder with workspace files (keys, database, backups) but no ``workspace.json``."""

    def __init__(self, path: object, found: Sequence[str]) -> None:
        names = ", ".join(found[:4]) + (", …" if len(found) > 4 else "")
        DesaPeduliError.__init__(
            self,
            f"Folder {path} berisi berkas ruang kerja ({names}) tetapi tidak ada "
            "workspace.json: ruang kerja ini rusak. Tidak ada yang diubah. Jangan hapus "
            "berkas-berkas itu: di dalamnya ada data terenkripsi, cadangannya (backups/) dan "
            "kuncinya (keys/; keys/branch.age bila laptop ini sudah terhubung dengan kantor "
            "cabang). Pindahkan atau ganti nama folder itu, lalu bawa ke kantor cabang untuk "
            "dipulihkan. Untuk memulai ruang kerja baru, pilih folder lain.",
            f"Folder {path} holds workspace files ({names}) but no workspace.json: this "
            "workspace is damaged. Nothing was changed. Do not delete those files: they hold "
            "the encrypted data, its backups (backups/) and its keys (keys/; keys/branch.age "
            "if this laptop was enrolled). Move or rename that folder and take it to the "
            "branch office to recover it. To start a new workspace, choose another folder.",
        )
        self.path = path
        self.found = list(found)


class DiskFull(WorkspaceError):
    def __init__(self, path: object = None) -> None:
        where_id = f" saat menulis {path}" if path else ""
        where_en = f" while writing {path}" if path else ""
        super().__init__(
            f"Penyimpanan penuh{where_id}. Kosongkan ruang lalu coba lagi; "
            "data sebelumnya aman.",
            f"Storage full{where_en}. Free some space and try again; "
            "earlier data is safe.",
        )


class DatabaseLocked(WorkspaceError):
    """SQLite's "database is locked": another program holds the database."""

    def __init__(self, path: object = None) -> None:
        what_id = f"Basis data {path}" if path else "Basis data ruang kerja"
        what_en = f"The database {path}" if path else "The workspace database"
        super().__init__(
            f"{what_id} sedang dipakai program lain (jendela Desa Peduli lain, program "
            "cadangan atau antivirus). Tutup program itu, tunggu sebentar, lalu coba lagi; "
            "tidak ada yang diubah.",
            f"{what_en} is in use by another program (another Desa Peduli window, a backup "
            "program or an antivirus). Close that program, wait a moment, then try again; "
            "nothing was changed.",
        )


class ReadOnlyStorage(WorkspaceError):
    """The database or its folder cannot be written (read-only folder, drive or file)."""

    def __init__(self, path: object = None) -> None:
        where_id = f" ({path})" if path else ""
        where_en = f" ({path})" if path else ""
        super().__init__(
            f"Ruang kerja{where_id} ada di folder hanya-baca: perubahan tidak bisa disimpan, "
            "tidak ada yang diubah. Salin folder ruang kerja ke folder yang bisa ditulis "
            "(mis. Dokumen di laptop ini) dan buka dari sana, atau minta izin menulis.",
            f"The workspace{where_en} is in a read-only folder: changes cannot be saved, "
            "nothing was changed. Copy the workspace folder to a folder you can write to "
            "(e.g. Documents on this laptop) and open it there, or ask for write access.",
        )


class DriveRemoved(InputRejected):
    """A file on a removable drive could not be written: the drive went away (or failed)
    part-way. Nothing was written in its place; the data it came from is unchanged."""

    def __init__(self, path: object) -> None:
        super().__init__(
            f"Flashdisk dicabut atau rusak saat menulis {path}; berkas tidak jadi ditulis. "
            "Pasang lagi flashdisk, lalu ulangi; data di laptop aman.",
            f"The drive was removed or failed while writing {path}; the file was not "
            "written. Put the drive back and try again; the data on this computer is safe.",
        )


class FileInUse(InputRejected):
    """Windows refused to replace a file another program holds open (Excel, an antivirus)."""

    def __init__(self, path: object) -> None:
        super().__init__(
            f"Berkas {path} sedang dibuka program lain (mis. Excel). Tutup berkas itu lalu "
            "coba lagi; tidak ada yang diubah.",
            f"File {path} is open in another program (e.g. Excel). Close it and try again; "
            "nothing was changed.",
        )
        self.path = path


class NetworkWorkspace(WorkspaceError):
    """A workspace on a network share: SQLite's locks and WAL are not safe there."""

    def __init__(self, path: object, where: str) -> None:
        super().__init__(
            f"Ruang kerja tidak boleh di folder jaringan ({where}): {path}. Basis data tidak "
            "bisa dikunci dengan aman di sana dan data bisa rusak. Pilih folder di disk laptop "
            "ini (bawaan: folder data pengguna); tidak ada yang diubah.",
            f"A workspace may not be in a network folder ({where}): {path}. The database "
            "cannot be locked safely there and data could be damaged. Choose a folder on this "
            "laptop's own disk (default: the user data folder); nothing was changed.",
        )


class NotFound(InputRejected):
    def __init__(self, what: str):
        super().__init__(f"Tidak ditemukan: {what}.", f"Not found: {what}.")


class BundleRejected(InputRejected):
    """A bundle, receipt or enrolment file was refused; nothing was changed."""

    # a bundle from a laptop not (yet) bound to its volunteer: that laptop's fingerprint
    device_fingerprint: str | None = None

    def __init__(self, file_name: str, reason: str, message_id: str, message_en: str):
        super().__init__(f"{file_name}: {message_id}", f"{file_name}: {message_en}")
        self.file_name = file_name
        self.reason = reason


class NotEnrolled(InputRejected):
    def __init__(self) -> None:
        super().__init__(
            "Laptop ini belum terhubung dengan kantor cabang. Minta berkas penghubung "
            "(.dpenrol) ke kantor cabang, lalu pilih Sinkronisasi → Hubungkan laptop ini.",
            "This workspace is not enrolled with a branch office yet. Ask the branch for an "
            "enrolment file, then choose Sync → Enrol this laptop.",
        )


class WrongRole(InputRejected):
    def __init__(self, needed: str):
        what_id = "kantor cabang" if needed == "branch" else "relawan"
        what_en = "branch office" if needed == "branch" else "volunteer"
        super().__init__(
            f"Perintah ini hanya untuk ruang kerja {what_id}.",
            f"This command is only for a {what_en} workspace.",
        )


# -- the branch workspace on a PostgreSQL server ------------------------------------------
class ServerUnreachable(WorkspaceError):
    """The branch's PostgreSQL server did not answer (cable, server off or restarting)."""

    def __init__(self, server: str) -> None:
        super().__init__(
            f"Server kantor cabang tidak bisa dihubungi ({server}). Periksa kabel atau "
            "jaringan kantor, atau tunggu sampai server menyala lagi, lalu coba lagi; tidak "
            "ada yang diubah.",
            f"The branch server cannot be reached ({server}). Check the cable or the office "
            "network, or wait until the server is back, then try again; nothing was changed.",
        )


class ServerRefused(WorkspaceError):
    """The server answered but refused the connection (no such database, too many
    connections...): its own words are shown."""

    def __init__(self, server: str, detail: str) -> None:
        super().__init__(
            f"Server kantor cabang ({server}) menolak sambungan: {detail}. Tanyakan ke "
            "pengelola server; tidak ada yang diubah.",
            f"The branch server ({server}) refused the connection: {detail}. Ask whoever "
            "runs the server; nothing was changed.",
        )


class ClerkLoginFailed(WorkspaceError):
    """A clerk's name or passphrase did not log in (or the clerk was removed)."""

    def __init__(self, clerk: str) -> None:
        super().__init__(
            f"Petugas {clerk} tidak bisa masuk: nama petugas atau kata sandi salah, atau "
            "petugas ini sudah dihapus dari kantor cabang. Periksa huruf besar/kecil dan "
            "coba lagi; tidak ada yang diubah.",
            f"Clerk {clerk} cannot log in: wrong clerk name or passphrase, or this clerk "
            "was removed from the branch. Check upper/lower case and try again; nothing was "
            "changed.",
        )


class NotABranchServer(WorkspaceError):
    """The database named has no branch workspace (or has one already, at init)."""


class NotSupervisor(InputRejected):
    def __init__(self) -> None:
        super().__init__(
            "Hanya supervisor kantor cabang yang boleh menambah atau menghapus petugas; "
            "tidak ada yang diubah.",
            "Only a branch supervisor may add or remove clerks; nothing was changed.",
        )


class ClerkExists(InputRejected):
    def __init__(self, clerk: str) -> None:
        super().__init__(
            f"Sudah ada petugas bernama {clerk}. Pakai nama lain (mis. dengan nama "
            "belakang); tidak ada yang diubah.",
            f"There is already a clerk named {clerk}. Use another name (e.g. with a family "
            "name); nothing was changed.",
        )


class LastSupervisor(InputRejected):
    def __init__(self, clerk: str) -> None:
        super().__init__(
            f"{clerk} adalah supervisor terakhir kantor cabang ini: tambahkan dulu supervisor "
            "lain, baru hapus; tidak ada yang diubah.",
            f"{clerk} is this branch's last supervisor: add another supervisor first, then "
            "remove; nothing was changed.",
        )


class OutsideKabupaten(InputRejected):
    """The server refused a change to a registration outside the clerk's kabupaten."""

    def __init__(self, registration: str) -> None:
        super().__init__(
            f"Pendaftaran {registration} ada di luar kabupaten tugas Anda (atau tidak "
            "ada): server menolak perubahan ini; tidak ada yang diubah.",
            f"Registration {registration} is outside the kabupaten you work for (or does "
            "not exist): the server refused this change; nothing was changed.",
        )


class ImportOutsideKabupaten(InputRejected):
    """A clerk limited to some kabupaten imported a bundle holding registrations elsewhere
    (a branch on a server): the whole bundle is refused."""

    def __init__(self, file_name: str, kabupaten: list[str]) -> None:
        where = f" ({', '.join(sorted(kabupaten)[:5])})" if kabupaten else ""
        super().__init__(
            f"{file_name}: bundel ini berisi pendaftaran di luar kabupaten tugas Anda"
            f"{where}. Impor bundel ini oleh supervisor (atau petugas kabupaten itu); "
            "tidak ada yang diubah.",
            f"{file_name}: this bundle holds registrations outside the kabupaten you work "
            f"for{where}. Have a supervisor (or a clerk of that kabupaten) import it; "
            "nothing was changed.")
        self.file_name = file_name
        self.reason = "outside_kabupaten"


class ServerFolder(WorkspaceError):
    """A clerk's folder of a branch on a server, given to a command that works only on a
    workspace of its own (most branch commands, until they are ported to the server)."""

    def __init__(self, path: object) -> None:
        super().__init__(
            f"Folder {path} adalah folder kantor cabang di server. Di sana baru tersedia "
            "perintah clerk (add, list, remove), passphrase, enrol, import, list, status, "
            "review (NIK ganda) dan resolve-duplicate; perintah lain menyusul. Tidak ada "
            "yang diubah.",
            f"Folder {path} is a folder of a branch on a server. For now only the clerk "
            "commands (add, list, remove), passphrase, enrol, import, list, status, review "
            "(duplicate NIKs) and resolve-duplicate work there; the others come later. "
            "Nothing was changed.",
        )
