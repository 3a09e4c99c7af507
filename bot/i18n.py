"""Every word a person sees, by Fluent message id, in five languages.

- `locales/<tag>/*.ftl`, parsed with fluent.syntax so that syntax errors (Junk) are reported
  with file and line instead of being skipped silently, then served by fluent.runtime.
- `sr-Cyrl` is derived from `sr-Latn` by transliterating text (never placeables, variant keys,
  URLs or a few names); a message written in `locales/sr-Cyrl/` overrides the derived one, so
  operators write Serbian once.
- A missing message falls back along `<lang> → sr-Latn → en`; it is never shown as its raw id.
- Each file says in a resource comment whether a native speaker has reviewed it:
  `### status: reviewed` or `### status: draft`. Files without the line count as draft.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from fluent.runtime import FluentBundle, FluentResource
from fluent.syntax import FluentParser, FluentSerializer, ast, visitor

from .problems import Problem
from .textnorm import lat_to_cyr

log = logging.getLogger(__name__)

REFERENCE = "sr-Latn"
LANGUAGES = ("sr-Latn", "sr-Cyrl", "rom", "sq", "en")
FALLBACK = ("sr-Latn", "en")
DERIVED = {"sr-Cyrl": "sr-Latn"}
# Babel has no Romani locale: Romani follows Serbian plural rules on purpose.
BABEL_LOCALES = {"sr-Latn": ["sr-Latn"], "sr-Cyrl": ["sr-Cyrl"], "rom": ["rom", "sr-Latn"], "sq": ["sq"], "en": ["en"]}
_STATUS = re.compile(r"^status:\s*(reviewed|draft)\b", re.I | re.M)


@dataclass
class Locale:
    tag: str
    messages: dict[str, ast.Message] = field(default_factory=dict)
    where: dict[str, tuple[str, int]] = field(default_factory=dict)  # id → (file, line)
    draft_files: list[str] = field(default_factory=list)
    reviewed_files: list[str] = field(default_factory=list)
    derived: set[str] = field(default_factory=set)  # ids transliterated from the reference


class _Transliterate(visitor.Transformer):
    def visit_TextElement(self, node):  # noqa: N802 (fluent.syntax visitor naming)
        node.value = lat_to_cyr(node.value)
        return node


def _line_of(source: str, offset: int) -> int:
    return source.count("\n", 0, offset) + 1


class Texts:
    """Loaded locales and their Fluent bundles."""

    def __init__(self, locales: dict[str, Locale], bundles: dict[str, FluentBundle]):
        self.locales = locales
        self._bundles = bundles
        self.languages = tuple(t for t in LANGUAGES if t in bundles)

    @classmethod
    def load(cls, locales_dir: Path, languages=LANGUAGES) -> tuple["Texts", list[Problem]]:
        problems: list[Problem] = []
        parser = FluentParser(with_spans=True)
        locales: dict[str, Locale] = {}
        bundles: dict[str, FluentBundle] = {}
        root = Path(locales_dir)
        for tag in languages:
            loc = Locale(tag)
            locales[tag] = loc
            bundle = FluentBundle(BABEL_LOCALES.get(tag, [tag, REFERENCE]), use_isolating=False)
            files = sorted((root / tag).glob("*.ftl"))
            if not files and tag not in DERIVED:
                problems.append(Problem(f"locales/{tag}", None, f"no .ftl files for language {tag}; add locales/{tag}/main.ftl"))
            for path in files:
                rel = f"locales/{tag}/{path.name}"
                try:
                    source = path.read_text(encoding="utf-8")
                except (OSError, UnicodeDecodeError) as exc:
                    problems.append(Problem(rel, None, f"cannot read the file ({exc}); save it as UTF-8"))
                    continue
                resource = parser.parse(source)
                status = None
                for entry in resource.body:
                    if isinstance(entry, ast.ResourceComment):
                        found = _STATUS.search(entry.content or "")
                        status = status or (found.group(1).lower() if found else None)
                    elif isinstance(entry, ast.Junk):
                        line = _line_of(source, entry.span.start if entry.span else 0)
                        detail = "; ".join(str(a.message) for a in entry.annotations) or "unreadable text"
                        problems.append(Problem(rel, line, f"Fluent syntax error: {detail}. Check that the line starts "
                                                "with an id followed by ' = ', that continuation lines are indented, "
                                                "and that every {{ has its }}"))
                    elif isinstance(entry, ast.Message):
                        mid = entry.id.name
                        if mid in loc.messages:
                            f0, l0 = loc.where[mid]
                            problems.append(Problem(rel, _line_of(source, entry.span.start if entry.span else 0),
                                                    f'message "{mid}" is defined twice (first in {f0}:{l0}); keep one',
                                                    where=mid))
                            continue
                        loc.messages[mid] = entry
                        loc.where[mid] = (rel, _line_of(source, entry.span.start if entry.span else 0))
                (loc.reviewed_files if status == "reviewed" else loc.draft_files).append(rel)
                bundle.add_resource(FluentResource(source))
            if tag in DERIVED and DERIVED[tag] in locales:
                ref = locales[DERIVED[tag]]
                derived = ast.Resource([
                    _Transliterate().visit(FluentParser().parse(FluentSerializer().serialize(ast.Resource([m]))).body[0])
                    for mid, m in ref.messages.items() if mid not in loc.messages
                ])
                for m in derived.body:
                    if isinstance(m, ast.Message):
                        loc.messages[m.id.name] = m
                        loc.derived.add(m.id.name)
                        loc.where[m.id.name] = ref.where[m.id.name]
                bundle.add_resource(derived)
            bundles[tag] = bundle
        return cls(locales, bundles), problems

    def chain(self, lang: str | None) -> list[str]:
        out = [lang] if lang in self._bundles else []
        return out + [t for t in FALLBACK if t in self._bundles and t not in out]

    def for_channel(self, prefix: str) -> "ChannelTexts":
        """The same texts, where a channel's own wording (`<prefix><id>`, e.g. `web-privacy`) is used
        instead of the Telegram one when a language has it."""
        return ChannelTexts(self, prefix)

    def has(self, lang: str, msg_id: str) -> bool:
        return any(self._bundles[t].has_message(msg_id) for t in self.chain(lang))

    def format(self, lang: str | None, msg_id: str, args: Mapping[str, Any] | None = None) -> str:
        """The message in `lang`, or in the first fallback that has it; errors are logged by id only."""
        for tag in self.chain(lang):
            bundle = self._bundles[tag]
            if bundle.has_message(msg_id):
                message = bundle.get_message(msg_id)
                if message.value is None:
                    continue
                text, errs = bundle.format_pattern(message.value, dict(args or {}))
                if errs:
                    log.warning("message %s in %s: %d formatting error(s)", msg_id, tag, len(errs))
                return str(text)
        log.error("message %s is missing in every language", msg_id)
        return "…"


class ChannelTexts:
    """A view of `Texts` for one channel: in each language of the fallback chain, `<prefix><id>`
    first, then `<id>` — so a web page never says "Telegram" where the web differs, and a language
    without the web wording still speaks its own language rather than falling back to Serbian."""

    def __init__(self, texts: Texts, prefix: str):
        self.base, self.prefix = texts, prefix
        self.languages = texts.languages
        self.locales = texts.locales
        self._own = {t: {m[len(prefix):] for m in loc.messages if m.startswith(prefix)} for t, loc in texts.locales.items()}

    def chain(self, lang: str | None) -> list[str]:
        return self.base.chain(lang)

    def has(self, lang: str, msg_id: str) -> bool:
        return self.base.has(lang, msg_id) or self.base.has(lang, self.prefix + msg_id)

    def format(self, lang: str | None, msg_id: str, args: Mapping[str, Any] | None = None) -> str:
        for tag in self.base.chain(lang):
            if msg_id in self._own.get(tag, ()):
                return self.base.format(tag, self.prefix + msg_id, args)
            if self.base._bundles[tag].has_message(msg_id):  # noqa: SLF001 - the same module's class
                return self.base.format(tag, msg_id, args)
        return self.base.format(lang, msg_id, args)
