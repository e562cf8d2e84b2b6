"""The explorer in a real headless Chromium (Debian's package, driven by Playwright): every page loads,
search works, and a reader can click from an article to an actor to that actor's timeline.

Screenshots go to ``$NEWSLOOM_SCREENSHOTS`` when set (``docs/screenshots`` holds the ones the README shows:
``NEWSLOOM_SCREENSHOTS=docs/screenshots .venv/bin/pytest tests/test_browser.py``), else to a temporary folder.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import pytest

from newsloom.pipeline import ingest
from newsloom.store import open_store
from tests.conftest import SAMPLE

CHROMIUM = "/usr/bin/chromium"
playwright_api = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    import uvicorn

    from newsloom.web.app import create_app

    url = str(tmp_path_factory.mktemp("browser-store") / "explorer.db")
    store = open_store(url)
    ingest([str(SAMPLE)], store)
    store.close()
    port = _free_port()
    config = uvicorn.Config(create_app(url), host="127.0.0.1", port=port, log_level="warning")
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.time() + 30
    while not instance.started and time.time() < deadline:
        time.sleep(0.1)
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        yield chromium
        chromium.close()


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("NEWSLOOM_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_pages_load_search_and_click_through(server, browser, shots):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    page.goto(server + "/")
    assert page.locator("h1").inner_text() == "The corpus"
    page.screenshot(path=str(shots / "home.png"), full_page=True)

    page.fill("header input[name=q]", "strike")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=strike")
    hits = page.locator(".hit a")
    assert hits.count() >= 1 and page.locator("mark").count() >= 1
    page.screenshot(path=str(shots / "search.png"), full_page=True)

    hits.filter(has_text="Harbour talks").first.click()
    page.wait_for_url("**/articles/*")
    assert page.locator(".body a.actor").count() >= 3 and page.locator(".body .quote").count() >= 2
    assert page.locator(".body mark.event").count() >= 1
    page.screenshot(path=str(shots / "article.png"), full_page=True)

    page.locator(".body a.actor", has_text="Daniel Reyes").first.click()
    page.wait_for_url("**/actors/*")
    assert page.locator("h1").inner_text() == "Daniel Reyes"
    page.screenshot(path=str(shots / "actor.png"), full_page=True)

    page.get_by_role("link", name="Timeline of Daniel Reyes").click()
    page.wait_for_url("**/timeline?actor=*")
    assert page.locator(".timeline li").count() >= 1

    page.goto(server + "/timeline")  # the whole corpus: events and statements by the day they happened
    assert page.locator(".timeline li .event").count() >= 3
    page.locator("input[name=type]").fill("COERCE")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**/timeline?*type=COERCE*")
    assert page.locator(".timeline li").count() >= 1 and "7,500 residents" in page.content()
    page.goto(server + "/timeline")
    page.screenshot(path=str(shots / "timeline.png"), full_page=True)

    page.goto(server + "/quotes?speaker=Okafor")
    assert page.locator("table tr").count() >= 2
    page.screenshot(path=str(shots / "quotes.png"), full_page=True)

    page.goto(server + "/actors")
    assert page.locator("table tr").count() >= 5
    assert not errors
