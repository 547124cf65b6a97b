"""What every command shares: messages, passphrases, opening the workspace, exit codes."""

from __future__ import annotations

import codecs
import getpass
import os
import sys

from desa_peduli.errors import EXIT_INPUT, EXIT_OK, EXIT_USAGE, DesaPeduliError, WrongRole
from desa_peduli.paths import resolve_workspace_dir

ENV_PASSPHRASE = "DESA_PEDULI_PASSPHRASE"
ENV_NEW_PASSPHRASE = "DESA_PEDULI_NEW_PASSPHRASE"


class UsageError(Exception):
    """Wrong use of the command line (exit code 2)."""


# -- output -----------------------------------------------------------------------------
def language(args) -> str:
    return args.lang or os.environ.get("DESA_PEDULI_LANG") or "id"


def say(args, id_text: str, en_text: str, *, err: bool = True) -> None:
    print(en_text if language(args) == "en" else id_text, file=sys.stderr if err else sys.stdout)


ESCAPE_ERRORS = "desa_peduli_json_escape"


def _json_escape(error: UnicodeError) -> tuple[str, int]:
    """What a console cannot encode, as JSON escapes: ``\\u011e`` for Ğ, a surrogate pair
    ``\\ud83d\\ude42`` for 🙂 (backslashreplace's ``\\U0001f642`` and ``\\x81`` are not
    JSON, so ``--json`` output redirected on Windows could not be read back)."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    parts = []
    for ch in error.object[error.start:error.end]:
        code = ord(ch)
        if code > 0xFFFF:
            code -= 0x10000
            parts.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
        else:
            parts.append(f"\\u{code:04x}")
    return "".join(parts), error.end


codecs.register_error(ESCAPE_ERRORS, _json_escape)


def console_never_fails() -> None:
    """stdout/stderr that cannot encode every character (cp1252 when output is redirected
    on Windows, an ASCII locale) write what they cannot as ``\\uXXXX`` (valid inside JSON
    too: :func:`_json_escape`) rather than crash."""
    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None)
        if not encoding or not hasattr(stream, "reconfigure"):
            continue
        try:
            unicode = codecs.lookup(encoding).name in ("utf-8", "utf-16", "utf-32")
        except LookupError:
            unicode = False
        if not unicode and getattr(stream, "errors", "strict") == "strict":
            stream.reconfigure(errors=ESCAPE_ERRORS)


# -- passphrases ------------------------------------------------------------------------
def read_passphrase(args, *, confirm: bool = False, file_arg: str | None = None) -> str:
    path = file_arg or args.passphrase_file
    if path:
        return read_passphrase_file(path)
    if file_arg is None and os.environ.get(ENV_PASSPHRASE):
        return os.environ[ENV_PASSPHRASE]
    if not sys.stdin or not sys.stdin.isatty():
        raise UsageError(
            "kata sandi diperlukan: atur DESA_PEDULI_PASSPHRASE atau --passphrase-file"
        )
    first = getpass.getpass("Kata sandi: ")
    if confirm and getpass.getpass("Ulangi kata sandi: ") != first:
        raise UsageError("kedua kata sandi tidak sama")
    return first


def new_passphrase(args) -> str:
    if args.new_passphrase_file:
        return read_passphrase(args, file_arg=args.new_passphrase_file)
    if os.environ.get(ENV_NEW_PASSPHRASE):
        return os.environ[ENV_NEW_PASSPHRASE]
    if sys.stdin and sys.stdin.isatty():
        new = getpass.getpass("Kata sandi baru: ")
        if getpass.getpass("Ulangi kata sandi baru: ") != new:
            raise UsageError("kedua kata sandi tidak sama")
        return new
    raise UsageError("kata sandi baru: pakai --new-passphrase-file atau DESA_PEDULI_NEW_PASSPHRASE")


MAX_PASSPHRASE_FILE = 64 * 1024
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))


def read_passphrase_file(path) -> str:
    """The passphrase in the first line of ``path`` (every passphrase file goes through here).

    UTF-8 with or without a BOM and UTF-16 (what PowerShell writes; with a BOM, or
    without one when every other byte is NUL) are read; only the line ending is taken
    off, any other space belongs to the passphrase. UsageError when it cannot be read.
    """
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_PASSPHRASE_FILE)
    except OSError as exc:
        raise UsageError(f"berkas kata sandi tidak terbaca: {path}") from exc
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), None)
    if encoding is None and b"\0" in data and len(data) % 2 == 0:
        odd, even = data[1::2].count(0), data[0::2].count(0)  # ASCII in UTF-16: 1 byte in 2
        if max(odd, even) * 2 >= len(data) // 2:
            encoding = "utf-16-le" if odd > even else "utf-16-be"
    try:
        text = data.decode(encoding or "utf-8")
    except UnicodeDecodeError as exc:
        raise UsageError(
            f"berkas kata sandi {path} bukan teks UTF-8 atau UTF-16: simpan ulang sebagai "
            "UTF-8 (mis. di Notepad: Simpan sebagai → Encoding UTF-8)") from exc
    line = text.split("\n", 1)[0]
    line = line[:-1] if line.endswith("\r") else line
    if "\0" in line:
        raise UsageError(f"berkas kata sandi {path} bukan teks: simpan ulang sebagai UTF-8")
    return line


# -- the workspace ----------------------------------------------------------------------
def open_session(args):
    """The workspace of ``--data-dir`` (or $DESA_PEDULI_HOME), opened with the passphrase."""
    from desa_peduli.services.session import Session

    return Session.open(resolve_workspace_dir(args.data_dir), read_passphrase(args))


def require_role(session, role: str) -> None:
    """WrongRole unless ``session`` is a workspace of ``role`` (branch or volunteer)."""
    if session.role != role:
        raise WrongRole(role)


def qt_application(lang: str):
    """The QApplication Qt needs to draw a PDF: the running one, else an offscreen one
    with the translator of ``lang`` installed."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        if "QT_QPA_PLATFORM" not in os.environ:
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        app = QApplication([sys.argv[0] if sys.argv else "desa-peduli"])
        from desa_peduli.ui.i18n import install_translator

        install_translator(app, lang)
    return app


