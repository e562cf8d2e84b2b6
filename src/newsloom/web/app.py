"""The explorer: server-rendered pages and a JSON API over one store (``newsloom serve``).

Pages (Jinja2, autoescaped; no JavaScript needed): home, search, article, actor, quotes, timeline. Every
page's data is also in the JSON API under ``/api`` (OpenAPI schema at ``/openapi.json``, docs at
``/docs``). ``POST /api/articles`` ingests one article and is off unless the app is made with
``allow_ingest=True`` (``newsloom serve --allow-ingest``).
"""

from __future__ import annotations

import csv
import io
import json
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from typing import Any

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, StreamingResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, Field

from newsloom.link.timeline import store_timeline
from newsloom.store import QueryError, open_store
from newsloom.store.base import Store
from newsloom.web.render import annotated_body, highlight, safe_url

#: largest article accepted by POST /api/articles (characters of text or HTML)
MAX_INGEST_CHARS = 2_000_000
PAGE_SIZE = 50


class IngestRequest(BaseModel):
    text: str | None = Field(None, description="Plain text of the article (this or html).")
    html: str | None = Field(None, description="HTML of the page (this or text).")
    url: str | None = None


class StoreAccess:
    """One store connection for the app, used by one request at a time (SQLite connections are not for
    concurrent threads; a local explorer's load does not need more)."""

    def __init__(self, url: str) -> None:
        self.store: Store = open_store(url)
        self.lock = threading.Lock()

    @contextmanager
    def __call__(self) -> Iterator[Store]:
        with self.lock:
            yield self.store


