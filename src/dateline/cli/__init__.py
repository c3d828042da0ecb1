"""Thin command-line layer: parse -> Settings -> call the library."""
