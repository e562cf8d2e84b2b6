"""The ``newsloom`` command line (typer + rich)."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from newsloom.record import Article, Failure
from newsloom.store import QueryError, display_url, open_store, resolve_db
from newsloom.store.base import HIT_END, HIT_START, Store

app = typer.Typer(
    help="newsloom: raw news in; clean, deduplicated, searchable articles out.",
    no_args_is_help=True,
    add_completion=False,
)
out = Console()
T = TypeVar("T")
err = Console(stderr=True)

DbOption = Annotated[str | None, typer.Option("--db", help="Store: a SQLite path (default ./newsloom.db or $NEWSLOOM_DB).")]
GazetteerOption = Annotated[
    list[Path] | None,
    typer.Option("--gazetteer", help="Your own actors file (TOML or JSONL, see actors/data/gazetteer.toml); repeatable."),
]
TaggerOption = Annotated[bool, typer.Option(
    "--tagger", help="Also take quotes from the learned span tagger (needs the 'tagger' extra; about doubles the time).")]


def _use_tagger(on: bool) -> None:
    """Switch the span tagger on for this process and any worker it starts (``NEWSLOOM_TAGGER``)."""
    if not on:
        return
    import os

    from newsloom.nlp import span_tagger

    if not span_tagger.available():
        err.print("[red]error[/red] --tagger needs the tagger extra: pip install 'newsloom[tagger]'")
        raise typer.Exit(2)
    os.environ[span_tagger.ENV] = "minilm"


def _use_gazetteers(files: list[Path] | None) -> None:
    """User gazetteer files go before the built-in ones, for this process and any worker it starts."""
    if not files:
        return
    import os

    from newsloom.actors.gazetteer import ENV_VAR, load_gazetteer

    for f in files:
        if not f.is_file():
            raise typer.BadParameter(f"no such gazetteer file: {f}")
    known = [p for p in os.environ.get(ENV_VAR, "").split(os.pathsep) if p]
    os.environ[ENV_VAR] = os.pathsep.join([*map(str, files), *known])
    load_gazetteer.cache_clear()


def _or_exit(query: Callable[[], T]) -> T:
    """Run a store query; a malformed user query is a readable error and exit code 2, not a traceback."""
    try:
        return query()
    except QueryError as exc:
        err.print(f"[red]{escape(str(exc))}[/red]")
        raise typer.Exit(2) from exc


def _open_store(db: str | None) -> Store:
    """The store ``db`` names; one that cannot be opened (a folder that does not exist, a server that does not
    answer) is a one-line error and exit code 2, not a traceback."""
    try:
        return open_store(db)
    except Exception as exc:  # noqa: BLE001 - sqlite3, psycopg and OS errors alike: the message says which
        message = " ".join(str(exc).split())
        err.print(f"[red]error[/red] cannot open the store {escape(display_url(resolve_db(db)))}: {escape(message)}")
        raise typer.Exit(2) from exc


def _print_jsonl(rows: Iterable[Any]) -> None:
    for row in rows:
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, directories (recursive), globs, or - for stdin.")],
    db: DbOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar, only the summary.")] = False,
    gazetteer: GazetteerOption = None,
    workers: Annotated[int, typer.Option("--workers", "-j", min=1, help="Analyse in this many processes.")] = 1,
    dask: Annotated[str | None, typer.Option(
        "--dask", help="Analyse on a Dask cluster: a scheduler address (tcp://host:8786) or 'local'.")] = None,
    tagger: TaggerOption = False,
) -> None:
    """Read, clean, deduplicate and store articles. Re-running over the same files adds nothing."""
    from newsloom.ingest import iter_paths
    from newsloom.pipeline import ingest as run_ingest

    _use_gazetteers(gazetteer)
    _use_tagger(tagger)
    store = _open_store(db)
    files = [p for p in iter_paths(paths)]
    progress = Progress(
        TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("items"), TimeElapsedColumn(),
        console=err, disable=quiet or not err.is_terminal, transient=True,
    )

    def on_item(item: Article | Failure | None) -> None:
        progress.advance(task)
        if isinstance(item, Failure):
            err.print(f"[red]error[/red] {escape(str(item))}")

    with progress:
        task = progress.add_task("ingest", total=None)
        report = run_ingest(files, store, on_item=on_item, workers=workers, dask=dask)
    stats = store.stats()
    store.close()
    out.print(
        f"stored [bold]{report.stored}[/bold] new articles ({report.duplicates} linked as duplicates), "
        f"skipped {report.skipped} already stored, [red]{report.failed}[/red] failed · "
        f"store {escape(display_url(resolve_db(db)))} holds {stats['articles']} articles"
    )
    raise typer.Exit(0 if report.ok else 1)


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, globs, or - for stdin.")],
    format: Annotated[str, typer.Option("--format", help="jsonl (one object per line) or json (an array).")] = "jsonl",
    keep_text: Annotated[bool, typer.Option("--keep-text", help="Take input as clean: body = decoded text.")] = False,
    gazetteer: GazetteerOption = None,
    tagger: TaggerOption = False,
) -> None:
    """Clean and analyse without storing: one JSON object per article to stdout (printed once the whole run
    is done, so actor ids are the same across all articles); errors to stderr."""
    from newsloom.pipeline import extract as run_extract

    _use_gazetteers(gazetteer)
    _use_tagger(tagger)
    if format not in ("jsonl", "json"):
        raise typer.BadParameter("format must be jsonl or json")
    failed = 0
    first = True
    if format == "json":
        sys.stdout.write("[")
    for item in run_extract(paths, keep_text=keep_text):
        if isinstance(item, Failure):
            failed += 1
            err.print(f"[red]error[/red] {escape(str(item))}")
            continue
        data = item.to_dict()
        for key in ("raw_sha256", "body_sha256", "extra"):
            data.pop(key, None)
        line = json.dumps(data, ensure_ascii=False)
        if format == "json":
            sys.stdout.write(("" if first else ",") + "\n" + line)
        else:
            sys.stdout.write(line + "\n")
        first = False
    if format == "json":
        sys.stdout.write("\n]\n")
    sys.stdout.flush()
    raise typer.Exit(1 if failed else 0)


@app.command()
def articles(
    db: DbOption = None,
    limit: Annotated[int, typer.Option(help="How many rows.")] = 50,
    offset: Annotated[int, typer.Option(help="Skip this many rows.")] = 0,
    outlet: Annotated[str | None, typer.Option(help="Only this outlet.")] = None,
) -> None:
    """List stored articles, newest first."""
    store = _open_store(db)
    table = Table("id", "published", "outlet", "title", "words", "duplicate of")
    for a in store.list_articles(limit=limit, offset=offset, outlet=outlet):
        table.add_row(a["id"], a["published"] or "—", escape(a["outlet"] or "—"), escape(a["title"] or "(no title)"),
                      str(len(a["body"].split())), a["duplicate_of"] or "")
    out.print(table)


@app.command()
def show(
    article_id: Annotated[str, typer.Argument(help="Article id (a unique prefix is enough).")],
    db: DbOption = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print the stored record as JSON.")] = False,
) -> None:
    """Show one article: metadata, clean text, and what was removed and why."""
    store = _open_store(db)
    a = store.get_article(article_id)
    if a is None:
        err.print(f"[red]no article {escape(article_id)}[/red]")
        raise typer.Exit(1)
    if json_out:
        out.print_json(json.dumps(a, ensure_ascii=False, default=str))
        return
    out.rule(escape(a["title"] or "(no title)"))
    for key in ("id", "published", "authors", "outlet", "dateline", "language", "duplicate_of"):
        value = a[key]
        out.print(f"[bold]{key}[/bold]: {escape(', '.join(value) if isinstance(value, list) else str(value or '—'))}")
    src = a["source"]
    out.print(f"[bold]source[/bold]: {escape(str(src.get('path') or ''))} {escape(str(src.get('url') or ''))} ({src['format']})")
    if a["duplicates"]:
        out.print(f"[bold]copies[/bold]: {', '.join(a['duplicates'])}")
    out.rule("body")
    out.print(escape(a["body"]))
    out.rule(f"quotes ({len(a['quotes'])})")
    for q in a["quotes"]:
        out.print(f"[bold]{escape(q['speaker']['name'] or '?')}[/bold] [dim]{q['kind']}[/dim] {escape(q['text'][:160])}")
    out.rule(f"actors ({len(a['entities'])})")
    for e in a["entities"]:
        roles = "; ".join(r["role"] for r in e["roles"])
        names = ", ".join(dict.fromkeys(m["text"] for m in e["mentions"]))
        out.print(f"[bold]{escape(e['name'])}[/bold] [dim]{e['type']} {escape(e['id'])}[/dim] {escape(roles)} "
                  f"[dim]as[/dim] {escape(names)}")
    out.rule(f"time expressions ({len(a['times'])})")
    if a["times"]:
        out.print(", ".join(f"{escape(t['text'])} → {t['value'] or 'unresolved'}" for t in a["times"]))
    out.rule(f"events ({len(a['events'])})")
    for e in a["events"]:
        who = (e["actor"] or {}).get("name") or (e["actor"] or {}).get("text") or "?"
        whom = (e["target"] or {}).get("text") or ""
        where = f" in {e['location']['text']}" if e["location"] else ""
        when = e["date"] or (f"unresolved “{e['time']['text']}”" if e["time"] else "date unknown")
        out.print(f"[bold]{e['type']}[/bold][dim]{'/' + e['mode'] if e['mode'] else ''} {e['modality']}[/dim] "
                  f"{escape(who)} —{escape(e['trigger']['text'])}→ {escape(whom)}{escape(where)} [dim]{escape(when)}[/dim]")
    out.rule(f"removed ({len(a['removed'])} lines)")
    for r in a["removed"]:
        out.print(f"[dim]{r['kind']:<10}[/dim] {escape(r['text'][:120])}")


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="FTS5 query: words, \"phrases\", AND/OR/NOT, prefix*.")],
    db: DbOption = None,
    limit: int = 20,
    outlet: Annotated[str | None, typer.Option(help="Only this outlet.")] = None,
    since: Annotated[str | None, typer.Option(help="Published on or after (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Published on or before (YYYY-MM-DD).")] = None,
) -> None:
    """Full-text search over titles and bodies (BM25 ranking)."""
    store = _open_store(db)
    hits = _or_exit(lambda: store.search(query, limit=limit, outlet=outlet, since=since, until=until))
    table = Table("id", "published", "outlet", "title", "snippet")
    for h in hits:
        table.add_row(h["id"], h["published"] or "—", escape(h["outlet"] or "—"), escape(h["title"] or ""),
                      escape(h["snippet"]).replace(HIT_START, "[bold]").replace(HIT_END, "[/bold]"))
    out.print(table)


@app.command()
def export(
    format: Annotated[str, typer.Option("--format", help="jsonl, csv or parquet.")] = "jsonl",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File (stdout for jsonl/csv if unset).")] = None,
    db: DbOption = None,
) -> None:
    """Export every stored article."""
    store = _open_store(db)
    rows = store.iter_articles()
    if format == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        if output is None:
            raise typer.BadParameter("parquet needs --output")
        records = [_flat(r) for r in rows]
        pq.write_table(pa.Table.from_pylist(records), output)
        err.print(f"wrote {len(records)} articles to {output}")
        return
    handle = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        if format == "jsonl":
            for r in rows:
                handle.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")
        elif format == "csv":
            writer = None
            for r in rows:
                flat = _flat(r)
                if writer is None:
                    writer = csv.DictWriter(handle, fieldnames=list(flat))
                    writer.writeheader()
                writer.writerow(flat)
        else:
            raise typer.BadParameter("format must be jsonl, csv or parquet")
    finally:
        if output:
            handle.close()


def _flat(r: dict) -> dict:
    return {
        "id": r["id"], "title": r["title"], "published": r["published"], "authors": "; ".join(r["authors"]),
        "outlet": r["outlet"], "dateline": r["dateline"], "language": r["language"], "url": r["source"]["url"],
        "path": r["source"]["path"], "format": r["source"]["format"], "duplicate_of": r["duplicate_of"],
        "body": r["body"],
    }


@app.command()
def stats(db: DbOption = None) -> None:
    """Counts over the store: articles, duplicates, outlets, date range, failures."""
    store = _open_store(db)
    s = store.stats()
    table = Table("", "")
    for key in ("articles", "quotes", "duplicates", "outlets", "published_from", "published_to", "removed_lines", "failures",
                "schema_version"):
        table.add_row(key, str(s[key]))
    table.add_row("top outlets", escape(", ".join(f"{o} ({n})" for o, n in s["top_outlets"])))
    table.add_row("database", escape(display_url(resolve_db(db))))
    out.print(table)


@app.command()
def quotes(
    db: DbOption = None,
    speaker: Annotated[str | None, typer.Option(help="Speaker name or mention contains this.")] = None,
    search: Annotated[str | None, typer.Option(help="Full-text query over quote text and speaker.")] = None,
    since: Annotated[str | None, typer.Option(help="Articles published on or after (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Articles published on or before (YYYY-MM-DD).")] = None,
    format: Annotated[str, typer.Option("--format", help="table, jsonl or csv.")] = "table",
    limit: int = 100,
) -> None:
    """Who said what: stored quotes, filterable by speaker, text and date."""
    store = _open_store(db)
    rows = _or_exit(lambda: store.quotes(speaker=speaker, search=search, since=since, until=until, limit=limit))
    if format == "jsonl":
        _print_jsonl(rows)
    elif format == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(["article_id", "published", "speaker", "role", "kind", "cue", "text", "via"])
        for r in rows:
            writer.writerow([r["article_id"], r["published"], r["speaker"]["name"], r["speaker"]["role"], r["kind"],
                             (r["cue"] or {}).get("text"), r["text"], r["via"]])
    elif format == "table":
        table = Table("published", "speaker", "kind", "cue", "quote", "article")
        for r in rows:
            table.add_row(r["published"] or "—", escape(r["speaker"]["name"] or "?"), r["kind"],
                          escape((r["cue"] or {}).get("text") or ""), escape(r["text"][:200]), r["article_id"])
        out.print(table)
    else:
        raise typer.BadParameter("format must be table, jsonl or csv")


@app.command()
def timeline(
    db: DbOption = None,
    actor: Annotated[str | None, typer.Option(help="Events this actor did or underwent, and its statements.")] = None,
    search: Annotated[str | None, typer.Option(help="Words of the event's sentence / a query over quotes.")] = None,
    type: Annotated[str | None, typer.Option("--type", help="Only events of this PLOVER type (no statements).")] = None,
    since: Annotated[str | None, typer.Option(help="Happened on or after (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Happened on or before (YYYY-MM-DD).")] = None,
    format: Annotated[str, typer.Option("--format", help="table or jsonl.")] = "table",
    limit: int = 200,
) -> None:
    """Events and statements ordered by the date they happened; one entry per event or statement, with
    every outlet that reported it."""
    from newsloom.link.timeline import store_timeline

    if format not in ("table", "jsonl"):
        raise typer.BadParameter("format must be table or jsonl")
    store = _open_store(db)
    entries = _or_exit(lambda: store_timeline(store, actor=actor, search=search, type=type, since=since,
                                              until=until, limit=limit))
    if format == "jsonl":
        _print_jsonl(entries)
        return
    table = Table("date", "what", "who", "to whom / where", "modality", "reported by")
    for e in entries:
        sources = ", ".join(sorted({s["outlet"] or s["article_id"][:8] for s in e["sources"]}))
        if e["kind"] == "event":
            what = e["type"] + (f"/{e['mode']}" if e["mode"] else "") + f" ({e['trigger']})"
            if e["quantities"]:
                what += " " + "; ".join(f"{q['number']:,.0f} {q['unit'] or ''}".strip() for q in e["quantities"])
            who = (e["actor"] or {}).get("name") or (e["actor"] or {}).get("text") or "?"
            whom = " · ".join(x for x in ((e["target"] or {}).get("text"), (e["location"] or {}).get("text")) if x)
            table.add_row(e["when"] or (f"unknown ({e['time']['text']})" if e["time"] else "unknown"), escape(what),
                          escape(who), escape(whom), e["modality"], escape(sources))
        else:
            table.add_row(e["when"] or "unknown", escape("“" + e["text"][:160] + "”"),
                          escape(e["speaker"]["name"] or "?"), "", "statement", escape(sources))
    out.print(table)


@app.command()
def actors(
    db: DbOption = None,
    type: Annotated[str | None, typer.Option("--type", help="PERSON, ORG, GPE, NORP, LOC or FAC.")] = None,
    search: Annotated[str | None, typer.Option("--search", help="Any name or mention contains this.")] = None,
    format: Annotated[str, typer.Option("--format", help="table or jsonl.")] = "table",
    limit: int = 50,
) -> None:
    """Actors across the store, most-mentioned first: one row per canonical actor."""
    store = _open_store(db)
    rows = store.actors(type=type, search=search, limit=limit)
    store.close()
    if format == "jsonl":
        _print_jsonl(rows)
        return
    if format != "table":
        raise typer.BadParameter("format must be table or jsonl")
    table = Table("id", "name", "type", "articles")
    for r in rows:
        table.add_row(escape(r["id"]), escape(r["name"]), r["type"], str(r["articles"]))
    out.print(table)


@app.command()
def actor(
    name: Annotated[str, typer.Argument(help="An actor's id, name or any name it was mentioned by.")],
    db: DbOption = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print the record as JSON.")] = False,
    limit: int = 20,
) -> None:
    """One actor: aliases, roles over time, quotes by and about them, co-occurring actors, articles."""
    from newsloom.actors.gazetteer import load_gazetteer

    store = _open_store(db)
    record = store.actor(name, limit=limit)
    store.close()
    if record is None:
        err.print(f"[red]no actor named {escape(name)!r} in the store[/red]")
        raise typer.Exit(1)
    entry = load_gazetteer().get(record["gazetteer"]) if record["gazetteer"] else None
    if entry is not None:
        record["known_aliases"] = list(entry.aliases)
        record["known_roles"] = [vars(r) for r in entry.roles]
    if json_out:
        sys.stdout.write(json.dumps(record, ensure_ascii=False, indent=2) + "\n")
        return
    out.print(f"[bold]{escape(record['name'])}[/bold] ({record['type']}) · id {escape(record['id'])} · "
              f"{record['article_count']} articles")
    aliases = ", ".join(f"{a['text']} ×{a['mentions']}" for a in record["aliases"])
    out.print(f"[bold]named as[/bold] {escape(aliases)}")
    if entry is not None and entry.aliases:
        out.print(f"[bold]also known as[/bold] {escape(', '.join(entry.aliases))}")
    roles = Table("role", "from", "to", "source", "articles", title="roles")
    for r in record["roles"]:
        roles.add_row(escape(r["role"]), r["since"] or "—", r["until"] or "—", r["source"], str(r["articles"]))
    for r in record.get("known_roles", []):
        roles.add_row(escape(r["role"]), r["since"] or "—", r["until"] or "—", "gazetteer", "")
    out.print(roles)
    for title, key in (("quotes by", "quotes_by"), ("quotes about", "quotes_about")):
        table = Table("published", "speaker", "quote", "article", title=title)
        for q in record[key]:
            table.add_row(q["published"] or "—", escape(q["speaker"]["name"] or "?"), escape(q["text"][:160]),
                          q["article_id"])
        out.print(table)
    co = ", ".join(f"{c['name']} ({c['articles']})" for c in record["co_occurring"])
    out.print(f"[bold]appears with[/bold] {escape(co)}")
    table = Table("published", "outlet", "title", "article", title="articles")
    for a in record["articles"]:
        table.add_row(a["published"] or "—", escape(a["outlet"] or ""), escape(a["title"] or ""), a["id"])
    out.print(table)


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Interface to listen on (localhost only unless you change it).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
    allow_ingest: Annotated[bool, typer.Option("--allow-ingest", help="Accept POST /api/articles.")] = False,
) -> None:
    """The web explorer and JSON API over the store (pages at /, API docs at /docs)."""
    import uvicorn

    from newsloom.web.app import create_app

    out.print(f"newsloom explorer on http://{host}:{port}/ · store {escape(display_url(resolve_db(db)))}")
    uvicorn.run(create_app(resolve_db(db), allow_ingest=allow_ingest), host=host, port=port, log_level="warning")


@app.command()
def failures(db: DbOption = None) -> None:
    """Inputs that could not be ingested, and why."""
    store = _open_store(db)
    table = Table("path", "item", "reason", "last seen")
    for f in store.failures():
        table.add_row(escape(f["path"]), "" if f["item"] is None else str(f["item"]), escape(f["reason"]), f["last_seen"])
    out.print(table)


if __name__ == "__main__":
    app()
