"""events stage package."""
