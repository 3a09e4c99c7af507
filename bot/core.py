"""Everything the conversation needs, loaded and validated together."""
from __future__ import annotations

from dataclasses import dataclass

from . import dialogs, engine
from .config import Settings
from .dialogs import Dialogue
from .engine import Event, Session, World
from .i18n import Texts
from .matching import TownMatcher
from .problems import InvalidFiles, Problem, errors
from .register import Register, RegisterData, build_database, load_csv
from .render import Out, Renderer, find_audio
from .stats import DemandCounter


@dataclass(frozen=True)
class Core:
    """Built once by build_core/load_core and never changed: a reload builds a new one, and the
    channel that counts answers gets a copy with its counter (`dataclasses.replace(core, demand=…)`)."""
    dialogue: Dialogue
    texts: Texts
    register: Register
    world: World
    renderer: Renderer
    demand: "DemandCounter | None" = None  # counts answers by week, district, need, language
    version: str = ""  # a hash of the dialogue and locale files, for /healthz

    def health(self) -> dict:
        dates = [s.checked_on or s.source_date for s in self.register.services if s.shown]
        return {"status": "ok", "register": max(dates, default=""), "dialogs": self.version}

    def step(self, session: Session | None, event: Event) -> tuple[Session, list[Out]]:
        session, replies = engine.step(self.dialogue, self.world, session, event)
        if self.demand is not None:
            for r in replies:
                if r.show is not None and r.show.list == "services" and not r.repeat and session.lang:
                    place = self.register.places.get(r.show.place) if r.show.place else None
                    self.demand.add(district=place.district if place else "-", need=r.show.need or "unsure",
                                    language=session.lang)
                if r.failed is not None and r.failed in self.demand.services:
                    self.demand.add_failed(service=r.failed)
        return session, self.renderer.render(replies, session.lang)



def load_sources(settings: Settings) -> tuple[Dialogue | None, Texts, RegisterData, list[Problem]]:
    """Read and check every operator file; all problems, not just the first."""
    from .check import check_audio, cross_check  # the cross-file rules live with the checker

    data, problems = load_csv(settings.data_dir)
    texts, text_problems = Texts.load(settings.locales_dir)
    max_id = max((len(p.id) for p in data.places), default=24)
    dialogue, dialog_problems = dialogs.load(settings.dialogs_dir, max_place_id=max_id)
    problems = problems + text_problems + dialog_problems
    if dialogue is not None:
        problems += cross_check(dialogue, texts, data)
        problems += load_words(settings, dialogue)[1]
    problems += check_audio(settings.data_dir, texts)
    problems += _age_warnings(data, settings.caution_days)
    return dialogue, texts, data, problems


def _age_warnings(data: RegisterData, caution_days: int) -> list[Problem]:
    """Rows shown with "may have changed": one line, so operators see at once how much wants a call."""
    from datetime import datetime

    from .register import BELGRADE
    today = datetime.now(BELGRADE).date()
    shown = [s for s in data.services if s.shown]
    unconfirmed = [s for s in shown if not s.checked_on]
    old = [s for s in shown if s.caution(today, caution_days)]
    if not unconfirmed and not old:
        return []
    return [Problem("data/services.csv", None, f"{len(unconfirmed)} of {len(shown)} shown row(s) are not confirmed "
                    f"by a call yet, and {len(old)} are shown with \"may have changed\" (newest date older than "
                    f"{caution_days} days, or undated); call them, then write the date in checked_on "
                    "(`python -m bot register todo` lists them, most useful first)", "warning")]


def load_words(settings: Settings, dialogue: Dialogue) -> tuple[dict, list[Problem]]:
    """The operators' typed words per language (locales/<language>/words.toml)."""
    from . import words
    from .vocabulary import NEEDS
    ids = {b.id for s in dialogue.screens.values() for b in s.buttons}
    return words.load(settings.locales_dir, dialogue.languages, ids, NEEDS)


