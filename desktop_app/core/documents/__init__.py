"""Documents as the researcher sees them: listing and reading them (listing), and editing what import found out about them (attributes)."""
