from __future__ import annotations

import subprocess
import sys
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


@pytest.fixture
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A fresh SQLite path, outside ``tmp_path`` so ingesting ``tmp_path`` never reads the database."""
    return str(tmp_path_factory.mktemp("store") / "test.db")


@pytest.fixture(scope="session")
def seed_articles():
    """The five seed articles, cleaned once for the whole session."""
    if not SEEDS.is_dir():
        pytest.skip("../shared is not present")
    from newsloom.pipeline import extract

    return {Path(a.source.path).name[:3]: a for a in extract([str(SEEDS)])}
