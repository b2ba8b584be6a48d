"""The built-in plugins. Each uses only ``agent_desktop.plugin_api`` and PySide6, and is
registered through the ``agent_desktop.plugins`` entry-point group like any third-party
plugin."""
