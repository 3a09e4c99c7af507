"""Conversation scripts: what must keep working, written down by operators, run against the engine.

A script file (`tests/conversations/*.toml`) holds one or more conversations; each is a list of
steps. A step does one thing and may check what came back:

    [[conversation]]
    name = "shelter, a town with local help"
    steps = [
      { start = "" },                                   # /start, with an optional payload
      { choose = "en" },                                # a generated button: a language or a place id
      { press = "danger-no", expect = ["ask-need"] },   # a button, by its label's message id
      { press = "need-shelter" },
      { type = "Novi Sad", expect = ["answer"], place = "novi-sad", service = "iz-kruga-novi-sad", local = 2 },
      { command = "leave", expect = ["goodbye"] },
    ]

Checks: `expect` (the message ids of the replies, in order), `place` (the municipality chosen),
`need` (the need chosen), `lang` (the language of the conversation),
`service` (a service id the answer lists), `local` (how many local services the answer lists).
`languages = ["en"]` limits a conversation to some languages (default: every language; a
`choose` of a language tag is then replaced by the language being run).
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from . import engine
from .core import Core
from .engine import Command, Event, Press, Reply, Session, Start, Text
from .i18n import LANGUAGES
from .problems import did_you_mean

ACTIONS = ("start", "press", "choose", "type", "command")
CHECKS = ("expect", "place", "need", "lang", "service", "local")


@dataclass
class Conversation:
    file: str
    name: str
    steps: list[dict]
    languages: tuple[str, ...] = LANGUAGES


@dataclass
class Result:
    conversation: Conversation
    lang: str
    failures: list[str] = field(default_factory=list)
    transcript: list[tuple[dict, list[Reply], Session]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


class ScriptError(Exception):
    pass


def load(path: Path) -> list[Conversation]:
    rel = f"{path.parent.name}/{path.name}"
    try:
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ScriptError(f"{rel}: TOML syntax error: {exc}") from None
    out = []
    for i, conv in enumerate(doc.get("conversation", []), 1):
        name = conv.get("name") or f"conversation {i}"
        steps = conv.get("steps") or []
        for n, step in enumerate(steps, 1):
            actions = [k for k in step if k in ACTIONS]
            unknown = [k for k in step if k not in ACTIONS + CHECKS]
            if len(actions) != 1 or unknown:
                what = f'unknown key "{unknown[0]}".' + did_you_mean(unknown[0], ACTIONS + CHECKS) if unknown \
                    else f"a step does exactly one of: {', '.join(ACTIONS)}"
                raise ScriptError(f"{rel}: {name}, step {n}: {what}")
        langs = tuple(conv.get("languages") or LANGUAGES)
        out.append(Conversation(rel, name, steps, langs))
    return out


def run(core: Core, conv: Conversation, lang: str) -> Result:
    result = Result(conv, lang)
    session: Session | None = None
    replies: list[Reply] = []
    for n, step in enumerate(conv.steps, 1):
        where = f"step {n}"
        if "start" in step:
            payload = step["start"]
            head, sep, rest = payload.partition("_")
            if head in LANGUAGES:  # a deep link in the script's language → the language being run
                payload = lang + sep + rest
            event: Event = Start(payload)
        elif "type" in step:
            event = Text(step["type"])
        elif "command" in step:
            event = Command(step["command"])
        else:
            buttons = [b for r in replies for row in r.buttons for b in row]
            if "press" in step:
                found = [b for b in buttons if b.label == step["press"]]
                want = f'button labelled "{step["press"]}"'
            else:
                value = lang if step["choose"] in LANGUAGES else step["choose"]
                found = [b for b in buttons if b.data.endswith("=" + value)]
                want = f'choice "{value}"'
            if not found:
                labels = ", ".join(sorted({b.label for b in buttons})) or "none"
                result.failures.append(f"{where}: no {want} on screen {session.screen if session else '-'} "
                                       f"(buttons: {labels})")
                return result
            event = Press(found[0].data)
        session, replies = engine.step(core.dialogue, core.world, session, event)
        result.transcript.append((step, replies, session))
        got = [r.message for r in replies]
        if "expect" in step and got != list(step["expect"]):
            result.failures.append(f"{where}: expected {step['expect']}, got {got}")
        if "place" in step and session.place != step["place"]:
            result.failures.append(f"{where}: expected place {step['place']!r}, got {session.place!r}")
        if "need" in step and session.need != step["need"]:
            result.failures.append(f"{where}: expected need {step['need']!r}, got {session.need!r}")
        if "lang" in step and session.lang != step["lang"]:
            result.failures.append(f"{where}: expected language {step['lang']!r}, got {session.lang!r}")
        if "service" in step or "local" in step:
            show = next((r.show for r in replies if r.show and r.show.list == "services"), None)
            if show is None:
                result.failures.append(f"{where}: expected an answer listing services, got {got}")
                continue
            pages = core.renderer.pages(show.need or "unsure", show.place)  # what the screen shows
            answer = pages.more if show.more else pages.first
            listed = [s.id for s in answer.local] + [x.service.id for x in answer.nearby] + [s.id for s in answer.national]
            if "service" in step and step["service"] not in listed:
                result.failures.append(f"{where}: the answer does not list {step['service']!r}; it lists {listed}")
            if "local" in step and len(answer.local) != step["local"]:
                result.failures.append(f"{where}: expected {step['local']} local service(s), got {len(answer.local)}")
        if session.ended:
            session = None
    return result
