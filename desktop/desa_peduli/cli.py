"""Command-line front end (placeholder)."""

def main(argv=None):
    return 0
