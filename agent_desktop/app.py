"""The composition root: builds the Qt application on a qasync loop, picks the adapters,
logs in, and shows the shell for the chosen mode.

This is the one place that knows every concrete class; everything below it receives
what it needs. It is also the only client module that starts the bundled sandbox
(``--demo``), in a child process (``demo_sandbox.py``), reached over loopback like any
real gateway.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs
from PySide6.QtCore import QLocale, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from agent_desktop import logs, memory
from agent_desktop.adapters.ai.config import remote_from_settings
from agent_desktop.adapters.gateway import GatewayClient
from agent_desktop.adapters.gateway.tls import verify_setting
from agent_desktop.adapters.outbox import SqliteOutboxStore
from agent_desktop.adapters.secrets import KeyringStore
from agent_desktop.domain.agent import AgentState
from agent_desktop.domain.events import Notice, ScreenPopReady
from agent_desktop.gc_pauses import settle
from agent_desktop.ports.telephony import GatewayError
from agent_desktop.services import phone
from agent_desktop.services.desktop import Desktop
from agent_desktop.services.roles import allowed_modes
from agent_desktop.services.tasks import TaskGroup

if TYPE_CHECKING:
    from agent_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)

DEFAULT_GATEWAY = "http://127.0.0.1:8765"  # `agent-desktop sandbox` listens there by default
DEMO_USER = "alice"
# the demo user of each mode (``--demo --mode wallboard`` logs in as the demo supervisor)
DEMO_USERS = {"advisor": "alice", "extended": "marc", "wallboard": "sophie"}


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir("agent-desktop", appauthor=False))


def settings() -> QSettings:
    """The user's settings (window layout, last gateway, last user): never a secret."""
    directory = config_dir()
    directory.mkdir(parents=True, exist_ok=True)
    return QSettings(str(directory / "agent-desktop.ini"), QSettings.Format.IniFormat)


def system_language() -> str:
    return "fr" if QLocale.system().language() == QLocale.Language.French else "en"


def finish_start_up() -> None:
    """A second after the window is up, while the advisor reads it: what start-up left for
    later is loaded, then start-up's objects leave the garbage collector's rounds."""
    phone.warm_up()  # usually before the first call, which otherwise loads it
    settle()  # gc_pauses


