"""The log file: rotating, in the platform's log folder, with NIKs, phone numbers and names masked.

:func:`setup` runs at the start of the GUI and of the CLI (cheap: the file opens at the
first message). :func:`install_crash_hooks` sends an uncaught exception, in any thread, to
the log with its traceback and then calls back (the GUI shows a dialog, ui/crash.py).
Every line is masked as a whole, traceback included, so a NIK, a phone number or a name
that slips into a message or an exception never reaches the file (ARCHITECTURE.md: no
personal data in logs). No Qt here.
"""

from __future__ import annotations

import logging
import re
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any, cast

from desa_peduli.paths import log_dir

LOG_FILE = "desa-peduli.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"

# the keys under which a record holds personal data: their values are masked wherever a
# dict, JSON or keyword argument shows up in a message (records are never logged on
# purpose; this is the net below that rule)
PERSONAL_KEYS = ("nik", "full_name", "name", "birth_place", "birth_date", "phone", "email",
                 "street", "rt", "rw", "work_location", "witness", "heirs",
                 "volunteer_name", "declared_income", "kpj_number", "kpj")


def _key(quote: str) -> str:
    return rf"(?P<{quote}>['\"]?)\b(?:{'|'.join(PERSONAL_KEYS)})(?P={quote})"


_KEYED = re.compile(  # 'full_name': 'Siti', "nik": "…", phone=0812… (not code: name = x)
    r"(?P<key>" + _key("kq") + r"\s*[:=]\s*)(?:(?P<q>['\"])(?:\\.|(?!(?P=q)).)*(?P=q)|\[[^\]]*\])"
    r"|(?P<bare>" + _key("bq") + r"[:=])[^\s,;)}\]]+")
_NIK = re.compile(r"(?<!\d)\d{16}(?!\d)")
_PHONE = re.compile(r"(?<![\w+])(?:\+62|62|0)[\s.-]?8(?:[\s.-]?\d){7,12}(?!\d)")
# a KPJ number (BPJS's participant number: personal data too) named as one
_KPJ = re.compile(r"(?i)(\bkpj\b[^\d\n]{0,24})\d(?:[\s.-]?\d){7,15}(?!\d)")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# key material, should it ever slip into a message: an age identity, a raw SQLCipher key
_SECRET = re.compile(r"AGE-SECRET-KEY-1[0-9A-Z]+|x'[0-9a-fA-F]{32,}'")

_state: dict[str, LogFileHandler | None] = {"handler": None}


def mask(text: str) -> str:
    """``text`` with personal values replaced: ``[NIK]``, ``[KPJ]``, ``[HP]``, ``[email]``,
    ``***`` (and key material: ``[secret]``)."""
    text = _SECRET.sub("[secret]", text)
    text = _KEYED.sub(lambda m: (m.group("key") or m.group("bare")) + "***", text)
    text = _KPJ.sub(r"\1[KPJ]", text)
    text = _NIK.sub("[NIK]", text)
    text = _PHONE.sub("[HP]", text)
    return _EMAIL.sub("[email]", text)


class MaskingFormatter(logging.Formatter):
    """Formats a record (message, traceback, stack) and masks the whole text."""

    def format(self, record: logging.LogRecord) -> str:
        return mask(super().format(record))


def _RotatingFile(*args: Any, **kwargs: Any) -> logging.Handler:  # noqa: N802 - a class, made late
    """A RotatingFileHandler that keeps writing to the current file when a rollover fails
    (Windows refuses to rename a log another Desa Peduli holds open): otherwise the
    handler drops the message, and every later one, as each tries the rollover again.
    A failure to write is dropped: a log never disturbs the program."""
    # start-up time: a CLI run that logs nothing pays no import of logging.handlers
    from logging.handlers import RotatingFileHandler  # noqa: PLC0415

    class RotatingFile(RotatingFileHandler):
        def doRollover(self) -> None:  # noqa: N802 - logging's name
            try:
                super().doRollover()
            except OSError:
                if self.stream is None:
                    self.stream = self._open()

        def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
            pass

    return RotatingFile(*args, **kwargs)


class LogFileHandler(logging.Handler):
    """The rotating log file, made at the first message (a CLI run that logs nothing pays
    no import of logging.handlers). A log that cannot be written (full disk, a rename
    refused while another Desa Peduli holds the file on Windows) never disturbs the
    program."""

    def __init__(self, path: Path, max_bytes: int, backups: int):
        super().__init__(logging.INFO)
        self.path, self.max_bytes, self.backups = path, max_bytes, backups
        self._file: logging.Handler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self._file is None:
            self._file = _RotatingFile(self.path, maxBytes=self.max_bytes,
                                       backupCount=self.backups, encoding="utf-8", delay=True)
            self._file.setFormatter(MaskingFormatter(FORMAT))
        self._file.handle(record)

    def flush(self) -> None:
        if self._file is not None:
            self._file.flush()

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        super().close()


def setup(directory: Path | None = None, *, max_bytes: int = MAX_BYTES,
          backups: int = BACKUP_COUNT) -> Path | None:
    """Send the program's log to ``directory`` (default: paths.log_dir()); the log path.

    Idempotent; called again with another folder it moves the log there. Returns None
    (and logs nowhere) when the folder cannot be made.
    """
    path = Path(directory or log_dir()) / LOG_FILE
    old = _state["handler"]
    if old is not None and old.path == path and old.max_bytes == max_bytes:
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    handler = LogFileHandler(path, max_bytes, backups)
    root = logging.getLogger()
    if old is not None:
        root.removeHandler(old)
        old.close()
    root.addHandler(handler)
    logging.getLogger("desa_peduli").setLevel(logging.INFO)
    _state["handler"] = handler
    return path


def log_path() -> Path | None:
    """The current log file (None before :func:`setup`)."""
    handler = _state["handler"]
    return handler.path if handler is not None else None


def flush() -> None:
    """Make what was logged so far reach the file (before a crash or an abort)."""
    handler = _state["handler"]
    if handler is not None:
        handler.flush()


_ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def log_exception(exc_info: _ExcInfo, what: str) -> Path | None:
    """Log an unexpected exception with its traceback (masked); the log file's path."""
    logging.getLogger("desa_peduli.crash").critical(what, exc_info=exc_info)
    flush()
    return log_path()


def install_crash_hooks(on_crash: Callable[[], None] | None = None) -> None:
    """Log every uncaught exception (main thread and other threads), then ``on_crash()``.

    The hooks before (Python's: print the traceback) still run when there is a console.
    """
    previous_hook, previous_thread_hook = sys.excepthook, threading.excepthook

    def excepthook(exc_type: type[BaseException], exc: BaseException,
                   tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            previous_hook(exc_type, exc, tb)
            return
        log_exception((exc_type, exc, tb), "uncaught exception")
        if sys.stderr is not None:
            previous_hook(exc_type, exc, tb)
        if on_crash is not None:
            on_crash()

    def thread_excepthook(args: threading.ExceptHookArgs) -> None:
        if issubclass(args.exc_type, SystemExit):
            return
        name = args.thread.name if args.thread is not None else "?"
        # threading sets exc_value whenever it calls the hook (None only in its type)
        exc_info = cast("_ExcInfo", (args.exc_type, args.exc_value, args.exc_traceback))
        log_exception(exc_info,
                      f"uncaught exception in thread {name}")
        if sys.stderr is not None:
            previous_thread_hook(args)
        if on_crash is not None:
            on_crash()

    sys.excepthook = excepthook
    threading.excepthook = thread_excepthook
