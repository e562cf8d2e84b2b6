from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "sample"
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"

needs_shared = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared is not present")


def run_cli(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run the real ``newsloom`` command in a subprocess, as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "newsloom", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd or REPO,
        timeout=300,
        env={"COLUMNS": "200", "PATH": "/usr/bin:/bin", "NEWSLOOM_DB": "unused-default.db"},
    )


#: a PostgreSQL URL for the PostgreSQL runs of store tests (``.ci/run`` sets it); unset: they skip
TEST_PG = os.environ.get("NEWSLOOM_TEST_PG")


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A fresh, empty store on each backend: a SQLite file outside ``tmp_path`` (so ingesting ``tmp_path``
    never reads the database), and a PostgreSQL schema of its own, dropped afterwards."""
    if request.param == "sqlite":
        yield str(tmp_path_factory.mktemp("store") / "test.db")
        return
    if not TEST_PG:
        pytest.skip("NEWSLOOM_TEST_PG is not set")
    yield from postgres_schema(TEST_PG)


def postgres_schema(base_url: str) -> Iterator[str]:
    import psycopg

    schema = f"test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base_url, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    separator = "&" if "?" in base_url else "?"
    try:
        yield f"{base_url}{separator}options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(base_url, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(scope="session")
def seed_articles():
    """The five seed articles, cleaned once for the whole session."""
    if not SEEDS.is_dir():
        pytest.skip("../shared is not present")
    from newsloom.pipeline import extract

    return {Path(a.source.path).name[:3]: a for a in extract([str(SEEDS)])}
