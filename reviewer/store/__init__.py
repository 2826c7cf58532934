"""Persistence: the only layer that imports TinyDB."""
