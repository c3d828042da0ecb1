"""tracker stage."""
