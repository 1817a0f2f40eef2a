"""The worker preloads every stage module the pipeline imports lazily (before RQ forks)."""

from __future__ import annotations

import ast
import inspect

from intake import pipeline
from workers.worker import PIPELINE_MODULES, preload_pipeline


def test_preload_list_covers_the_pipeline_imports() -> None:
    """Each `from intake.… import` inside extract_document is in PIPELINE_MODULES and imports cleanly."""
    tree = ast.parse(inspect.getsource(pipeline.extract_document))
    lazy = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    assert lazy and lazy <= set(PIPELINE_MODULES)
    preload_pipeline()
