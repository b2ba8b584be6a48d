"""The sandbox: a contact centre in a box, reached only over gateway protocol v1.

It serves the same HTTP + SSE protocol a real platform connector would speak, with its
own deterministic SQLite data (customers, history, KB, experts, queues) and a scenario
engine that offers calls and streams live transcripts. The client never imports it.
Entry points: :class:`agent_desktop.sandbox.server.SandboxServer` and
:func:`agent_desktop.sandbox.cli.run`.
"""
