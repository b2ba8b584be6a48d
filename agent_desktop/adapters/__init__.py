"""Implementations of the ports: the gateway protocol client, the keyring, storage."""
