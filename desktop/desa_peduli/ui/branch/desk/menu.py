"""The branch office's hand-over desk: the export for the core system (format, filters,
column mapping), the import of KPJ numbers, and the breach report.

:func:`install_actions` puts the three actions in a menu of the branch window, and the
hand-over export and the KPJ import as buttons under the Registrations tab's list. Each
dialog runs its work on a worker thread with a connection of its own
(a job of ``ui/jobs.py``), shows progress and can cancel; the
services (``services/handover.py``, ``kpj_import.py``, ``breach.py``) do the work.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QObject,
    Qt,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from desa_peduli.ui.branch.desk.breach import BreachReportDialog
from desa_peduli.ui.branch.desk.export import HandoverExportDialog
from desa_peduli.ui.branch.desk.kpj_import import KpjImportDialog


# ------------------------------------------------------------------------------ menu
class HandoverDesk(QObject):
    """The three actions of the branch window and the dialog each opens."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.dialog: QDialog | None = None
        self.export_action = self._action(self.tr("Export for &hand-over…"), self.export,
                                          "Ctrl+Shift+E")
        self.kpj_action = self._action(self.tr("Import &KPJ numbers…"), self.import_kpj,
                                       "Ctrl+Shift+K")
        self.breach_action = self._action(self.tr("Brea&ch report…"), self.breach_report)
        self.actions = [self.export_action, self.kpj_action, self.breach_action]

    def install_buttons(self, row: QHBoxLayout, parent: QWidget) -> None:
        """The hand-over's two buttons in ``row`` (under the registrations list)."""
        label = QLabel(self.tr("BPJS Ketenagakerjaan core system:"), parent)
        self.export_button = QPushButton(self.tr("Export for hand-over…"), parent)
        self.export_button.setToolTip(self.tr(
            "Write the file for the core system from the registrations chosen here "
            "(Ctrl+Shift+E)"))
        self.kpj_button = QPushButton(self.tr("Import KPJ results…"), parent)
        self.kpj_button.setToolTip(self.tr(
            "Read the core system's answer: the KPJ numbers, and the registrations it "
            "refused, which go back to their volunteers (Ctrl+Shift+K)"))
        row.addWidget(label)
        for button, action in ((self.export_button, self.export_action),
                               (self.kpj_button, self.kpj_action)):
            button.setAutoDefault(False)
            button.clicked.connect(lambda _checked=False, a=action: a.trigger())
            row.addWidget(button)
        row.addStretch(1)

    def _action(self, text: str, slot, shortcut: str | None = None) -> QAction:
        action = QAction(text, self.window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)
        return action

    def _show(self, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _query(self):
        view = getattr(self.window, "registrations_view", None)
        return view.current_query() if view is not None else None

    def export(self) -> QDialog:
        return self._show(HandoverExportDialog(self.window.session, self.window,
                                               query=self._query()))

    def import_kpj(self) -> QDialog:
        dialog = KpjImportDialog(self.window.session, self.window)
        dialog.imported.connect(self._on_kpj_imported)
        return self._show(dialog)

    def _on_kpj_imported(self, report) -> None:
        for name in ("registrations_view", "volunteers_view"):
            view = getattr(self.window, name, None)
            if view is not None and hasattr(view, "refresh"):
                view.refresh()
        self.window.statusBar().showMessage(self.tr(
            "%n registration(s) marked Registered from {file}", "", report.registered).format(
            file=report.file), 10_000)

    def breach_report(self) -> QDialog:
        return self._show(BreachReportDialog(self.window.session, self.window))


def install_actions(window, menu) -> HandoverDesk:
    """Add the desk's actions to ``menu`` of the branch ``window`` (kept as
    ``window.handover_desk``)."""
    desk = HandoverDesk(window)
    window.handover_desk = desk
    menu.addSeparator()
    for action in desk.actions:
        menu.addAction(action)
    view = getattr(window, "registrations_view", None)
    if view is not None and hasattr(view, "handover_row"):
        desk.install_buttons(view.handover_row, view)
    return desk
