"""evaluate stage package."""
