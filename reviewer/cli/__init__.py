"""Headless command line for scripts and batch work. Never imports Qt."""
