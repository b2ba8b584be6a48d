"""The customer summary: local rules, redaction, and the service that picks a provider."""
