"""Whole-project operations built over the other rooms: a new project with the default codebook and the sample articles (and, to come, copies, backups and checks)."""
