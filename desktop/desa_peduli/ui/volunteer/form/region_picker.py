"""Cascading region pickers: province → kabupaten/kota → kecamatan → desa/kelurahan."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QComboBox, QCompleter, QWidget

from desa_peduli.domain.regions import Region

CODE_ROLE = Qt.ItemDataRole.UserRole


def short_region_name(region: Region) -> str:
    """``Kabupaten Batanghari`` → ``Kab. Batanghari``; districts get ``Kec.``."""
    name = region.name
    if region.level == "regency" and name.startswith("Kabupaten "):
        return "Kab. " + name[len("Kabupaten "):]
    if region.level == "district":
        return "Kec. " + name
    return name


class RegionCombo(QComboBox):
    """An editable combo box over a list of regions, searched by typing any part of a name.

    The chosen region changes only when a name is picked from the list, typed in full,
    or typed so that exactly one name contains it; anything else reverts on leaving.
    """

    code_changed = Signal(object)  # str | None

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(14)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(24)
        completer = QCompleter(self)
        completer.setModel(self.model())
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setMaxVisibleItems(12)
        self.setCompleter(completer)
        app = QApplication.instance()
        assert isinstance(app, QApplication)  # a widget lives only in a QApplication
        app.focusChanged.connect(self._on_app_focus_changed)
        self._code: str | None = None
        self.currentIndexChanged.connect(self._on_current_index_changed)
        line_edit = self.lineEdit()
        assert line_edit is not None  # editable (above)
        line_edit.editingFinished.connect(self._commit_text)

    # -- API --------------------------------------------------------------------------
    def code(self) -> str | None:
        return self._code

    def set_regions(self, regions: list[Region], code: str | None = None) -> None:
        """Replace the list; select ``code`` (or nothing). Emits ``code_changed`` if it moved."""
        old = self._code
        self.blockSignals(True)
        self.clear()
        for region in regions:
            self.addItem(region.name, region.code)
        index = self.findData(code) if code else -1
        self.setCurrentIndex(index)
        if index < 0:
            self.setEditText("")
        self.blockSignals(False)
        self._code = self.itemData(index) if index >= 0 else None
        if self._code != old:
            self.code_changed.emit(self._code)

    def set_code(self, code: str | None) -> None:
        index = self.findData(code) if code else -1
        self.setCurrentIndex(index)
        if index < 0:
            self.setEditText("")
            self._set_code(None)

    # -- internals --------------------------------------------------------------------
    def _on_app_focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        # While its popup is open the completer swallows our focus-out event (and with it
        # the line edit's editingFinished), so watch the application's focus instead.
        mine = (self, self.lineEdit())
        completer = self.completer()
        if old in mine and new not in mine and completer is not None:
            popup = completer.popup()
            if popup is not None:
                popup.hide()
            self._commit_text()

    def _set_code(self, code: str | None) -> None:
        if code != self._code:
            self._code = code
            self.code_changed.emit(code)

    def _on_current_index_changed(self, index: int) -> None:
        self._set_code(self.itemData(index) if index >= 0 else None)

    def _commit_text(self) -> None:
        text = " ".join(self.currentText().split())
        current = self.currentIndex()
        if not text:
            self.setCurrentIndex(-1)
            self._set_code(None)
            return
        if current >= 0 and self.itemText(current) == text:
            return
        folded = text.casefold()
        names = [self.itemText(i).casefold() for i in range(self.count())]
        exact = [i for i, name in enumerate(names) if name == folded]
        matches = exact or [i for i, name in enumerate(names) if folded in name]
        if len(matches) == 1 or exact:
            self.setCurrentIndex(matches[0])
            self.setEditText(self.itemText(matches[0]))
            return
        # ambiguous or unknown: go back to what was chosen before
        self.setEditText(self.itemText(current) if current >= 0 else "")


class RegionCascade(QObject):
    """Wires four ``RegionCombo`` so that each lists the children of the one above."""

    changed = Signal()  # the village (or anything above it) changed by the user

    def __init__(self, regions, province: RegionCombo, regency: RegionCombo,
                 district: RegionCombo, village: RegionCombo, parent: QObject | None = None):
        super().__init__(parent)
        self._regions = regions
        self.combos = (province, regency, district, village)
        self._filling = False
        province.set_regions(sorted(regions.all("province"), key=lambda r: r.name.casefold()))
        for level, combo in enumerate(self.combos):
            combo.code_changed.connect(lambda code, level=level: self._on_code_changed(level, code))

    def village_code(self) -> str | None:
        return self.combos[3].code()

    def set_village_code(self, code: str | None, *, province: str | None = None) -> None:
        """Select ``code`` and its parents; with no code, select ``province`` only."""
        path = self._regions.path(code) if code else []
        codes = [r.code for r in path]
        if not codes and province:
            codes = [province]
        self._filling = True
        try:
            self.combos[0].set_code(codes[0] if codes else None)
            for level in range(1, 4):
                parent = codes[level - 1] if len(codes) >= level else None
                children = self._regions.children(parent) if parent else []
                self.combos[level].set_regions(children, codes[level] if len(codes) > level else None)
        finally:
            self._filling = False

    def _on_code_changed(self, level: int, code: str | None) -> None:
        if self._filling:
            return
        self._filling = True
        try:
            for below in range(level + 1, 4):
                parent = code if below == level + 1 else None
                children = self._regions.children(parent) if parent else []
                self.combos[below].set_regions(children, None)
        finally:
            self._filling = False
        self.changed.emit()


__all__ = ["RegionCascade", "RegionCombo", "short_region_name"]