class Application:
    """One run of the desktop: sandbox (demo), login, shell, clean shutdown.

    Attributes:
        desktop: the logged-in core, once logged in.
        window: the shell's main window, once shown.
        timings: start-up figures in seconds (``window_shown``, ``logged_in``).
    """

    def __init__(self, options: argparse.Namespace, app: QApplication, lang: str) -> None:
        self.options = options
        self.app = app
        self.lang = lang
        self.settings = settings()
        self.tasks = TaskGroup(on_error=self._background_error)
        self.desktop: Desktop | None = None
        self.gateway: GatewayClient | None = None
        self.window: Any = None
        self.refusal: Any = None  # the "mode not available" box, while it is open
        self.sandbox: Any = None
        self._tls_context: Any = None  # the demo's, made while its sandbox starts
        self.timings: dict[str, float] = {}
        self.exit_code = 0
        self._started = time.perf_counter()
        self._quit = asyncio.Event()

    # ------------------------------------------------------------------ run

    async def run(self) -> int:
        self.app.aboutToQuit.connect(self._quit.set)
        try:
            if self.options.demo:
                await self._start_demo()
            else:
                self._show_login()
            await self._quit.wait()
        finally:
            await self._shutdown()
        return self.exit_code

    async def _start_demo(self) -> None:
        from agent_desktop.demo_sandbox import DEMO_PASSWORD, SandboxProcess

        # Spawned by cli.main before Qt was imported, so it has been starting meanwhile.
        self.sandbox = getattr(self.options, "sandbox_process", None)
        if self.sandbox is None:
            self.sandbox = SandboxProcess(self.options.seed)
        started = time.perf_counter()
        # Worker threads, started at once (unlike to_thread's, which would wait for the
        # imports below to give the loop a turn).
        loop = asyncio.get_running_loop()
        serving = loop.run_in_executor(None, self.sandbox.start)
        # Meanwhile, what the login and the shell need next loads: the shell's modules,
        # the HTTP transport and the TLS context httpx would build for verify=True
        # (~50 + ~30 ms that were on the login's path; docs/performance.md, cold start).
        import anyio.lowlevel
        import httpx

        tls = loop.run_in_executor(None, httpx.create_ssl_context)
        import httpcore  # noqa: F401

        # httpx's first request loads anyio's asyncio backend (~30 ms, then on the login's
        # path): anything of anyio's that needs the backend loads it now
        await anyio.lowlevel.checkpoint()

        import agent_desktop.adapters.gateway.consult
        import agent_desktop.ui.main_window
        import agent_desktop.ui.plugin_shell  # noqa: F401

        self._tls_context = await tls
        user = self.options.user or DEMO_USERS.get(self.options.mode, DEMO_USER)
        gateway, desktop = self._connect(self.sandbox.base_url)
        # The advisor's window needs no login answer (what the role allows is applied once
        # logged in): it is built while the sandbox still loads on the other core. The
        # login follows; if the sandbox does not serve yet, its requests wait in the
        # socket's queue (demo_sandbox.py).
        prebuilt = self._advisor_window(desktop) if self.options.mode == "advisor" else None
        logging_in = asyncio.ensure_future(self._log_in(gateway, desktop, user, DEMO_PASSWORD))
        try:
            await serving
            self.timings["sandbox_ready"] = time.perf_counter() - started
            log.info(
                "figure: demo sandbox (child process) ready %.2f s after the desktop asked for it",
                self.timings["sandbox_ready"],
            )
            await logging_in
        except BaseException:
            logging_in.cancel()
            if prebuilt is not None:
                prebuilt.discard()
            raise
        assert self.desktop is not None and self.desktop.session is not None
        if self.options.mode == "wallboard" and "wallboard" in allowed_modes(
            self.desktop.session.capabilities
        ):  # the board opens on the simulated centre (not for a user it refuses)
            await self._start_demo_scale()
        shown = self._show_shell(prebuilt)
        if prebuilt is not None and shown != "advisor":
            prebuilt.discard()
        if shown == "advisor":
            assert self.desktop is not None
            await self.desktop.set_state(AgentState.READY)

    async def _start_demo_scale(self) -> None:
        """The demo wallboard shows the sandbox's scale option (2 000 agents, 200 queues)."""
        import httpx

        async with httpx.AsyncClient(base_url=self.sandbox.base_url) as client:
            await client.post("/sandbox/scale", json={"events_per_second": 300})
            # calls already waiting and agents at work, so the board opens on a busy centre
            warm_up = {"events_per_second": 300, "step": 40_000, "step_seconds": 0}
            await client.post("/sandbox/scale/rate", json=warm_up)

    async def _login(self, url: str, user: str, password: str) -> None:
        """Log in to ``url``; raises GatewayError, which the login dialog shows."""
        await self._log_in(*self._connect(url), user, password)

    def _connect(self, url: str) -> tuple[GatewayClient, Desktop]:
        """The core for the gateway at ``url``, not logged in yet; raises GatewayError
        when the TLS settings are wrong."""
        try:
            verify = verify_setting(
                str(self.settings.value("tls/ca_bundle", "") or "") or None,
                str(self.settings.value("tls/insecure", "false")).lower() == "true",
            )
        except ValueError as exc:
            raise GatewayError("tls_error", str(exc)) from None
        if verify is True and self._tls_context is not None:
            verify = self._tls_context  # the same checks, its certificates already loaded
        gateway = GatewayClient(url, verify=verify)
        # The demo's sandbox forgets its calls when the program ends, so its outbox does
        # too; against a real gateway unsent work is kept on disk across crashes.
        store = SqliteOutboxStore(":memory:" if self.options.demo else None)
        desktop = Desktop(gateway, gateway, tasks=self.tasks, outbox_store=store)
        desktop.tls_checks_off = verify is False
        # An AI summary provider only when configured (ai/base_url…); local otherwise.
        desktop.summary.remote = remote_from_settings(self.settings, KeyringStore())
        # The local intent detector, when a text,label CSV is configured (kb/intents_csv).
        intents_csv = self.settings.value("kb/intents_csv")
        desktop.tasks.spawn(
            desktop.knowledge.train_detector(str(intents_csv) if intents_csv else None),
            name="intent-training",
        )
        return gateway, desktop

    async def _log_in(
        self, gateway: GatewayClient, desktop: Desktop, user: str, password: str
    ) -> None:
        try:
            await desktop.login(user, password)
        except GatewayError:
            await gateway.aclose()
            raise
        self.gateway, self.desktop = gateway, desktop
        self.settings.setValue("login/gateway", gateway.base_url)
        self.settings.setValue("login/user", user)
        self.timings["logged_in"] = time.perf_counter() - self._started

    def _show_login(self) -> None:
        from agent_desktop.ui.login_dialog import LoginDialog

        url = self.options.gateway or str(self.settings.value("login/gateway", DEFAULT_GATEWAY))
        user = self.options.user or str(self.settings.value("login/user", ""))
        dialog = LoginDialog(
            login=self._login, secrets=KeyringStore(), tasks=self.tasks, url=url, username=user
        )
        dialog.sig_logged_in.connect(lambda _url, _user: self._show_shell())
        dialog.rejected.connect(self._quit.set)
        dialog.open()
        self._login_dialog = dialog

    def _advisor_window(self, desktop: Desktop) -> MainWindow:
        from agent_desktop.ui.main_window import MainWindow

        return MainWindow(desktop, self.lang, self.settings)

    def _show_shell(self, prebuilt: MainWindow | None = None) -> str:
        """Show the shell of ``--mode`` if the user's role allows it; returns the mode shown.

        ``prebuilt``: the advisor's window, built before the login answer came; the caller
        drops it when another shell is shown."""
        from agent_desktop.ui.modes import tell_mode_refused

        assert self.desktop is not None and self.desktop.session is not None
        mode = self.options.mode
        allowed = allowed_modes(self.desktop.session.capabilities)
        refused = None
        if mode not in allowed:
            log.warning("mode %s is not allowed for this user (allowed: %s)", mode, allowed)
            refused = mode
            if not allowed:  # said in a box without a window; closing it ends the program
                self.exit_code = 4
                self.refusal = tell_mode_refused(None, mode, allowed)
                self.refusal.finished.connect(self._quit.set)
                return ""
            mode = allowed[0]
        if mode == "wallboard":
            self.window = self._wallboard_window()
        elif mode == "extended":
            self.window = self._extended_window()
        else:
            self.window = self._advisor_window(self.desktop) if prebuilt is None else prebuilt
            self.window.apply_role()  # a prebuilt window: nothing was taken out before
            self.window.show()
            self._install_plugins(mode)
        if refused is not None:  # said over the shell the role allows (never blocks the loop)
            self.refusal = tell_mode_refused(self.window, refused, allowed)
        self.timings["window_shown"] = time.perf_counter() - self._started
        log.info("figure: logged-in window shown %.2f s after start", self.timings["window_shown"])
        QTimer.singleShot(1000, self._after_start_up)
        self.desktop.bus.subscribe(ScreenPopReady, self._log_screen_pop)
        self.window.destroyed.connect(self._quit.set)
        self.window.sig_closed.connect(self._quit.set)
        if self.options.screenshot:
            self._arm_screenshot(Path(self.options.screenshot))
        if self.options.exit_when_ready:
            # After the first paint: print the start-up figures for `bench` and stop.
            QTimer.singleShot(0, self._report_ready)
        return mode

    def _extended_window(self) -> Any:
        from datetime import datetime

        from agent_desktop.adapters.gateway.callbacks import GatewayCallbacks
        from agent_desktop.services.availability import AvailabilityController, parse_windows
        from agent_desktop.ui.extended import ExtendedWindow

        assert self.desktop is not None and self.gateway is not None
        # e.g. "mon-fri 11:00-12:00; sat 09:00-10:00"; the demo serves all day
        default = "mon-sun 00:00-23:59" if self.options.demo else "mon-fri 11:00-12:00"
        text = str(self.settings.value("extended/windows", default) or default)
        windows, problems = parse_windows(text)
        for problem in problems:
            log.warning("availability windows: %s", problem)
        controller = AvailabilityController(windows, self.desktop, clock=datetime.now)
        window = ExtendedWindow(
            self.desktop, self.lang, GatewayCallbacks(self.gateway), controller, self.tasks
        )
        window.resize(1280, 800)
        window.show()
        return window

    def _wallboard_window(self) -> Any:
        from agent_desktop.adapters.gateway.wallboard import GatewayWallboard
        from agent_desktop.services.wallboard import (
            Thresholds,
            WallboardService,
            WallboardState,
        )
        from agent_desktop.ui.wallboard import WallboardWindow

        assert self.desktop is not None and self.gateway is not None
        self.settings.beginGroup("wallboard")
        values = {key: self.settings.value(key) for key in self.settings.allKeys()}
        rotation = float(str(values.get("rotation_seconds", 12) or 12))
        self.settings.endGroup()
        thresholds, problems = Thresholds.from_settings(values)
        for problem in problems:
            log.warning("wallboard settings: %s", problem)
        state = WallboardState(thresholds)
        desktop, lang = self.desktop, self.lang
        window = WallboardWindow(
            state, lambda code: desktop.reason_label(code, lang), rotation_seconds=rotation
        )

        def on_link(up: bool, detail: str) -> None:
            window.set_offline(not up)

        service = WallboardService(GatewayWallboard(self.gateway), state, on_link)
        self.tasks.spawn(service.run(), name="wallboard")
        self.wallboard = service
        if self.options.screenshot:
            window.resize(1920, 1080)
            window.show()
        else:
            screen = QApplication.primaryScreen()
            if screen is not None:  # without a window manager, full screen is just a size
                window.setGeometry(screen.geometry())
            window.showFullScreen()
        return window

    # ------------------------------------------------------------------ figures

    def _report_ready(self) -> None:
        figures = {**self.timings, "rss_mb": resident_memory_mb()}
        print(json.dumps({"ready": figures}), flush=True)
        self._quit.set()

    def _after_start_up(self) -> None:
        finish_start_up()
        rss = resident_memory_mb()
        if rss is not None:
            log.info("figure: resident memory after login %.0f MB", rss)

    def _log_screen_pop(self, _event: ScreenPopReady) -> None:
        # Subscribed after the window, so the card has been filled when this runs.
        assert self.desktop is not None
        timings = self.desktop.screen_pop.timings
        if timings:
            log.info("figure: screen-pop %.1f ms (offer received → card filled)", timings[-1] * 1e3)

    # ------------------------------------------------------------------ screenshot

    def _arm_screenshot(self, path: Path) -> None:
        assert self.desktop is not None
        done = False

        def take(popped: bool) -> None:
            nonlocal done
            if done:
                return
            done = True
            path.parent.mkdir(parents=True, exist_ok=True)
            self.window.grab().save(str(path))
            log.info("screenshot saved (card popped: %s)", popped)
            self.exit_code = 0 if popped else 3
            self._quit.set()

        def on_pop(_event: ScreenPopReady) -> None:
            # Let the transcript and the layout settle so the picture shows a live call.
            QTimer.singleShot(2500, lambda: take(True))

        if self.options.mode != "advisor":  # no call to wait for: let the figures arrive
            QTimer.singleShot(4000, lambda: take(True))
            return
        self.desktop.bus.subscribe(ScreenPopReady, on_pop)
        QTimer.singleShot(90_000, lambda: take(False))

    # ------------------------------------------------------------------ shutdown

    def _background_error(self, exc: BaseException) -> None:
        # Logged with its traceback by the task group; the advisor gets one plain line.
        if self.desktop is not None:
            self.desktop.bus.publish(Notice(f"{type(exc).__name__}: {exc}", "error"))

    def _install_plugins(self, mode: str) -> None:
        """Load the plugins (entry points + the user's plugins folder) into the window."""
        from agent_desktop.adapters.gateway.consult import GatewayConsults
        from agent_desktop.adapters.xmpp.config import xmpp_from_settings
        from agent_desktop.ui.plugin_shell import install_plugins

        assert self.desktop is not None and self.gateway is not None
        consults = GatewayConsults(self.gateway)
        presence = xmpp_from_settings(self.settings, KeyringStore()) or consults
        self.plugins = install_plugins(
            self.window, self.desktop, consults, presence, self.settings, self.tasks,
            mode=mode, language=self.lang,
        )  # fmt: skip

    async def _shutdown(self) -> None:
        if self.window is not None:
            self.window.hide()
        if getattr(self, "plugins", None) is not None:
            self.plugins.deactivate_all()
        if self.desktop is not None:
            await self.desktop.logout()
        await self.tasks.cancel_all()
        if self.gateway is not None:
            await self.gateway.aclose()
        if self.sandbox is not None:
            await asyncio.to_thread(self.sandbox.stop)


