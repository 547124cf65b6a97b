"""The reminder banner above the volunteer's list: what is waiting, in plain words, with
the button that deals with it. It never interrupts: "Hide" puts it away until something
new needs saying (the rules are in ``services/reminders.py``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QWidget

from desa_peduli.services.reminders import BACKUP, NOT_ENROLLED, RECEIPT, UNSENT, Reminder
from desa_peduli.ui import labels

BANNER_STYLE = ("#reminder_banner { background: #fff4ce; border: 1px solid #e0c97a; }"
                "#reminder_banner QLabel { color: #3d3000; }")


def short_path(path: Path) -> str:
    """The folder with the home folder written ``~`` (shorter in a window title)."""
    path = Path(path)
    try:
        return str(Path("~") / path.relative_to(Path.home()))
    except ValueError:
        return str(path)


def plain_text(text: str) -> str:
    """A menu text without its mnemonic (the banner's buttons must not take Alt keys)."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&&")


def reminder_text(reminder: Reminder) -> str:
    """What the banner says for ``reminder`` (in the interface language)."""
    # QCoreApplication.translate spelled out each time (lupdate does not see through an
    # alias) and the count as a plain name (lupdate skips an attribute there)
    count = reminder.count
    if reminder.kind == UNSENT:
        return QCoreApplication.translate(
            "Reminders", "%n registration(s) not sent to the branch office for {days} days. "
            "Export a bundle and take it to the branch office.", "", count).format(
            days=reminder.days)
    if reminder.kind == NOT_ENROLLED:
        return QCoreApplication.translate(
            "Reminders", "%n registration(s) have been only on this laptop for {days} days. "
            "Ask the branch office for an enrolment file, so you can send them.", "",
            count).format(days=reminder.days)
    if reminder.kind == RECEIPT:
        return QCoreApplication.translate(
            "Reminders", "The last receipt is older than your last bundle ({date}): ask the "
            "branch office for a new receipt and import it.").format(
            date=labels.format_timestamp(reminder.since))
    if reminder.kind == BACKUP:
        if reminder.since:
            return QCoreApplication.translate(
                "Reminders", "The last backup was made {days} days ago. Make one now; if it "
                "fails, free some space on the disk.").format(days=reminder.days)
        return QCoreApplication.translate("Reminders",
                                          "No backup has been made yet. Make one now.")
    return ""


class ReminderBanner(QFrame):
    """One line per reminder with its button; hidden when there is nothing to say."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("reminder_banner")
        self.setStyleSheet(BANNER_STYLE)
        self.reminders: list[Reminder] = []
        self.dismissed: set[tuple[str, int]] = set()
        self.rows: list[tuple[QLabel, QPushButton | None]] = []
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(10, 6, 6, 6)
        self.grid.setVerticalSpacing(4)
        self.grid.setColumnStretch(0, 1)
        self.hide_button = QPushButton(self.tr("Hi&de"), self)
        self.hide_button.setToolTip(self.tr("Hide these reminders until something changes"))
        self.hide_button.setAutoDefault(False)
        self.hide_button.clicked.connect(self.dismiss)
        self.grid.addWidget(self.hide_button, 0, 2, Qt.AlignmentFlag.AlignTop)
        self.hide()

    @staticmethod
    def _key(reminder: Reminder) -> tuple[str, int]:
        return reminder.kind, reminder.days

    def set_reminders(self, reminders: list[Reminder], actions: dict[str, QAction]) -> None:
        """Show ``reminders`` (not the ones hidden already), each with the button of its
        action in ``actions`` (by kind)."""
        shown = [r for r in reminders if self._key(r) not in self.dismissed]
        if [(r.kind, r.count, r.days, r.since) for r in shown] == \
                [(r.kind, r.count, r.days, r.since) for r in self.reminders] and self.rows:
            self.setVisible(bool(shown))
            return
        self.reminders = shown
        for label, button in self.rows:
            for widget in (label, button):
                if widget is not None:
                    self.grid.removeWidget(widget)
                    widget.deleteLater()
        self.rows = []
        for row, reminder in enumerate(shown):
            text = QLabel(reminder_text(reminder), self)
            text.setWordWrap(True)
            self.grid.addWidget(text, row, 0)
            button = None
            action = actions.get(reminder.kind)
            if action is not None and action.isVisible():
                button = QPushButton(plain_text(action.text()), self)
                button.setAutoDefault(False)
                button.setToolTip(action.toolTip())
                button.setEnabled(action.isEnabled())
                button.clicked.connect(lambda _c=False, a=action: a.trigger())
                self.grid.addWidget(button, row, 1)
            self.rows.append((text, button))
        self.setVisible(bool(shown))

    def texts(self) -> list[str]:
        return [label.text() for label, _button in self.rows]

    def dismiss(self) -> None:
        """Hide until a reminder changes (another kind, or more days waited)."""
        self.dismissed.update(self._key(r) for r in self.reminders)
        self.reminders = []
        self.hide()
