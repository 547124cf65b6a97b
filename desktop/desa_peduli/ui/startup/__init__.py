"""Before a workspace is open: the first-run wizard (volunteer or branch, enrolment) and the
passphrase prompt.
"""
