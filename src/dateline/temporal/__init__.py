"""temporal stage."""
