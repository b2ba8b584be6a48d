"""``python -m agent_desktop.sandbox``: same as ``agent-desktop sandbox``."""

import sys

from agent_desktop.sandbox.cli import run

if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
