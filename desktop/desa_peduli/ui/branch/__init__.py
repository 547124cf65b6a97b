"""The branch office's window: registrations, history, volunteers, bundle import, and the
review, dashboard and hand-over desk packages.
"""
