"""`python -m bot graph`: the dialogue drawn from the files — screens as boxes with their text
(shortened, in one language), buttons and outcomes as labelled arrows. Mermaid text always; SVG or
PNG through Graphviz's `dot` when it is installed."""
from __future__ import annotations

import shutil
import unicodedata
import subprocess

from .dialogs import BACK, Dialogue
from .i18n import Texts

SHORT = 48


def _short(text: str, limit: int = SHORT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def edges(d: Dialogue, texts: Texts, lang: str) -> list[tuple[str, str, str, str]]:
    """(from, to, label, style) for every way between screens; style: button, outcome, then, command."""
    out = []
    for s in d.screens.values():
        if s.picks_language:  # one outcome for every language button
            out.append((s.name, s.on["chosen"], "(" + ", ".join(d.languages) + ")", "outcome"))
        else:
            out += [(s.name, target, outcome, "outcome") for outcome, target in s.on.items()]
        out += [(s.name, b.next, _short(texts.format(lang, b.label, {"town": "…"}), 28), "button") for b in s.buttons]
        if s.then:
            out.append((s.name, "back" if s.then == BACK else s.then, "", "then"))
    out += [("commands", target, f"/{cmd}", "command") for cmd, target in d.commands.items()]
    return out


def _mm(text: str) -> str:
    return text.replace('"', "#quot;").replace("<", "#lt;").replace(">", "#gt;")


def mermaid(d: Dialogue, texts: Texts, lang: str) -> str:
    lines = ["flowchart TD"]
    for s in d.screens.values():
        says = _short(texts.format(lang, s.says, {"town": "…", "what": "…", "typed": "deleted", "police": "…", "ambulance": "…"}))
        shape = ('(["', '"])') if s.end else ('["', '"]')
        lines.append(f'  {_id(s.name)}{shape[0]}<b>{_mm(s.name)}</b><br/>{_mm(says)}{shape[1]}')
    lines.append('  commands{{"any screen"}}')
    if any(s.then == BACK for s in d.screens.values()):
        lines.append('  back(("↩ where the person was"))')
    arrows = {"button": "-->", "outcome": "==>", "then": "-.->", "command": "-.->"}
    for a, b, label, style in edges(d, texts, lang):
        arrow = arrows[style]
        lines.append(f'  {_id(a)} {arrow}|"{_mm(label)}"| {_id(b)}' if label else f"  {_id(a)} {arrow} {_id(b)}")
    return "\n".join(lines) + "\n"


def _id(name: str) -> str:
    return name.replace("-", "_")


def dot(d: Dialogue, texts: Texts, lang: str) -> str:
    def q(text: str) -> str:
        text = "".join(ch for ch in text if unicodedata.category(ch) != "So").strip()  # emoji: fonts lack them
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    lines = ["digraph putokaz {", "  rankdir=TB; node [shape=box, style=rounded, fontname=Helvetica, fontsize=10];",
             "  edge [fontname=Helvetica, fontsize=9];"]
    for s in d.screens.values():
        says = _short(texts.format(lang, s.says, {"town": "…", "what": "…", "typed": "deleted", "police": "…", "ambulance": "…"}))
        lines.append(f"  {q(s.name)} [label={q(s.name + chr(10) + says)}{', peripheries=2' if s.end else ''}];")
    lines.append('  "commands" [label="any screen", shape=diamond];')
    lines.append('  "back" [label="↩ where the person was", shape=ellipse];')
    styles = {"button": "", "outcome": ", style=bold", "then": ", style=dashed", "command": ", style=dotted"}
    for a, b, label, style in edges(d, texts, lang):
        lines.append(f"  {q(a)} -> {q(b)} [label={q(label)}{styles[style]}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


class GraphvizMissing(Exception):
    pass


def render(d: Dialogue, texts: Texts, lang: str, fmt: str) -> bytes:
    if fmt == "mermaid":
        return mermaid(d, texts, lang).encode()
    exe = shutil.which("dot")
    if exe is None:
        raise GraphvizMissing("Graphviz is not installed (no `dot` on PATH); install it (apt-get install graphviz) "
                              "or use --format mermaid")
    return subprocess.run([exe, f"-T{fmt}"], input=dot(d, texts, lang).encode(), capture_output=True,
                          check=True, timeout=60).stdout
