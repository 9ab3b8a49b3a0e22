lead-convert .
