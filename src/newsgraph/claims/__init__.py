"""claims stage package."""
