"""The branch window's Coverage tab: models, charts, targets and the PDF coverage report."""
