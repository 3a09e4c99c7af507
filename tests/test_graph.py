"""The dialogue picture: generated from the files, and the README's copy kept current."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.graph import edges, mermaid

ROOT = Path(__file__).resolve().parent.parent


def test_readme_picture_is_current(core):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- graph:start -->\n```mermaid\n(.*?)```\n<!-- graph:end -->", readme, re.S)
    assert block, "README.md lost its graph block"
    assert block.group(1) == mermaid(core.dialogue, core.texts, "en"), (
        "README.md's picture is out of date: regenerate it with `python -m bot graph --lang en`")


def test_every_button_outcome_and_command_is_an_arrow(core):
    d = core.dialogue
    drawn = {(a, b) for a, b, _, _ in edges(d, core.texts, "en")}
    for s in d.screens.values():
        for b in s.buttons:
            assert (s.name, b.next) in drawn
        for target in s.on.values():
            assert (s.name, target) in drawn
    for target in d.commands.values():
        assert ("commands", target) in drawn
    text = mermaid(d, core.texts, "sq")
    assert "Çfarë ndihme kërkoni?" in text  # the chosen language's words


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz (dot) is not installed")
@pytest.mark.parametrize("fmt,magic", [("svg", b"<svg"), ("png", b"\x89PNG")])
def test_graphviz_formats(tmp_path, fmt, magic):
    out = tmp_path / f"g.{fmt}"
    r = subprocess.run([sys.executable, "-m", "bot", "graph", "--format", fmt, "--out", str(out)], cwd=ROOT,
                       capture_output=True)
    assert r.returncode == 0, r.stderr
    assert magic in out.read_bytes()[:400]
