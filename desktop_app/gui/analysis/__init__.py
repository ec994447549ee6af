"""Analysis panels (corpus search, counts, co-occurrence, word frequencies, charts, agreement) land here."""
