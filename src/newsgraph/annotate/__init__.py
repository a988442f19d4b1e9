"""annotate stage package."""
