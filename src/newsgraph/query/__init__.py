"""query stage package."""
