"""glibc's allocator told to keep less: applied on Linux with glibc, a no-op elsewhere."""

from __future__ import annotations

import sys

from child_python import python_output

from agent_desktop import memory


def test_arenas_are_limited_and_free_memory_trimmed_where_glibc_runs() -> None:
    code = (
        "import threading\n"
        "from agent_desktop import memory\n"
        "applied = memory.limit_arenas()\n"
        "blocks = [bytearray(200_000) for _ in range(200)]\n"
        "del blocks\n"
        "memory.trim()\n"
        "threading.Thread(target=lambda: bytearray(1_000_000)).start()\n"
        "print(applied)\n"
    )
    on_glibc = memory._glibc() is not None
    assert python_output(code).strip() == str(on_glibc)
    assert on_glibc == sys.platform.startswith("linux")  # CI: Debian (glibc)
    assert isinstance(memory.trim(), bool)
