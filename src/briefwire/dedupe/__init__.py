"""dedupe stage."""
