"""Use cases, Qt-free and async: they hold the desktop's state and publish domain events."""
