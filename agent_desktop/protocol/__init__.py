"""Gateway protocol v1: the wire contract between the desktop and any contact-centre platform.

The pydantic models here are the single definition of every JSON body; the sandbox
serves them (and derives its OpenAPI document from them) and the gateway adapter
validates what it receives against them. See docs/protocol.md.
"""

PROTOCOL_VERSION = "1"
