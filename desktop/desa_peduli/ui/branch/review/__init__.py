"""The branch window's Review tab: the queue of what needs a person, its models and dialogs."""
