"""Interfaces (typing.Protocol) that the services need and the adapters provide.

A connector for a commercial platform replaces the gateway adapter by implementing
these; nothing above this layer knows which platform answers.
"""
