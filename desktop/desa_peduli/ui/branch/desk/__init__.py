"""The branch office's hand-over desk: export for the core system, KPJ import, breach report."""

from desa_peduli.ui.branch.desk.menu import HandoverDesk, install_actions

__all__ = ["HandoverDesk", "install_actions"]
