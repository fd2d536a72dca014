"""Start JupyterLab or Voilà on loopback and drive the course's demos in headless Chromium.

Shared by the browser tests (tests/browser/) and the browser benchmark
(scripts/bench_browser.py). Chromium is Debian's (/usr/bin/chromium), driven by
Playwright; Playwright's own browser download is not used.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Browser, Locator, Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
TOKEN = "course-browser-test"


def chromium_missing() -> str | None:
    """Why the browser tests cannot run here, or None if they can."""
    if not Path(CHROMIUM).exists():
        return (
            f"browser tests skipped: no Chromium at {CHROMIUM}. Enable them with "
            "`apt-get install chromium` (or set CHROMIUM=/path/to/chromium)."
        )
    return None


def require_chromium() -> None:
    """Skip the calling test module when Chromium is missing (pytest reports one line)."""
    why = chromium_missing()
    if why:
        import pytest

        pytest.skip(why, allow_module_level=True)  # same line for every module: one report


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_http(url: str, proc: subprocess.Popen, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with code {proc.returncode} before {url} answered")
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"{url} did not answer within {timeout:.0f} s")


@contextmanager
def _serve(cmd: list[str], probe: str, log: Path) -> Iterator[None]:
    with log.open("w") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, cwd=ROOT)
        try:
            _wait_http(probe, proc)
            yield
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()


def _root_flag() -> list[str]:
    return ["--allow-root"] if os.geteuid() == 0 else []


@contextmanager
def jupyterlab(root_dir: Path, log: Path) -> Iterator[str]:
    """JupyterLab on a free loopback port with token auth; yields the base URL."""
    port = free_port()
    cmd = [
        str(BIN / "jupyter-lab"),
        "--no-browser",
        "--ip=127.0.0.1",
        f"--port={port}",
        f"--IdentityProvider.token={TOKEN}",
        f"--ServerApp.root_dir={root_dir}",
        "--LabApp.expose_app_in_browser=True",  # window.jupyterapp: the tests read kernel state
        *_root_flag(),
    ]
    base = f"http://127.0.0.1:{port}"
    with _serve(cmd, f"{base}/api/status?token={TOKEN}", log):
        yield base


@contextmanager
def voila(notebook: Path, log: Path, port: int | None = None) -> Iterator[str]:
    """Voilà serving one notebook (code hidden) on loopback; yields its URL."""
    port = port or free_port()
    cmd = [
        str(BIN / "voila"),
        str(notebook),
        "--no-browser",
        "--Voila.ip=127.0.0.1",
        f"--port={port}",
    ]
    url = f"http://127.0.0.1:{port}/"
    with _serve(cmd, url, log):
        yield url


@contextmanager
def chromium() -> Iterator[Browser]:
    """Headless Debian Chromium with a fresh, throwaway profile."""
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def open_notebook(browser: Browser, base: str, name: str) -> Page:
    """A new page with JupyterLab showing notebook ``name``, its kernel idle."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(f"{base}/lab/tree/{name}?reset&token={TOKEN}")
    wait_for_kernel(page, name)
    return page


