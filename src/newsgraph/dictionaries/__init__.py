"""dictionaries stage package."""
