"""``python -m agent_desktop`` is the same as the ``agent-desktop`` command."""

import sys

from agent_desktop.cli import main

sys.exit(main())
