"""link stage package."""
