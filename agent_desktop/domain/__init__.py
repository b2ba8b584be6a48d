"""Pure-Python model of the contact centre as the advisor sees it.

Nothing here imports Qt, httpx or keyring: the same types serve the services, the
shell, the plugins and the sandbox's own state machines.
"""
