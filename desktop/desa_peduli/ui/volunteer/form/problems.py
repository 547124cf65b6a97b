"""The registration form's problem display: messages under the fields, the summary, the counts.

:class:`ProblemDisplay` shows what validation found in a :class:`RegistrationFormView`:
each problem under its field (an error only once the field has been visited, or for a
stored registration at once), a "Still to do" summary on the right whose lines lead to
the field, the duplicate-NIK box and each section's count of errors in the section
list. It remembers which fields have been visited (``touched``). Its texts keep the
view's translation context.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QListWidgetItem

from desa_peduli.domain.problems import ERROR, WARNING, Problem
from desa_peduli.ui.problem_words import gui_message
from desa_peduli.ui.volunteer.form.sections import HEIRS, FieldEntry, FormSections
from desa_peduli.ui.volunteer.form.widgets import MessageLabel

if TYPE_CHECKING:
    from desa_peduli.ui.volunteer.form.registration_form import RegistrationFormView

translate = QCoreApplication.translate  # every text in the view's context, RegistrationFormView

FIELD_ROLE = Qt.ItemDataRole.UserRole
ERROR_COLOR = QColor("#a4161a")
WARNING_COLOR = QColor("#7a5200")
PENDING_COLOR = QColor("#4b5563")
BRANCH_REASON = "branch.reason"  # the summary line of the branch office's reason
_HEIR_FIELD = re.compile(r"heirs\[(\d+)\](?:\.(\w+))?")


class ProblemDisplay:
    """Where a form's problems are shown (see the module docstring)."""

    def __init__(self, view: RegistrationFormView, sections: FormSections, *, lang: str):
        self.view = view
        self.sections = sections
        self._lang = lang
        self.problems: list[Problem] = []
        self.touched: set[str] = set()  # fields whose errors are shown
        self.show_all = False  # a stored registration: every error at once
        self.heir_rows: list = []  # the heir rows in the data last validated, in order
        # the branch office's correction reason: the summary's first line until the
        # volunteer changes something (the form clears it then)
        self.branch_reason: str | None = None

    # -- which field, and whether it is shown yet ----------------------------------------
    def message(self, problem: Problem) -> str:
        """In the GUI's words (``ui/problem_words.py``), in the form's language."""
        return gui_message(problem.code, problem.message, problem.message_en, lang=self._lang)

    def visible(self, problems: list[Problem]) -> list[Problem]:
        """Drop "when was consent given" while consent is not given: the time is automatic."""
        given_error = any(p.field == "consent.given" and p.is_error for p in problems)
        if given_error or not self.view.consent_check.isChecked():
            problems = [p for p in problems if p.field != "consent.at"]
        return problems

    def entry_for(self, problem: Problem) -> FieldEntry | None:
        fields = self.sections.fields
        name = problem.field
        if problem.code == "nik.birth_date_mismatch":
            name = "birth_date"
        elif problem.code == "nik.sex_mismatch":
            name = "sex"
        if name in fields:
            return fields[name]
        match = _HEIR_FIELD.fullmatch(name)
        if match:
            index = int(match.group(1))
            if index < len(self.heir_rows):
                row = self.heir_rows[index]
                part = match.group(2)
                focus = {"relationship": row.relationship, "phone": row.phone}.get(part, row.name)
                return FieldEntry(f"heir:{id(row)}", HEIRS,
                                  translate("RegistrationFormView", "Heir {number}").format(
                                      number=index + 1),
                                  focus, row.message)
            return fields["heirs"]
        if name.startswith("consent"):
            return fields["consent"]
        head = re.split(r"[.\[]", name, maxsplit=1)[0]
        return fields.get(head)

    def is_shown(self, entry: FieldEntry) -> bool:
        if self.show_all:
            return True
        if entry.key.startswith("heir:"):
            return "heirs" in self.touched
        return entry.key in self.touched

    def reveal(self, entry: FieldEntry) -> None:
        """Show ``entry``'s errors from now on (its summary line was chosen)."""
        self.touched.add(entry.key if not entry.key.startswith("heir:") else "heirs")

    def reveal_section(self, index: int) -> None:
        """Once a section has been seen, its problems are shown next to its fields."""
        for entry in self.sections.fields.values():
            if entry.section == index:
                self.touched.add(entry.key)
        if index == HEIRS:
            self.touched.add("heirs")

    def entry_of_item(self, item: QListWidgetItem) -> FieldEntry | None:
        """The field a line of the summary leads to."""
        field_name, code = item.data(FIELD_ROLE)
        return self.entry_for(Problem(field_name, code, ""))

    # -- showing ------------------------------------------------------------------------
    def apply(self, problems: list[Problem]) -> None:
        view = self.view
        self.problems = problems
        problems = self.visible(problems)
        # inline messages, grouped by the label they show in
        groups: dict[int, tuple[MessageLabel, list[str], str]] = {}
        for field in list(self.sections.fields.values()):
            if field.message is not None:
                groups.setdefault(id(field.message), (field.message, [], ""))
        for row in view.heirs_editor.rows:
            groups.setdefault(id(row.message), (row.message, [], ""))
        duplicate = None
        summary: list[tuple[Problem, FieldEntry | None]] = []
        counts = [0] * len(self.sections.titles)
        for problem in problems:
            if problem.code == "nik.duplicate":
                duplicate = problem
            entry = self.entry_for(problem)
            summary.append((problem, entry))
            if entry is not None and problem.is_error:
                counts[entry.section] += 1
            if entry is None or entry.message is None or problem.code == "nik.duplicate":
                continue
            if not self.is_shown(entry) and problem.is_error:
                continue
            label, messages, severity = groups.setdefault(id(entry.message),
                                                          (entry.message, [], ""))
            text = self.message(problem)
            if text not in messages:
                messages.append(text)
            worst = ERROR if (severity == ERROR or problem.is_error) else WARNING
            groups[id(entry.message)] = (label, messages, worst)
        for label, messages, severity in groups.values():
            label.show_messages(messages, severity or None)

        if duplicate is not None:
            view.duplicate_label.setText(self.message(duplicate))
            view.duplicate_box.show()
        else:
            view.duplicate_box.hide()
        self._fill_summary(summary)
        for index in range(len(self.sections.titles)):
            item = view.nav_list.item(index)
            if item is not None:
                item.setText(self.sections.nav_text(index, counts[index]))

    def _fill_summary(self, summary: list[tuple[Problem, FieldEntry | None]]) -> None:
        view = self.view
        view.summary_list.clear()
        errors = sum(1 for p, _e in summary if p.is_error)
        warnings = len(summary) - errors
        if self.branch_reason:
            item = QListWidgetItem("{where}\n{reason}".format(
                where=translate("RegistrationFormView", "Branch office asks to correct"),
                reason=self.branch_reason))
            item.setData(FIELD_ROLE, ("", BRANCH_REASON))
            item.setForeground(ERROR_COLOR)
            view.summary_list.addItem(item)
        if not summary and self.branch_reason:
            view.summary_header.setText(translate(
                "RegistrationFormView", "Fix what the branch office asks; it is sent again."))
            view.summary_header.setStyleSheet("QLabel { color: #a4161a; font-weight: bold; }")
        elif not summary:
            view.summary_header.setText(translate("RegistrationFormView", "Everything is filled in."))
            view.summary_header.setStyleSheet("QLabel { color: #1b6e2a; font-weight: bold; }")
        else:
            if errors and warnings:
                text = translate("RegistrationFormView", "{errors} to fix, {warnings} to check")
            elif errors:
                text = translate("RegistrationFormView", "{errors} to fix")
            else:
                text = translate("RegistrationFormView", "{warnings} to check")
            view.summary_header.setText(text.format(errors=errors, warnings=warnings))
            view.summary_header.setStyleSheet("")
        ordered = sorted(summary, key=lambda pe: (0 if pe[0].is_error else 1,
                                                  pe[1].section if pe[1] else 9))
        for problem, entry in ordered:
            where = (f"{self.sections.titles[entry.section]} › {entry.label}" if entry
                     else translate("RegistrationFormView", "Registration"))
            item = QListWidgetItem(f"{where}\n{self.message(problem)}")
            item.setData(FIELD_ROLE, (problem.field, problem.code))
            if problem.is_error:
                shown = entry is not None and self.is_shown(entry)
                item.setForeground(ERROR_COLOR if shown else PENDING_COLOR)
            else:
                item.setForeground(WARNING_COLOR)
            item.setToolTip(self.message(problem))
            view.summary_list.addItem(item)
        view.summary_list.fit_items()
