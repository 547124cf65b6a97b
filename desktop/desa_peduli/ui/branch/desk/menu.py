"""The branch office's hand-over desk: the export for the core system (format, filters,
column mapping), the import of KPJ numbers, and the breach report.

:func:`install_actions` puts the three actions in a menu of the branch window. Each
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
    return desk
