"""Annotations: the coding actions, the annotations table, coded segments, the memo panel and the undoable annotation and memo commands."""
