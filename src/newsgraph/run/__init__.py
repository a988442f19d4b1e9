"""run stage package."""
