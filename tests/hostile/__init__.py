"""The hostile-input corpus and every reader run over it."""
