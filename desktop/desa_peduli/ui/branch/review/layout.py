"""The Review tab's layout: the queue on the left (kinds, hint, items), the item on the right.

:class:`ReviewLayout` builds the widgets of a :class:`~.view.ReviewView` onto the view
(the way Qt Designer's ``setupUi`` does: ``view.kinds_view``, ``view.keep_left_button``…):
one detail page per kind of item (nothing chosen, a duplicate pair, a registration, a
new laptop). It connects nothing; the texts keep the view's translation context.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desa_peduli.services.review import KINDS
from desa_peduli.ui.branch.review.models import (
    ITEM_NAME,
    ITEM_NIK,
    ITEM_SINCE,
    ITEM_VOLUNTEER,
    ComparisonTableModel,
    ReviewItemsTableModel,
    ReviewKindsModel,
)
from desa_peduli.ui.fingerprint import fingerprint_font
from desa_peduli.ui.widgets import plain, plain_labels

if TYPE_CHECKING:
    from desa_peduli.ui.branch.review.view import ReviewView

translate = QCoreApplication.translate  # every text in the view's context, ReviewView


def _table(parent: QWidget) -> QTableView:
    table = QTableView(parent)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    table.setWordWrap(False)
    table.setCornerButtonEnabled(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.horizontalHeader().setHighlightSections(False)
    return table




def _hint(text: str, parent: QWidget) -> QLabel:
    label = plain(QLabel(text, parent))
    label.setWordWrap(True)
    label.setStyleSheet("color: palette(placeholder-text);")
    return label


class ReviewLayout:
    """The widgets and layout of the Review tab (see the module docstring)."""

    def __init__(self, view: ReviewView):
        self.view = view

    def setup(self) -> None:
        """Create the widgets on the view and lay them out."""
        view = self.view
        layout = QVBoxLayout(view)
        top = QHBoxLayout()
        view.summary = QLabel(view)
        view.summary.setWordWrap(True)
        top.addWidget(view.summary, 1)
        view.batch_button = QPushButton(translate("ReviewView", "&Batch accept…"), view)
        view.batch_button.setToolTip(translate("ReviewView",
            "Accept every clean registration of a bundle, a volunteer or a desa at once"))
        view.batch_button.setAutoDefault(False)
        top.addWidget(view.batch_button)
        layout.addLayout(top)

        view.splitter = QSplitter(Qt.Orientation.Horizontal, view)
        view.splitter.setChildrenCollapsible(False)
        layout.addWidget(view.splitter, 1)

        left = QWidget(view.splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        kinds_label = QLabel(translate("ReviewView", "&Queue:"), left)
        left_layout.addWidget(kinds_label)
        view.kinds_model = ReviewKindsModel(view)
        view.kinds_view = QListView(left)
        view.kinds_view.setModel(view.kinds_model)
        view.kinds_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.kinds_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        row_height = view.kinds_view.sizeHintForRow(0) if view.kinds_model.rowCount() else 20
        view.kinds_view.setFixedHeight(row_height * len(KINDS) + 2 * view.kinds_view.frameWidth()
                                       + 4)
        kinds_label.setBuddy(view.kinds_view)
        left_layout.addWidget(view.kinds_view)
        view.kind_hint = _hint("", left)
        view.kind_hint.setMinimumHeight(view.kind_hint.fontMetrics().lineSpacing() * 3 + 4)
        view.kind_hint.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        left_layout.addWidget(view.kind_hint)
        items_label = QLabel(translate("ReviewView", "&Items:"), left)
        left_layout.addWidget(items_label)
        view.items_model = ReviewItemsTableModel(view.review, view)
        view.items_table = _table(left)
        view.items_table.setModel(view.items_model)
        items_label.setBuddy(view.items_table)
        header = view.items_table.horizontalHeader()
        metrics = view.items_table.fontMetrics()
        header.setMinimumSectionSize(50)
        header.setSectionResizeMode(ITEM_NAME, QHeaderView.ResizeMode.Stretch)
        for column, sample in ((ITEM_NIK, "0000000000000000"), (ITEM_VOLUNTEER, "RLW-0000"),
                               (ITEM_SINCE, "00/00/0000")):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 20)
        left_layout.addWidget(view.items_table, 1)
        view.splitter.addWidget(left)

        view.detail = QStackedWidget(view.splitter)
        self._build_empty_page()
        self._build_duplicate_page()
        self._build_registration_page()
        self._build_device_page()
        view.splitter.addWidget(view.detail)
        view.splitter.setStretchFactor(0, 2)
        view.splitter.setStretchFactor(1, 3)
        em = view.fontMetrics().horizontalAdvance("M")
        view.splitter.setSizes([em * 36, em * 54])
        plain_labels(view)  # names and problems quote what volunteers typed

    def _page(self) -> tuple[QWidget, QVBoxLayout]:
        view = self.view
        page = QWidget(view.detail)
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(6, 0, 0, 0)
        view.detail.addWidget(page)
        return page, page_layout

    def _build_empty_page(self) -> None:
        view = self.view
        view.empty_page, page_layout = self._page()
        view.empty_label = QLabel(view.empty_page)
        view.empty_label.setWordWrap(True)
        view.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        view.empty_label.setStyleSheet("color: palette(placeholder-text); padding: 24px;")
        page_layout.addWidget(view.empty_label, 1)

    def _build_duplicate_page(self) -> None:
        view = self.view
        view.duplicate_page, page_layout = self._page()
        view.duplicate_intro = QLabel(view.duplicate_page)
        view.duplicate_intro.setWordWrap(True)
        page_layout.addWidget(view.duplicate_intro)
        view.comparison_model = ComparisonTableModel(view)
        view.comparison = self._fields_table(view.duplicate_page)
        view.comparison.setModel(view.comparison_model)
        page_layout.addWidget(view.comparison, 1)
        buttons = QHBoxLayout()
        view.keep_left_button = QPushButton(translate("ReviewView", "Keep &left"), view.duplicate_page)
        view.keep_right_button = QPushButton(translate("ReviewView", "Keep &right"), view.duplicate_page)
        for button in (view.keep_left_button, view.keep_right_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        page_layout.addLayout(buttons)

    def _build_registration_page(self) -> None:
        view = self.view
        view.registration_page, page_layout = self._page()
        view.registration_intro = QLabel(view.registration_page)
        view.registration_intro.setWordWrap(True)
        page_layout.addWidget(view.registration_intro)
        view.problems_label = QLabel(view.registration_page)
        view.problems_label.setWordWrap(True)
        view.problems_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        view.problems_label.setStyleSheet("color: #8a1c1c;")
        page_layout.addWidget(view.problems_label)
        view.details_model = ComparisonTableModel(view)
        view.details = self._fields_table(view.registration_page)
        view.details.setModel(view.details_model)
        page_layout.addWidget(view.details, 1)
        buttons = QHBoxLayout()
        view.accept_button = QPushButton(translate("ReviewView", "&Accept"), view.registration_page)
        view.correction_button = QPushButton(translate(
            "ReviewView", "Needs c&orrection…"), view.registration_page)
        view.correction_button.setToolTip(translate("ReviewView",
            "Send it back to the volunteer with a reason (the next receipt carries it)"))
        view.open_button = QPushButton(translate("ReviewView", "Show in the &list"), view.registration_page)
        view.open_button.setToolTip(translate(
            "ReviewView", "Open the Registrations tab at this registration"))
        for button in (view.accept_button, view.correction_button, view.open_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        page_layout.addLayout(buttons)

    def _build_device_page(self) -> None:
        view = self.view
        view.device_page, page_layout = self._page()
        view.device_intro = QLabel(view.device_page)
        view.device_intro.setWordWrap(True)
        page_layout.addWidget(view.device_intro)
        grid = QGridLayout()
        view.current_fingerprint = QLabel(view.device_page)
        view.new_fingerprint = QLabel(view.device_page)
        for label in (view.current_fingerprint, view.new_fingerprint):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        view.new_fingerprint.setFont(fingerprint_font())
        grid.addWidget(QLabel(translate("ReviewView", "Laptop bound now:"), view.device_page), 0, 0)
        grid.addWidget(view.current_fingerprint, 0, 1)
        grid.addWidget(QLabel(translate("ReviewView", "New laptop:"), view.device_page), 1, 0)
        grid.addWidget(view.new_fingerprint, 1, 1)
        grid.setColumnStretch(1, 1)
        page_layout.addLayout(grid)
        steps = QLabel(translate("ReviewView",
            "Ask the volunteer to read the fingerprint shown on their laptop (Sync → Show "
            "fingerprints). Approve only if it is the same; then import the refused bundle "
            "again (Ctrl+I)."), view.device_page)
        steps.setWordWrap(True)
        page_layout.addWidget(steps)
        page_layout.addStretch(1)
        buttons = QHBoxLayout()
        view.approve_device_button = QPushButton(translate("ReviewView", "Approve this &laptop…"),
                                                 view.device_page)
        view.dismiss_device_button = QPushButton(translate("ReviewView", "&Not this volunteer's laptop…"),
                                                 view.device_page)
        view.dismiss_device_button.setToolTip(translate("ReviewView",
            "Forget this laptop: its bundles stay refused"))
        for button in (view.approve_device_button, view.dismiss_device_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        page_layout.addLayout(buttons)

    def _fields_table(self, parent: QWidget) -> QTableView:
        table = _table(parent)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        table.setWordWrap(True)  # a long name or street shows whole: the difference may be
        # at its end
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(80)
        header.sectionResized.connect(lambda *_args: table.resizeRowsToContents())
        return table
