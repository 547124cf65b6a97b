"""The volunteer's window: the registration list and form, its dialogs, and sync with the branch."""
