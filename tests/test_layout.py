"""The package's shape: folders that are the pipeline, small modules, a text core with no database."""

from __future__ import annotations

import ast
import subprocess
import sys

import pytest

from tests.conftest import PROJECT_ROOT

PACKAGE = PROJECT_ROOT / "quotes"
STAGES = ("read", "extract", "remarks", "store", "query")
PURE_MODULES = (
    "quotes.extract",
    "quotes.remarks.items",
    "quotes.remarks.blocking",
    "quotes.remarks.scoring",
    "quotes.remarks.clustering",
    "quotes.remarks.phrases",
)
FORBIDDEN = ("sqlalchemy", "typer", "rich", "alembic", "psycopg")


def test_no_module_is_over_800_lines() -> None:
    long = {
        str(path.relative_to(PROJECT_ROOT)): n
        for path in PACKAGE.rglob("*.py")
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > 800
    }
    assert long == {}


@pytest.mark.parametrize("stage", STAGES)
def test_each_stage_says_what_it_takes_and_gives(stage: str) -> None:
    init = PACKAGE / stage / "__init__.py"
    docstring = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
    assert docstring and len(docstring.split()) >= 20


def test_the_text_core_loads_no_database_or_terminal_library() -> None:
    imports = "; ".join(f"import {module}" for module in PURE_MODULES)
    probe = f"import sys; {imports}; print(sorted(m for m in sys.modules if m in {FORBIDDEN!r}))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