# -- failures ---------------------------------------------------------------------------
def run(parser, handler, args) -> int:
    """``handler(args)``'s exit code: every failure becomes its message and its exit code."""
    try:
        return handler(args)
    except UsageError as exc:
        parser.print_usage(sys.stderr)
        print(f"desa-peduli: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except DesaPeduliError as exc:
        print(exc.message(language(args)), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # e.g. `desa-peduli list | head`
        sys.stderr.close()
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - the last net: never a raw traceback
        return unexpected(args, exc)


def unexpected(args, exc: Exception) -> int:
    """A failure no handler knew: SQLite's disk full, locked or read-only as what they are;
    anything else is a bug, logged with its (masked) traceback, the log's path printed."""
    from desa_peduli.services.session import known_error

    known = known_error(exc, resolve_workspace_dir(args.data_dir))
    if known is not None:
        print(known.message(language(args)), file=sys.stderr)
        return known.exit_code
    from desa_peduli import logs

    path = logs.log_exception((type(exc), exc, exc.__traceback__),
                              f"desa-peduli {args.command}: unexpected error")
    kind = type(exc).__name__
    if path is None:
        say(args, f"desa-peduli: kesalahan tak terduga ({kind}); perintah tidak selesai.",
            f"desa-peduli: unexpected error ({kind}); the command did not finish.")
    else:
        say(args, f"desa-peduli: kesalahan tak terduga ({kind}); perintah tidak selesai. "
            f"Rinciannya dicatat di {path}; kirim berkas itu ke kantor cabang.",
            f"desa-peduli: unexpected error ({kind}); the command did not finish. The "
            f"details are logged in {path}; send that file to the branch office.")
    return EXIT_INPUT
