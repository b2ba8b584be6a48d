"""AI providers (OpenAI-compatible chat completions)."""
