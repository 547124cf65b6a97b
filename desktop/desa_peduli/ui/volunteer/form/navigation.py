"""Moving through the registration form: the section list, Previous/Next, Tab across sections,
and keeping the field with the focus in view.

:class:`SectionNavigator` works on the widgets :class:`FormSections` built; the view
forwards its Qt focus overrides to it and is told when a section is left.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from desa_peduli.ui.volunteer.form.sections import FormSections

if TYPE_CHECKING:
    from desa_peduli.ui.volunteer.form.registration_form import RegistrationFormView


class SectionNavigator:
    """The current section and the focus within it (see the module docstring)."""

    def __init__(self, view: RegistrationFormView, sections: FormSections, on_leave: Callable[[int], None]):
        self.view = view
        self.sections = sections
        self._on_leave = on_leave  # called with the index of a section being left
        self.last_focus: QWidget | None = None  # where focus returns to the view

    def on_row_changed(self, row: int) -> None:
        """The section list's current row changed (or :meth:`go_to` moved it)."""
        pages = self.view.pages
        if 0 <= row < pages.count() and row != pages.currentIndex():
            self._on_leave(pages.currentIndex())
            pages.setCurrentIndex(row)
        self.view.previous_button.setEnabled(row > 0)
        self.view.next_button.setEnabled(row < pages.count() - 1)

    def step(self, step: int) -> None:
        index = self.view.pages.currentIndex() + step
        if 0 <= index < self.view.pages.count():
            self.go_to(index, focus="first")

    def go_to(self, index: int, focus: str | None = "first") -> None:
        self.view.nav_list.setCurrentRow(index)
        self.on_row_changed(index)
        if focus is None:
            return
        widgets = self.focusable(index)
        if widgets:
            self.focus(widgets[0] if focus == "first" else widgets[-1])

    def focus(self, widget: QWidget) -> None:
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        scroll = self.sections.scrolls[self.view.pages.currentIndex()]
        if self.sections.section_pages[self.view.pages.currentIndex()].isAncestorOf(widget):
            scroll.ensureWidgetVisible(widget, 20, 40)

    def focusable(self, index: int) -> list[QWidget]:
        """The widgets Tab visits in section ``index``, in focus-chain order."""
        page = self.sections.section_pages[index]
        found: list[QWidget] = []
        widget = page.nextInFocusChain()
        for _ in range(5000):
            if widget is None or widget is page:
                break
            if (page.isAncestorOf(widget) and widget.focusProxy() is None
                    and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
                    and widget.isEnabled() and widget.isVisibleTo(page)):
                found.append(widget)
            widget = widget.nextInFocusChain()
        return found

    def tab_across(self, next_: bool) -> bool:
        """Tab past the last field of a section opens the next one (and back with
        Shift+Tab); False when Tab stays within the section."""
        index = self.view.pages.currentIndex()
        page = self.sections.section_pages[index]
        before = self.view.focusWidget()
        inside = before is not None and page.isAncestorOf(before)
        if inside:
            widgets = self.focusable(index)
            position = next((i for i, w in enumerate(widgets)
                             if w is before or w.isAncestorOf(before)), None)
            if position is not None:
                if next_ and position == len(widgets) - 1 and index < self.view.pages.count() - 1:
                    self.go_to(index + 1, focus="first")
                    return True
                if not next_ and position == 0 and index > 0:
                    self.go_to(index - 1, focus="last")
                    return True
        return False

    def on_app_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None:
            return
        scroll = self.sections.scrolls[self.view.pages.currentIndex()]
        if self.sections.section_pages[self.view.pages.currentIndex()].isAncestorOf(new):
            scroll.ensureWidgetVisible(new, 20, 40)
            self.last_focus = new

    def focus_target(self) -> QWidget | None:
        """Where focus given to the view itself goes: the field last used, else the first."""
        page = self.sections.section_pages[self.view.pages.currentIndex()]
        target = self.last_focus
        if (target is None or not shiboken6.isValid(target) or not page.isAncestorOf(target)
                or not target.isVisibleTo(page)):
            widgets = self.focusable(self.view.pages.currentIndex())
            target = widgets[0] if widgets else None
        return target