def open_lab(browser: Browser, base: str) -> Page:
    """A JupyterLab page with no document open (load the app once, then open many)."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(f"{base}/lab?reset&token={TOKEN}")
    _menu(page, "File").wait_for(timeout=60_000)
    return page


def _menu(page: Page, name: str) -> Locator:
    return page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(rf"^{name}$"))


def _menu_item(page: Page, menu: str, item: str) -> None:
    _menu(page, menu).click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile(rf"^{re.escape(item)}")).click()


CURRENT_NOTEBOOK = ".jp-NotebookPanel:not(.lm-mod-hidden)"


def current_notebook(page: Page) -> Locator:
    """The notebook panel on show (others may stay open in hidden tabs)."""
    return page.locator(CURRENT_NOTEBOOK)


def open_path(page: Page, name: str) -> None:
    """Open a notebook in an already loaded JupyterLab (File → Open from Path…) and wait
    until it is the current document and its own kernel is connected and idle."""
    _menu_item(page, "File", "Open from Path")
    page.locator(".jp-Dialog input").fill(name)
    page.keyboard.press("Enter")
    wait_for_kernel(page, name)


def current_kernel_id(page: Page) -> str:
    """The id of the kernel the current notebook is connected to."""
    return page.evaluate(
        "() => window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.id"
    )


def open_with_kernel(page: Page, name: str, kernel_id: str) -> None:
    """Open notebook ``name`` connected to an already running kernel (JupyterLab's "use
    kernel from other session"): no kernel start, and its imports are already loaded."""
    page.evaluate(
        """([path, id]) => window.jupyterapp.commands
             .execute("docmanager:open", {path, kernel: {id}}).then(() => true)""",
        [name, kernel_id],
    )
    wait_for_kernel(page, name)


_KERNEL_READY_JS = """(name) => {
  const w = window.jupyterapp.shell.currentWidget;
  const k = w && w.sessionContext && w.sessionContext.session &&
            w.sessionContext.session.kernel;
  return !!k && w.context.path === name && w.sessionContext.isReady &&
         k.connectionStatus === "connected" && k.status === "idle";
}"""


def wait_for_kernel(page: Page, name: str, timeout_s: float = 60) -> None:
    """Wait until notebook ``name`` is the current document and its kernel is idle.

    The status bar can say "Idle" before this notebook's kernel even exists, and cells
    run then are silently lost, so this asks the app itself (exposed for the tests).
    """
    page.wait_for_function(_KERNEL_READY_JS, arg=name, timeout=timeout_s * 1000, polling=20)


def run_all(page: Page, timeout_s: float = 180) -> None:
    """Run every cell through the Run menu and wait until each shows an execution count."""
    _menu_item(page, "Run", "Run All Cells")
    # One check in the page, polled by the browser itself: every prompt reads "[n]:".
    page.wait_for_function(
        r"""(sel) => {
          const prompts = [...document.querySelectorAll(sel)];
          return prompts.length > 0 &&
                 prompts.every(p => /^\[\d+\]:$/.test(p.textContent.trim()));
        }""",
        arg=f"{CURRENT_NOTEBOOK} .jp-CodeCell .jp-InputArea-prompt",
        timeout=timeout_s * 1000,
        polling=50,
    )


def page_errors(page: Page) -> list[str]:
    """Tracebacks, stderr output and widget errors visible anywhere on the page."""
    found = []
    for sel in (
        ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']",
        ".jp-RenderedText[data-mime-type='application/vnd.jupyter.stderr']",
    ):
        found += page.locator(sel).all_inner_texts()
    body = page.locator("body").inner_text()
    for marker in ("Error displaying widget", "Traceback (most recent call last)"):
        if marker in body:
            found.append(marker)
    return found


def demos(scope: Page | Locator) -> list[Locator]:
    """The live demos in ``scope`` (a page, or one notebook panel of it)."""
    return scope.locator(".course-demo").all()


def sliders(demo: Locator) -> list[Locator]:
    return demo.locator(".widget-slider").all()


def slider_state(slider: Locator) -> tuple[str, str]:
    """(label, readout text) of one slider, e.g. ('θ₁, angle of u₁ (degrees)', '30°')."""
    label = slider.locator(".widget-label").inner_text().strip()
    readout = slider.locator(".widget-readout").evaluate("e => e.textContent").strip()
    return label, readout


def demo_state(demo: Locator) -> tuple[dict[str, str], str, str]:
    """In one round trip: slider label → value shown, the readout's text, the figure frame."""
    return tuple(
        demo.evaluate(
            """(d) => [
              Object.fromEntries([...d.querySelectorAll('.widget-slider')].map(s => [
                s.querySelector('.widget-label').innerText.trim(),
                s.querySelector('.widget-readout').textContent.trim()])),
              d.querySelector('.course-demo-readout').innerText,
              d.querySelector('.course-demo-figure').getAttribute('data-frame') || '']"""
        )
    )


def figure_frame(demo: Locator) -> str:
    """An id of what the figure shows now: the SVG overlay's frame counter."""
    return demo.locator(".course-demo-figure").get_attribute("data-frame") or ""


def readout_text(demo: Locator) -> str:
    return demo.locator(".course-demo-readout").inner_text()


def wait_for_new_figure(demo: Locator, old_frame: str, timeout_s: float = 10) -> str:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        src = figure_frame(demo)
        if src != old_frame:
            return src
        time.sleep(0.01)
    raise TimeoutError("the demo's figure did not change")


def wait_until_true(check: Callable[[], None], timeout_s: float = 10) -> None:
    """Retry ``check`` until it stops raising AssertionError; re-raise the last one at timeout.

    Used instead of fixed sleeps: a readout is checked as soon as the kernel's update
    for the slider value on show has arrived, and no later.
    """
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            check()
            return
        except AssertionError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def settle(demo: Locator, quiet_s: float = 0.15, timeout_s: float = 10) -> None:
    """Wait until the figure has stopped changing for ``quiet_s`` (all updates arrived)."""
    deadline = time.monotonic() + timeout_s
    last, since = figure_frame(demo), time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(0.05)
        src = figure_frame(demo)
        if src != last:
            last, since = src, time.monotonic()
        elif time.monotonic() - since >= quiet_s:
            return
    raise TimeoutError("the demo's figure kept changing")


def position(slider: Locator) -> float:
    """Where the handle sits along the track, from 0 (min) to 1 (max)."""
    handle = slider.locator(".noUi-handle")
    lo, hi, now = (
        float(handle.get_attribute(f"aria-value{k}") or 0) for k in ("min", "max", "now")
    )
    return (now - lo) / (hi - lo) if hi > lo else 0.0


def room(slider: Locator) -> tuple[int, int]:
    """How many steps the handle can still move (right, left)."""
    handle = slider.locator(".noUi-handle")
    lo, hi, now = (
        round(float(handle.get_attribute(f"aria-value{k}") or 0)) for k in ("min", "max", "now")
    )
    return hi - now, now - lo


def press(page: Page, slider: Locator, key: str = "ArrowRight") -> None:
    handle = slider.locator(".noUi-handle")
    handle.focus()
    page.keyboard.press(key)


def drag(page: Page, slider: Locator, fraction: float) -> None:
    """Drag the slider's handle by ``fraction`` of the track's width, with the mouse."""
    handle = slider.locator(".noUi-handle").bounding_box()
    track = slider.locator(".noUi-target").bounding_box()
    assert handle and track, "slider not visible"
    x, y = handle["x"] + handle["width"] / 2, handle["y"] + handle["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + fraction * track["width"], y, steps=4)
    page.mouse.up()


# Resolves with the milliseconds from the next keydown to the first animation frame
# after the demo's figure was redrawn (that is, the repaint).
_LATENCY_JS = """
([demoIndex]) => new Promise((resolve) => {
  const fig = document.querySelectorAll('.course-demo')[demoIndex]
    .querySelector('.course-demo-figure');
  let t0 = null;
  document.addEventListener('keydown', () => { t0 = performance.now(); },
                            {once: true, capture: true});
  const obs = new MutationObserver(() => {
    obs.disconnect();
    requestAnimationFrame(() => resolve(performance.now() - t0));
  });
  obs.observe(fig, {attributes: true, attributeFilter: ['data-frame']});
  setTimeout(() => { obs.disconnect(); resolve(NaN); }, 5000);  // no redraw: report, not hang
})
"""


def step_latency_ms(page: Page, demo_index: int, slider: Locator, key: str) -> float:
    """Time one keyboard step from keydown to the repainted figure."""
    demo = demos(page)[demo_index]
    settle(demo, quiet_s=0.25)
    handle = slider.locator(".noUi-handle")
    handle.focus()
    page.evaluate("() => { window.__courseLatency = null; }")
    page.evaluate(
        "(a) => { window.__courseLatency = (" + _LATENCY_JS + ")(a); }",
        [demo_index],
    )
    page.keyboard.press(key)
    ms = float(page.evaluate("() => window.__courseLatency"))
    if ms != ms:  # NaN
        raise TimeoutError(f"{key} on the slider did not redraw the figure within 5 s")
    return ms