def resident_memory_mb() -> float | None:
    """This process's resident set size, from /proc (Linux); None elsewhere."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def run_gui(options: argparse.Namespace) -> int:
    """Run the desktop until its window is closed; returns the process exit code."""
    memory.limit_arenas()  # before Qt and the worker threads start (docs/performance.md)
    logs.configure()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Agent Desktop")
    app.setOrganizationName("agent-desktop")
    app.setQuitOnLastWindowClosed(False)
    lang = options.lang or system_language()
    from agent_desktop.ui.i18n import install_translator
    from agent_desktop.ui.theme import apply_theme

    translator = install_translator(app, lang)  # keep a reference for the app's lifetime
    apply_theme(app)
    from agent_desktop.ui.event_loop import DesktopEventLoop

    loop = DesktopEventLoop(app)
    asyncio.set_event_loop(loop)
    from agent_desktop.ui import crash

    crash_handler = crash.install(loop)  # log the traceback, offer to restart
    runner = Application(options, app, lang)
    try:
        with loop:
            code = loop.run_until_complete(runner.run())
            loop.run_until_complete(loop.shutdown_asyncgens())
            return code
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the last line of defence: say it, don't vanish
        log.exception("the desktop stopped on an unexpected error")
        QMessageBox.critical(None, "Agent Desktop", f"Unexpected error: {exc}")
        return 1
    finally:
        del translator, crash_handler
