"""Fixtures of the Python module's tests: the source tree, the corridor binary, a scratch folder.

CTest runs these with PYTHONPATH=build/python and CORRIDOR_EXE, CORRIDOR_SOURCE_DIR set
(tests/python/CMakeLists.txt); every test runs from the source tree so scenario paths read as in the README.
"""
import os
import subprocess

import pytest

SOURCE_DIR = os.environ.get("CORRIDOR_SOURCE_DIR",
                            os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
CORRIDOR_EXE = os.environ.get("CORRIDOR_EXE", os.path.join(SOURCE_DIR, "build", "corridor"))
TOY = "scenarios/two-terminals.yaml"


@pytest.fixture(scope="session", autouse=True)
def in_source_tree():
    """Session-wide, so that module-scoped fixtures (run before any function-scoped one) see it too: CTest
    starts pytest in the build tree."""
    before = os.getcwd()
    os.chdir(SOURCE_DIR)
    yield
    os.chdir(before)


@pytest.fixture
def cli():
    """Runs the corridor binary; returns the CompletedProcess (text)."""
    def call(*args):
        return subprocess.run([CORRIDOR_EXE, *map(str, args)], capture_output=True, text=True, cwd=SOURCE_DIR)
    return call
