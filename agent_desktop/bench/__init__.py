"""``agent-desktop bench``: the performance budget, each figure beside the floor it
cannot beat, measured in the same run on the same machine (see docs/performance.md)."""
