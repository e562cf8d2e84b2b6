"""The explorer and its JSON API, through FastAPI's test client on a real ingested store."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from newsloom.pipeline import ingest
from newsloom.store import open_store
from newsloom.web.app import MAX_INGEST_CHARS, create_app
from tests.conftest import SAMPLE, TEST_PG, postgres_schema

HOSTILE = """Mayor <script>alert("owned")</script> rejects the harbour plan

12 March 2024

The mayor of Port Alder, Jane Doe" onmouseover="alert(1), said on Tuesday that the harbour plan <img src=x onerror=alert(2)> would fail before the council votes on it next week, and that the port operator had not answered her letters.

"It is not going to happen <b>this year</b>," Doe told reporters outside the town hall, adding that residents deserved a plan they could read.

Harbour operator spokesman Karl Weber said the company would publish its figures soon and that it hoped to meet the council before the vote.
"""


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if request.param == "sqlite":
        yield _filled(str(tmp_path_factory.mktemp("web-store") / "web.db"), tmp_path_factory)
        return
    if not TEST_PG:
        pytest.skip("NEWSLOOM_TEST_PG is not set")
    for url in postgres_schema(TEST_PG):
        yield _filled(url, tmp_path_factory)


def _filled(url: str, tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("web-input")
    (folder / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    (folder / "feed.jsonl").write_text(json.dumps({
        "url": "javascript:alert(3)", "title": "A link that is not one",
        "text": "The council met on Monday to discuss the budget for the coming year, and members said "
                "the figures would be published in full before the end of the month, officials said.\n\n"
                "Residents were invited to comment on the plan at the town hall during the week.",
    }) + "\n", encoding="utf-8")
    store = open_store(url)
    ingest([str(SAMPLE), str(folder)], store)
    store.close()
    return url


@pytest.fixture(scope="module")
def client(store_url: str) -> TestClient:
    return TestClient(create_app(store_url))


def _article_id(client: TestClient, title_part: str) -> str:
    items = client.get("/api/articles", params={"limit": 100}).json()["items"]
    return next(a["id"] for a in items if title_part in (a["title"] or ""))


def test_every_page_renders(client):
    hostile = _article_id(client, "rejects the harbour plan")
    reyes = client.get("/api/actors", params={"search": "Reyes"}).json()["items"][0]["id"]
    for path in ("/", "/search?q=strike", "/search?q=strike&kind=quotes", f"/articles/{hostile}", "/actors",
                 f"/actors/{reyes}", "/quotes", "/quotes?speaker=Reyes", "/timeline", f"/timeline?actor={reyes}",
                 "/docs", "/openapi.json"):
        response = client.get(path)
        assert response.status_code == 200, path


def test_article_content_is_escaped_everywhere(client):
    hostile = _article_id(client, "rejects the harbour plan")
    pages = [client.get(path).text for path in
             (f"/articles/{hostile}", "/", "/search?q=harbour", "/quotes", "/timeline")]
    for html in pages:
        assert "<script>alert" not in html
        assert "<img src=x" not in html and "<b>this year</b>" not in html
        assert 'onmouseover="alert(1)' not in html
    article = pages[0]
    assert "&lt;script&gt;alert(" in article  # shown as text, not run
    assert "&lt;img src=x onerror=alert(2" in article
    # the API gives the text as data, typed as JSON (a browser does not render it as a page)
    api = client.get(f"/api/articles/{hostile}")
    assert api.headers["content-type"] == "application/json" and "<script>" in api.json()["title"]


def test_javascript_urls_are_never_links(client):
    article_id = _article_id(client, "A link that is not one")
    html = client.get(f"/articles/{article_id}").text
    assert 'href="javascript:' not in html.lower()
    assert "javascript:alert(3)" in html  # still shown, as text


def test_article_page_links_actors_and_marks_quotes_and_times(client):
    article_id = _article_id(client, "Harbour talks stall")
    html = client.get(f"/articles/{article_id}").text
    assert 'href="/actors/person:daniel-reyes"' in html
    assert 'class="quote" title="Miriam Okafor"' in html
    assert '<time class="when"' in html
    assert "What was removed, and why" in html and "Adsence 300X250" in html


def test_actor_page_shows_quotes_by_them_and_the_timeline_shows_statements_once(client):
    html = client.get("/actors/person:daniel-reyes").text
    assert "Quotes by Daniel Reyes" in html and "Nobody here wants a long strike" in html
    items = client.get("/api/timeline", params={"actor": "person:daniel-reyes"}).json()["items"]
    texts = [e["text"] for e in items]
    assert len(texts) == len(set(zip(texts, (e["date"] for e in items))))  # one entry per statement and day
    assert any(len(e["sources"]) == 2 for e in items)  # the syndicated copy is a second source, not a row
    strike = client.get("/api/timeline", params={"actor": "person:daniel-reyes", "search": "strike"}).json()["items"]
    assert strike and all("strike" in e["text"].lower() for e in strike)  # the words filter the actor's quotes too


def test_events_on_the_article_page_the_api_and_the_timeline(client):
    article_id = _article_id(client, "Floodwaters force thousands")
    html = client.get(f"/articles/{article_id}").text
    assert "Events (" in html and '<mark class="event" title="COERCE' in html
    events = client.get("/api/events", params={"search": "residents"}).json()["items"]
    forcing = next(e for e in events if e["trigger"]["text"] == "forcing")
    assert forcing["quantities"][0]["number"] == 7500 and forcing["article_id"] == article_id
    assert forcing["date_source"] == "sentence"  # "this week", read against the publication date
    timeline = client.get("/timeline", params={"type": "COERCE"}).text
    assert '<span class="event">COERCE' in timeline and "7,500 residents" in timeline
    negotiations = [e for e in client.get("/api/timeline", params={"type": "CONSULT"}).json()["items"]
                    if e["trigger"] == "Negotiations"]
    assert len(negotiations) == 1 and len(negotiations[0]["sources"]) == 2  # the syndicated copy is a source


def test_api_pagination_and_stable_ids(client):
    first = client.get("/api/articles", params={"limit": 3, "offset": 0}).json()["items"]
    second = client.get("/api/articles", params={"limit": 3, "offset": 3}).json()["items"]
    assert len(first) == 3 and not {a["id"] for a in first} & {a["id"] for a in second}
    assert client.get("/api/articles", params={"limit": 3, "offset": 0}).json()["items"] == first
    assert client.get("/api/articles/not-an-id").status_code == 404
    assert client.get("/api/articles", params={"limit": 0}).status_code == 422


def test_malformed_search_is_a_400_with_a_message(client):
    for path in ("/api/search", "/api/quotes"):
        key = "q" if path == "/api/search" else "search"
        response = client.get(path, params={key: '"unclosed'})
        assert response.status_code == 400 and "not closed" in response.json()["detail"]
    page = client.get("/search", params={"q": '"unclosed'})
    assert page.status_code == 400 and "not closed" in page.text


def test_exports(client):
    csv_text = client.get("/api/quotes.csv", params={"speaker": "Reyes"}).text
    assert csv_text.splitlines()[0].startswith("article_id,published,speaker")
    assert "Daniel Reyes" in csv_text
    lines = client.get("/api/articles.jsonl").text.splitlines()
    assert lines and all(json.loads(line)["id"] for line in lines)


def test_no_path_traversal(client):
    for path in ("/static/../pyproject.toml", "/static/%2e%2e/%2e%2e/pyproject.toml", "/static/..%2fapp.py"):
        assert client.get(path).status_code == 404


def test_ingest_endpoint_is_off_unless_allowed(store_url):
    text = ("The water board said on Friday that the reservoir was full again after a week of rain, and that "
            "restrictions on garden hoses would end on Monday.\n\nResidents had been asked to save water since "
            "the start of the month, the board said.")
    closed = TestClient(create_app(store_url))
    assert closed.post("/api/articles", json={"text": text}).status_code == 403
    opened = TestClient(create_app(store_url, allow_ingest=True))
    created = opened.post("/api/articles", json={"text": text})
    assert created.status_code == 201 and created.json()["created"] is True
    again = opened.post("/api/articles", json={"text": text})
    assert again.status_code == 201 and again.json() == {"id": created.json()["id"], "created": False}
    assert opened.get(f"/api/articles/{created.json()['id']}").json()["body"].startswith("The water board")
    too_big = opened.post("/api/articles", json={"text": "x" * (MAX_INGEST_CHARS + 1)})
    assert too_big.status_code == 413
    assert opened.post("/api/articles", json={}).status_code == 422
    assert opened.post("/api/articles", content=b"not json", headers={"content-type": "application/json"}).status_code == 422
    huge = b'{"text": "' + b"y" * (4 * MAX_INGEST_CHARS + 8192) + b'"}'
    assert opened.post("/api/articles", content=huge, headers={"content-type": "application/json"}).status_code == 413
    assert "/api/articles" in opened.get("/openapi.json").json()["paths"]


def test_search_filters_by_outlet_and_date(client):
    everything = client.get("/api/search", params={"q": "strike"}).json()["items"]
    outlets = {h["outlet"] for h in everything}
    assert len(outlets) >= 2
    one = sorted(o for o in outlets if o)[0]
    only = client.get("/api/search", params={"q": "strike", "outlet": one}).json()["items"]
    assert only and {h["outlet"] for h in only} == {one}
    assert client.get("/api/search", params={"q": "strike", "since": "2999-01-01"}).json()["items"] == []
    page = client.get("/search", params={"q": "strike", "outlet": one, "since": "", "until": ""})
    assert page.status_code == 200 and page.text.count('class="hit"') == len(only)