def build_core(dialogue: Dialogue, texts: Texts, register: Register, delete_typed: bool = True,
               typed_words: dict | None = None, audio: dict | None = None, version: str = "") -> Core:
    from .words import build as build_vocabulary
    vocabulary = build_vocabulary(typed_words or {}, texts, dialogue)
    matcher = TownMatcher(register.aliases, register.settlements, reserved=vocabulary.single)
    names = {p.id: (p.name_latn, p.name_cyrl, p.name_en) for p in register.places.values()}
    # Texts that describe the bot's own behaviour follow its settings (e.g. the privacy line).
    extra = {"typed": "deleted" if delete_typed else "kept", **register.emergency_numbers()}
    renderer = Renderer(texts, register, extra, audio=audio)
    by_id = {s.id: s for s in register.services}

    def service_name(sid: str, lang: str | None) -> str:
        return renderer.service_name(by_id[sid], lang) if sid in by_id else sid

    world = World(match=matcher.match, place_names=names, nearest=register.nearest_place,
                  services=renderer.listed, has_more=renderer.has_more, service_name=service_name,
                  understand=vocabulary.understand)
    return Core(dialogue, texts, register, world, renderer, version=version)


SHRINK_LIMIT = 0.8  # a hot reload that keeps fewer than this share of a register file's rows is refused


def shrink_problems(before: Register, after: RegisterData) -> list[Problem]:
    """A hot reload must not lose a large part of the register by accident (a half-saved file, a sheet
    pasted over): fewer than 4 in 5 of the rows before, and it is refused."""
    out = []
    for name, old, new in (("data/services.csv", len(before.services), len(after.services)),
                           ("data/places.csv", len(before.places), len(after.places))):
        if old and new < old * SHRINK_LIMIT:
            out.append(Problem(name, None, f"has {new} rows, {old} before: more than a fifth would be gone at once; "
                               "if that is meant, bring it in with `python -m bot register import FILE` (which "
                               "shows what changes) or restart the bot; otherwise restore the file"))
    return out


async def load_core(settings: Settings, previous: Register | None = None) -> Core:
    """Validate the files, build the SQLite register, open it: raise InvalidFiles on any error.
    `previous`: the register being served (a hot reload), which must not shrink by more than a fifth."""
    dialogue, texts, data, problems = load_sources(settings)
    if previous is not None:
        problems = problems + shrink_problems(previous, data)
    if errors(problems) or dialogue is None:
        raise InvalidFiles(problems)
    build_database(data, settings.db_path)
    register = await Register.open(settings.db_path, nearby_km=settings.nearby_km, caution_days=settings.caution_days)
    return build_core(dialogue, texts, register, settings.delete_typed, load_words(settings, dialogue)[0],
                      audio=find_audio(settings.data_dir, texts.languages),
                      version=files_hash(settings.dialogs_dir, settings.locales_dir))


def files_stamp(settings: Settings) -> tuple:
    """Every operator file's name, time and size: a change means a reload is due."""
    from pathlib import Path
    folders = (settings.dialogs_dir, settings.locales_dir, settings.data_dir)
    files = [p for f in folders for p in sorted(Path(f).rglob("*")) if p.is_file()]
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files)


async def reload_core(settings: Settings, serving: Core) -> Core | None:
    """Validate the edited files and build a new core, or log why not and return None: the caller
    keeps serving the last good version."""
    import logging
    log = logging.getLogger("putokaz")
    try:
        return await load_core(settings, previous=serving.register)
    except InvalidFiles as exc:
        found = errors(exc.problems) or exc.problems
        first = found[0] if found else "unknown problem"
        more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
        log.error("reload refused, still serving the last good version: %s%s", first, more)
    except Exception as exc:  # noqa: BLE001 - whatever happens, people keep being served
        log.error("reload failed (%s), still serving the last good version", type(exc).__name__)
    return None


def files_hash(*folders) -> str:
    import hashlib
    from pathlib import Path
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted(Path(folder).rglob("*")):
            if path.is_file():
                digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]
