"""The branch's funded batches ("Pembiayaan"): list, create, add, members, bills."""