def create_app(db: str, *, allow_ingest: bool = False) -> FastAPI:
    app = FastAPI(title="newsloom", description="Who said what, who did what to whom, when and where.",
                  version="0.1.0")
    access = StoreAccess(db)
    folder = resources.files("newsloom.web")
    templates = Jinja2Templates(directory=str(folder / "templates"))
    templates.env.filters.update(highlight=highlight, safe_url=safe_url)
    app.mount("/static", StaticFiles(directory=str(folder / "static")), name="static")

    def query_error(exc: QueryError) -> HTTPException:
        return HTTPException(status_code=400, detail=str(exc))

    # -- JSON API -------------------------------------------------------------------------------------
    @app.get("/api/stats")
    def api_stats() -> dict[str, Any]:
        with access() as store:
            stats = store.stats()
            stats["top_actors"] = store.actors(limit=10)
        return stats

    @app.get("/api/articles")
    def api_articles(limit: int = Query(PAGE_SIZE, ge=1, le=500), offset: int = Query(0, ge=0),
                     outlet: str | None = None) -> dict[str, Any]:
        with access() as store:
            rows = store.list_articles(limit=limit, offset=offset, outlet=outlet)
        return {"items": [_summary(a) for a in rows], "limit": limit, "offset": offset}

    @app.get("/api/articles/{article_id}")
    def api_article(article_id: str) -> dict[str, Any]:
        with access() as store:
            article = store.get_article(article_id)
        if article is None:
            raise HTTPException(status_code=404, detail=f"no article {article_id}")
        return article

    @app.get("/api/search")
    def api_search(q: str, limit: int = Query(20, ge=1, le=200), outlet: str | None = None,
                   since: str | None = None, until: str | None = None) -> dict[str, Any]:
        try:
            with access() as store:
                hits = store.search(q, limit=limit, outlet=outlet, since=since, until=until)
        except QueryError as exc:
            raise query_error(exc) from exc
        return {"query": q, "items": hits}

    @app.get("/api/quotes")
    def api_quotes(speaker: str | None = None, search: str | None = None, since: str | None = None,
                   until: str | None = None, limit: int = Query(PAGE_SIZE, ge=1, le=1000),
                   offset: int = Query(0, ge=0)) -> dict[str, Any]:
        try:
            with access() as store:
                rows = store.quotes(speaker=speaker, search=search, since=since, until=until, limit=limit,
                                    offset=offset)
        except QueryError as exc:
            raise query_error(exc) from exc
        return {"items": rows, "limit": limit, "offset": offset}

    @app.get("/api/quotes.csv", response_class=PlainTextResponse)
    def api_quotes_csv(speaker: str | None = None, search: str | None = None, since: str | None = None,
                       until: str | None = None) -> StreamingResponse:
        items = api_quotes(speaker, search, since, until, 1000, 0)["items"]
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(["article_id", "published", "speaker", "entity", "role", "kind", "cue", "text", "via"])
        for r in items:
            writer.writerow([r["article_id"], r["published"], r["speaker"]["name"], r["speaker"]["entity"],
                             r["speaker"]["role"], r["kind"], (r["cue"] or {}).get("text"), r["text"], r["via"]])
        return StreamingResponse(iter([buffer.getvalue()]), media_type="text/csv",
                                 headers={"Content-Disposition": "attachment; filename=quotes.csv"})

    @app.get("/api/articles.jsonl", response_class=PlainTextResponse)
    def api_articles_jsonl() -> StreamingResponse:
        with access() as store:
            lines = [json.dumps(a, ensure_ascii=False, default=str) + "\n" for a in store.iter_articles()]
        return StreamingResponse(iter(lines), media_type="application/x-ndjson")

    @app.get("/api/actors")
    def api_actors(type: str | None = None, search: str | None = None,
                   limit: int = Query(PAGE_SIZE, ge=1, le=500), offset: int = Query(0, ge=0)) -> dict[str, Any]:
        with access() as store:
            rows = store.actors(type=type, search=search, limit=limit, offset=offset)
        return {"items": rows, "limit": limit, "offset": offset}

    @app.get("/api/actors/{actor_id:path}")
    def api_actor(actor_id: str) -> dict[str, Any]:
        with access() as store:
            record = store.actor(actor_id)
        if record is None:
            raise HTTPException(status_code=404, detail=f"no actor {actor_id}")
        return record

    @app.get("/api/timeline")
    def api_timeline(actor: str | None = None, search: str | None = None, type: str | None = None,
                     since: str | None = None, until: str | None = None,
                     limit: int = Query(200, ge=1, le=2000)) -> dict[str, Any]:
        return {"items": _timeline(actor, search, type, since, until, limit)}

    @app.get("/api/events")
    def api_events(actor: str | None = None, type: str | None = None, search: str | None = None,
                   since: str | None = None, until: str | None = None, limit: int = Query(PAGE_SIZE, ge=1, le=500),
                   offset: int = Query(0, ge=0)) -> dict[str, Any]:
        with access() as store:
            items = store.events(actor=actor, type=type, search=search, since=since, until=until, limit=limit,
                                 offset=offset)
        return {"items": items, "limit": limit, "offset": offset}

    def _timeline(actor: str | None, search: str | None, type: str | None, since: str | None, until: str | None,
                  limit: int) -> list[dict[str, Any]]:
        """Events and statements by the day they happened, each once with all its sources
        (:mod:`newsloom.link.timeline`)."""
        try:
            with access() as store:
                return store_timeline(store, actor=actor, search=search, type=type, since=since, until=until,
                                      limit=limit)
        except QueryError as exc:
            raise query_error(exc) from exc

    @app.post("/api/articles", status_code=201, openapi_extra={"requestBody": {
        "required": True, "content": {"application/json": {"schema": IngestRequest.model_json_schema()}}}})
    async def api_ingest(request: Request) -> dict[str, Any]:
        """Ingest one article (JSON: ``text`` or ``html``, optional ``url``); at most MAX_INGEST_CHARS."""
        if not allow_ingest:
            raise HTTPException(status_code=403, detail="ingest is off: start the server with --allow-ingest")
        limit = MAX_INGEST_CHARS * 4 + 4096  # UTF-8 and JSON escaping, read no further than this
        if int(request.headers.get("content-length") or 0) > limit:
            raise HTTPException(status_code=413, detail=f"article longer than {MAX_INGEST_CHARS} characters")
        body = bytearray()
        async for chunk in request.stream():
            body += chunk
            if len(body) > limit:
                raise HTTPException(status_code=413, detail=f"article longer than {MAX_INGEST_CHARS} characters")
        try:
            payload = IngestRequest.model_validate_json(bytes(body))
        except ValueError as exc:
            raise HTTPException(status_code=422, detail=f"not an article request: {exc}") from exc
        return await run_in_threadpool(_ingest_one, payload)

    def _ingest_one(payload: IngestRequest) -> dict[str, Any]:
        content = payload.html if payload.html is not None else payload.text
        if not content or not content.strip():
            raise HTTPException(status_code=422, detail="give the article as text or html")
        if len(content) > MAX_INGEST_CHARS:
            raise HTTPException(status_code=413, detail=f"article longer than {MAX_INGEST_CHARS} characters")
        from newsloom.ingest.decode import normalize_text
        from newsloom.pipeline import link_actors, process_item
        from newsloom.record import Article, RawDocument, Source, sha256_hex
        from newsloom.store.base import Batch

        is_html = payload.html is not None
        raw = RawDocument(Source(url=payload.url, format="html" if is_html else "text"), normalize_text(content),
                          is_html=is_html, raw_sha256=sha256_hex(content))
        result = process_item(raw, None)
        if not isinstance(result, Article):
            raise HTTPException(status_code=422, detail=str(result))
        with access() as store:
            created = not store.existing_ids([result.id])
            if created:
                store.write_batch(Batch(articles=[result]))
                link_actors(store)
        return {"id": result.id, "created": created}

    # -- pages ----------------------------------------------------------------------------------------
    def page(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, name, context, status_code=status_code)

    @app.get("/", response_class=HTMLResponse)
    def home(request: Request) -> HTMLResponse:
        with access() as store:
            stats = store.stats()
            latest = store.list_articles(limit=10)
            actors = store.actors(limit=12)
            speakers = Counter(q["speaker"]["name"] for q in store.quotes(limit=1000) if q["speaker"]["name"])
        return page(request, "home.html", stats=stats, latest=latest, actors=actors,
                    speakers=speakers.most_common(10))

    @app.get("/search", response_class=HTMLResponse)
    def search_page(request: Request, q: str = "", kind: str = "articles", outlet: str | None = None,
                    since: str | None = None, until: str | None = None,
                    speaker: str | None = None) -> HTMLResponse:
        hits: list[dict[str, Any]] = []
        quotes: list[dict[str, Any]] = []
        error = None
        if q or speaker:
            try:
                with access() as store:
                    if kind == "quotes":
                        quotes = store.quotes(search=q or None, speaker=speaker or None, since=since or None,
                                              until=until or None, limit=100)
                    elif q:
                        hits = store.search(q, limit=50, outlet=outlet or None, since=since or None,
                                            until=until or None)
            except QueryError as exc:
                error = str(exc)
        return page(request, "search.html", status_code=400 if error else 200, q=q, kind=kind, outlet=outlet,
                    since=since, until=until, speaker=speaker, hits=hits, quotes=quotes, error=error)

    @app.get("/articles/{article_id}", response_class=HTMLResponse)
    def article_page(request: Request, article_id: str) -> HTMLResponse:
        with access() as store:
            article = store.get_article(article_id)
        if article is None:
            return page(request, "missing.html", status_code=404, what=f"article {article_id}")
        return page(request, "article.html", a=article, body_html=annotated_body(article))

    @app.get("/actors", response_class=HTMLResponse)
    def actors_page(request: Request, type: str | None = None, search: str | None = None) -> HTMLResponse:
        with access() as store:
            rows = store.actors(type=type, search=search, limit=200)
        return page(request, "actors.html", rows=rows, type=type, search=search)

    @app.get("/actors/{actor_id:path}", response_class=HTMLResponse)
    def actor_page(request: Request, actor_id: str) -> HTMLResponse:
        with access() as store:
            record = store.actor(actor_id)
        if record is None:
            return page(request, "missing.html", status_code=404, what=f"actor {actor_id}")
        months = Counter((a["published"] or "")[:7] for a in record["articles"] if a["published"])
        return page(request, "actor.html", r=record, months=sorted(months.items()))

    @app.get("/quotes", response_class=HTMLResponse)
    def quotes_page(request: Request, speaker: str | None = None, search: str | None = None,
                    since: str | None = None, until: str | None = None) -> HTMLResponse:
        error, rows = None, []
        try:
            with access() as store:
                rows = store.quotes(speaker=speaker, search=search, since=since, until=until, limit=200)
        except QueryError as exc:
            error = str(exc)
        return page(request, "quotes.html", status_code=400 if error else 200, rows=rows, speaker=speaker,
                    search=search, since=since, until=until, error=error)

    @app.get("/timeline", response_class=HTMLResponse)
    def timeline_page(request: Request, actor: str | None = None, search: str | None = None,
                      type: str | None = None, since: str | None = None, until: str | None = None) -> HTMLResponse:
        error, items = None, []
        try:
            items = _timeline(actor, search, type, since, until, 500)
        except HTTPException as exc:
            error = exc.detail
        days = Counter(e["date"] for e in items if e["date"])
        return page(request, "timeline.html", status_code=400 if error else 200, items=items, actor=actor,
                    search=search, type=type, since=since, until=until, error=error, days=sorted(days.items()))

    @app.exception_handler(QueryError)
    def on_query_error(request: Request, exc: QueryError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=400)

    return app


def _summary(a: dict[str, Any]) -> dict[str, Any]:
    return {k: a[k] for k in ("id", "title", "published", "outlet", "authors", "duplicate_of", "source")}
