"""The registration form: one worker's BPU registration, typed, checked and autosaved."""

from desa_peduli.ui.volunteer.form.registration_form import RegistrationFormView

__all__ = ["RegistrationFormView"]
