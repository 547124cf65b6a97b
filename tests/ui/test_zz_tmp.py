from PySide6.QtWidgets import QTableView
from desa_peduli.ui.registration_table_model import RegistrationTableModel

def test_variant(qtbot, session):
    view = QTableView()
    qtbot.addWidget(view)
    model = RegistrationTableModel(session.registrations.store)
    view.setModel(model)
    with qtbot.waitExposed(view):
        view.show()
