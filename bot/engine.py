"""The dialogue engine: pure, synchronous, no I/O, no Telegram.

    step(dialogue, world, session, event) -> (session, [Reply, ...])

Frozen dataclasses in, frozen dataclasses out. A Reply names a Fluent message id with its
arguments and buttons, and, where the answer is a list of services, what to list (`Show`);
the renderer fills it from the register. Unexpected input never raises: it gets a short hint
and the current screen again.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from dataclasses import fields as dataclass_fields
from dataclasses import replace as evolve
from typing import Callable, Iterator, Mapping

from .dialogs import BACK, SEP, Dialogue, Screen, callback
from .matching import Match
from .vocabulary import BUTTON_ACTIONS, INPUT_KINDS

MAX_CHAIN = 8
_DATA = re.compile(r"^[A-Za-z0-9_=-]{1,64}\|[A-Za-z0-9_=-]{1,64}$")


# --- what comes in --------------------------------------------------------------------------

@dataclass(frozen=True)
class Start:
    payload: str = ""


@dataclass(frozen=True)
class Command:
    name: str


@dataclass(frozen=True)
class Press:
    data: str


@dataclass(frozen=True)
class Text:
    text: str


@dataclass(frozen=True)
class Other:
    """Anything else a person sends: a sticker, photo, voice message, contact..."""
    kind: str


@dataclass(frozen=True)
class Location:
    """A shared location: used only to find the nearest municipality, never kept."""
    lat: float
    lon: float


Event = Start | Command | Press | Text | Other | Location


@dataclass(frozen=True)
class Session:
    screen: str
    lang: str | None = None
    need: str | None = None
    place: str | None = None
    danger: bool = False
    choices: tuple[str, ...] = ()
    ended: bool = False
    marks: tuple[str, ...] = ()  # self-check answers ("documents", ...): memory only, gone with the session
    more: bool = False  # the answer's "More" was pressed: list the rest too
    resume: str | None = None  # /language from a screen: go back there once the language is chosen
    # The services a "which one?" screen listed, by id: a press names one by position, and a reload of
    # the register between showing and pressing must not make it count another.
    offered: tuple[str, ...] = ()


# --- what goes out --------------------------------------------------------------------------

class Args(Mapping[str, object]):
    """A Fluent message's arguments: read-only and hashable, so that a Reply is a value the
    renderer can cache its text by (what the conversation means is all it needs to know)."""
    __slots__ = ("_items", "_hash")

    def __init__(self, items: Mapping[str, object] | None = None) -> None:
        self._items = dict(items or {})
        self._hash = hash(frozenset(self._items.items()))

    def __getitem__(self, key: str) -> object:
        return self._items[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        return self._hash

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Args):
            return self._hash == other._hash and self._items == other._items
        return isinstance(other, Mapping) and self._items == dict(other)

    def __repr__(self) -> str:
        return f"Args({self._items!r})"


NO_ARGS = Args()


def _frozen(obj) -> None:
    """A dict given to a Button or Reply becomes Args. Both keep their hash, computed once: the
    renderer's cache asks for it on every update, and a screen's buttons are shared between replies."""
    if type(obj.args) is not Args:
        object.__setattr__(obj, "args", Args(obj.args) if obj.args else NO_ARGS)
    object.__setattr__(obj, "_hash", hash(obj._fields()))


@dataclass(frozen=True)
class Button:
    label: str  # Fluent message id
    data: str  # callback data, ≤ 64 bytes
    args: Mapping[str, object] = NO_ARGS
    lang: str | None = None  # render the label in this language instead of the session's
    _hash: int = field(init=False, repr=False, compare=False, default=0)

    def __post_init__(self) -> None:
        _frozen(self)

    def _fields(self) -> tuple:
        return self.label, self.data, self.args, self.lang

    def __hash__(self) -> int:
        return self._hash


@dataclass(frozen=True)
class Show:
    list: str  # "services", "emergency" or "hotline"
    need: str | None = None
    place: str | None = None
    more: bool = False  # the rest of the answer, after "More"


@dataclass(frozen=True)
class Reply:
    """What to say: a value (hashable, compared by content); the renderer caches its text by it."""
    message: str
    args: Mapping[str, object] = NO_ARGS
    buttons: tuple[tuple[Button, ...], ...] = ()
    show: Show | None = None
    kind: str = "screen"  # "screen" or "hint"
    effect: str | None = None  # what the adapter must do besides sending: "erase-later"
    repeat: bool = False  # the current screen shown again after a hint (not a new answer)
    # A service whose number a person says did not work: counted by (service, month), nothing else.
    failed: str | None = None
    _hash: int = field(init=False, repr=False, compare=False, default=0)

    def __post_init__(self) -> None:
        _frozen(self)

    def _fields(self) -> tuple:
        return self.message, self.args, self.buttons, self.show, self.kind, self.effect, self.repeat, self.failed

    def __hash__(self) -> int:
        return self._hash


for _cls, _names in ((Button, "label data args lang"), (Reply, "message args buttons show kind effect repeat failed")):
    # the hash a Button or Reply keeps must cover every field its == compares
    assert [f.name for f in dataclass_fields(_cls) if f.compare] == _names.split(), f"{_cls.__name__}._fields"


@dataclass(frozen=True)
class World:
    """What the engine may consult, all pure: town matching and place names."""
    match: Callable[[str], Match]
    # id → (Latin, Cyrillic[, English where it differs, e.g. Belgrade])
    place_names: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    nearest: Callable[[float, float], str | None] = lambda lat, lon: None  # noqa: E731
    # The services with a number an answer lists for (need, place): [(service id, name)], in order.
    services: Callable[..., tuple[tuple[str, str], ...]] = lambda need, place, more=False: ()  # noqa: E731
    # Does the answer for (need, place) have more than its first screen lists?
    has_more: Callable[[str, str | None], bool] = lambda need, place: False  # noqa: E731
    # A service's name in a language, for buttons that name it.
    service_name: Callable[[str, str | None], str] = lambda sid, lang: sid  # noqa: E731
    # What typed text means as buttons (bot/words.py): {"button:no", "need:shelter", "label:btn-yes", ...}
    understand: Callable[[str | None, str], frozenset] = lambda lang, text: frozenset()  # noqa: E731

    def place_name(self, place: str, lang: str | None) -> str:
        names = self.place_names.get(place, (place, place))
        if lang == "sr-Cyrl":
            return names[1]
        if lang == "en" and len(names) > 2 and names[2]:
            return names[2]
        return names[0]


def replace(session: Session, **changes) -> Session:
    """`dataclasses.replace` for Session, without its per-call introspection (hot path)."""
    new = object.__new__(Session)
    new.__dict__.update(session.__dict__)
    new.__dict__.update(changes)
    return new


def new_session(d: Dialogue) -> Session:
    return Session(screen=d.start)


def step(d: Dialogue, world: World, session: Session | None, event: Event) -> tuple[Session, list[Reply]]:
    """Advance one event. A None session means a new (or forgotten) conversation."""
    if isinstance(event, Start):
        return _start(d, world, event.payload)
    if isinstance(event, Press) and session is not None and not session.ended and leaves(d, event):
        # Any Leave button leaves, also one on an older screen: erasing must never be refused as stale.
        return _goto(d, world, session, d.commands["leave"])
    if session is None or session.ended:
        return _restart(d, world, event)
    if session.screen not in d.screens:  # the operators removed it: back to the start, in their language
        new, replies = _restart(d, world, event)
        return (replace(new, lang=new.lang or session.lang), replies)
    if isinstance(event, Command):
        target = d.commands.get(event.name)
        if target is None:
            return _hint(d, world, session, "text")
        if target == d.start and event.name == "start":
            return _start(d, world, "")
        return _goto(d, world, session, target, back_to=session.screen)
    screen = d.screens[session.screen]
    if isinstance(event, Press):
        return _press(d, world, session, screen, event.data)
    if isinstance(event, Text):
        typed = _typed(d, world, session, screen, event.text)
        if typed is not None:
            return typed
        if screen.kind.typed:
            return _town(d, world, session, screen, event.text)
        if session.need and (screen.shows == "services" or screen.kind.choices == "places"):
            # A town typed once the need is known (on the answer, or on the "several places" list)
            # moves the answer to that town.
            town = next((s for s in d.screens.values() if s.kind.typed and "known" in s.on), None)
            match = world.match(event.text)
            if town is not None and match.status in ("found", "several"):
                return _town(d, world, session, town, event.text, match)
        return _hint(d, world, session, "text")
    if isinstance(event, Location):
        place = world.nearest(event.lat, event.lon) if screen.kind.typed else None
        if place is None:
            return _hint(d, world, session, "location")
        return _goto(d, world, replace(session, place=place, choices=(), more=False), screen.on["found"])
    if isinstance(event, Other) and event.kind == "contact":
        return _hint(d, world, session, "contact")
    return _hint(d, world, session, "media")


_PAYLOAD = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


def _start(d: Dialogue, world: World, payload: str) -> tuple[Session, list[Reply]]:
    """A new conversation. A deep-link payload `<lang>[_<place id>][_<link word>]` presets the
    language, the town and where to go after the privacy note; anything else → the language picker."""
    session = new_session(d)
    preset = parse_payload(d, world, payload)
    picker = d.screens.get(d.start)
    if preset is None or not (picker and picker.picks_language):
        return _goto(d, world, session, d.start)
    lang, place, screen = preset
    session = replace(session, lang=lang, place=place)
    if screen is None:
        return _goto(d, world, session, picker.on["chosen"])
    # Say what comes before the first question (the privacy note), then go where the link says.
    replies: list[Reply] = []
    target = picker.on["chosen"]
    for _ in range(MAX_CHAIN):
        step = d.screens[target]
        if not step.then or step.then == BACK or step.buttons or step.expect or step.end:
            break
        session = replace(session, screen=target)
        replies += _render(d, world, session, step)
        target = step.then
    session, more = _goto(d, world, session, screen)
    return session, replies + more


def parse_payload(d: Dialogue, world: World, payload: str) -> tuple[str, str | None, str | None] | None:
    """(language, place id or None, screen or None) from a /start payload, or None if it is not one of ours."""
    payload = (payload or "").strip()
    if not _PAYLOAD.match(payload):
        return None
    parts = payload.split("_")
    lang = next((t for t in d.languages if t.lower() == parts[0].lower()), None)
    if lang is None and len(parts) > 1:  # the old form sr_Cyrl
        lang = next((t for t in d.languages if t.lower() == f"{parts[0]}-{parts[1]}".lower()), None)
        parts = parts[1:]
    if lang is None:
        return None
    place = screen = None
    for part in parts[1:]:
        if place is None and screen is None and part in world.place_names:
            place = part
        elif screen is None and part in d.links and d.links[part] in d.screens:
            screen = d.links[part]
        else:
            return None  # unknown or tampered: start from the picker, trust nothing of it
    return lang, place, screen


def make_payload(lang: str, place: str | None = None, link: str | None = None) -> str:
    """The inverse of parse_payload: what `python -m bot link` puts after ?start=."""
    return "_".join(p for p in (lang, place, link) if p)


def leaves(d: Dialogue, event: Event) -> bool:
    """Does this event mean "leave" (the command, or any Leave button, old or new)? The adapter lets
    such an event go ahead of everything a chat has waiting."""
    leave = d.commands.get("leave")
    if not leave:
        return False
    if isinstance(event, Command):
        return event.name == "leave"
    if isinstance(event, Press):
        screen, _, value = event.data.partition(SEP)
        old = d.screens.get(screen)
        button = old.button(value) if old else None
        return button is not None and button.next == leave
    return False


def _restart(d: Dialogue, world: World, event: Event) -> tuple[Session, list[Reply]]:
    """No live session: leaving still leaves, an old language button still works; anything else starts over."""
    leave = d.commands.get("leave")
    if isinstance(event, Command) and event.name == "leave" and leave:
        return _goto(d, world, new_session(d), leave)
    if isinstance(event, Press):
        screen, _, value = event.data.partition(SEP)
        old = d.screens.get(screen)
        button = old.button(value) if old else None
        if leave and button is not None and button.next == leave:
            return _goto(d, world, new_session(d), leave)
        picker = d.screens.get(d.start)
        if picker and screen == picker.name and picker.picks_language and value[1:] in d.languages:
            return _press(d, world, new_session(d), picker, event.data)
    session, replies = _start(d, world, "")
    message = d.replies.get("restart", "")
    return session, [Reply(message, kind="hint"), *replies]


def _typed(d: Dialogue, world: World, session: Session, screen: Screen, text: str
           ) -> tuple[Session, list[Reply]] | None:
    """Typed words that mean one of this screen's buttons press it; several → ask; none → None."""
    keys = world.understand(session.lang, text)
    if not keys:
        return None
    options: list[str] = []
    if screen.picks_language:
        options += [callback(screen.name, "=" + t) for t in d.languages if f"language:{t}" in keys]
    marks = set(session.marks)
    for b in screen.buttons:
        if b.when is not None and not set(b.when) & marks:
            continue
        if ("page", "more") in b.set and (session.more or not world.has_more(session.need or "unsure", session.place)):
            continue  # not on the screen
        if (f"button:{b.id}" in keys or f"label:{b.label}" in keys
                or any(k == "need" and f"need:{v}" in keys for k, v in b.set)):
            options.append(callback(screen.name, b.id))
    if len(options) == 1:
        return _press(d, world, session, screen, options[0])
    if len(options) > 1:
        return _hint(d, world, session, "unclear")  # never guess: the buttons are shown again
    return None


def _hint(d: Dialogue, world: World, session: Session, key: str) -> tuple[Session, list[Reply]]:
    if d.screens[session.screen].picks_language and key in ("text", "media", "unclear") \
            and "picker" in d.replies:
        key = "picker"  # no language chosen yet: the reply speaks all of them
    message = d.replies.get(key) or d.replies.get("text") or d.replies.get("media", "")
    hint = Reply(message, kind="hint")
    again = [evolve(r, repeat=True) for r in _render(d, world, session, d.screens[session.screen])]
    return session, [hint, *again]


def _press(d: Dialogue, world: World, session: Session, screen: Screen, data: str) -> tuple[Session, list[Reply]]:
    if not _DATA.match(data or ""):
        return _hint(d, world, session, "stale")
    name, _, value = data.partition(SEP)
    if name != screen.name:
        return _hint(d, world, session, "stale")
    if value.startswith("="):  # a generated choice (INPUT_KINDS[...].choices): a language, a place, a service
        choose = _CHOOSE.get(screen.kind.choices or "")
        chosen = choose(d, world, session, screen, value[1:]) if choose else None
        return chosen if chosen is not None else _hint(d, world, session, "stale")
    button = screen.button(value)
    if button is None or (button.when is not None and not set(button.when) & set(session.marks)):
        return _hint(d, world, session, "stale")
    changes: dict[str, object] = {"more": False}
    for key, val in button.set:
        _SET[key](changes, session, val)  # BUTTON_ACTIONS (bot/vocabulary.py): the checker allowed only these
    return _goto(d, world, replace(session, **changes), button.next, back_to=screen.name)


def _town(d: Dialogue, world: World, session: Session, screen: Screen, text: str, match: Match | None = None
          ) -> tuple[Session, list[Reply]]:
    match = match or world.match(text)
    if match.status == "found":
        session = replace(session, place=match.place, choices=(), more=False)
    elif match.status == "several":
        session = replace(session, choices=match.places)
    else:
        session = replace(session, choices=())
    return _goto(d, world, session, screen.on[match.status])


def _goto(d: Dialogue, world: World, session: Session, target: str, back_to: str | None = None
          ) -> tuple[Session, list[Reply]]:
    replies: list[Reply] = []
    for _ in range(MAX_CHAIN):
        if target == BACK:
            target = back_to or d.start
            session = replace(session, screen=target)
            replies += _render(d, world, session, d.screens[target])
            return session, replies
        screen = d.screens[target]
        if screen.kind.typed and session.place and "known" in screen.on:
            target = screen.on["known"]  # the town is known already (a link, or an earlier answer)
            screen = d.screens[target]
        if screen.picks_language and session.lang and back_to and back_to != target:
            session = replace(session, resume=back_to)  # changing language: come back here after
        session = replace(session, screen=target, ended=screen.end)
        if screen.kind.choices == "services":  # what it offers is kept: a reload cannot change what a tap means
            listed = world.services(session.need or "unsure", session.place, session.more)
            session = replace(session, offered=tuple(sid for sid, _ in listed))
        replies += _render(d, world, session, screen)
        if not screen.then or screen.end:
            return session, replies
        target = screen.then
    return session, replies


def _render(d: Dialogue, world: World, session: Session, screen: Screen) -> list[Reply]:
    lang = session.lang
    args: dict[str, object] = {}
    if session.need:
        args["need"] = session.need
    if session.place:
        args["town"] = world.place_name(session.place, lang)
    rows: list[tuple[Button, ...]] = []
    choices = _CHOICES.get(screen.kind.choices or "")
    if choices is not None:
        rows += choices(d, world, session, screen)
    marks = frozenset(session.marks) & screen.conditions if screen.conditions else frozenset()
    fixed = _fixed_rows(screen.name, screen.buttons, screen.columns, marks)
    if screen.pager and (session.more or not world.has_more(session.need or "unsure", session.place)):
        # "More" only while there is more to show
        fixed = _fixed_rows(screen.name, tuple(b for b in screen.buttons if ("page", "more") not in b.set),
                            screen.columns, marks)
    rows += fixed
    show = None
    if screen.shows == "services":
        show = Show("services", session.need or "unsure", session.place, session.more)
    elif screen.shows in ("emergency", "hotline"):
        show = Show(screen.shows)
    return [Reply(screen.says, Args(args), tuple(rows), show, effect=screen.does)]


# --- what each input kind and button action does (their names: bot/vocabulary.py) ------------------

def _choose_language(d: Dialogue, world: World, session: Session, screen: Screen, choice: str):
    if choice not in d.languages:
        return None
    # /language from a screen returns there in the new language; a first choice goes on.
    target = session.resume if session.resume and session.resume in d.screens else screen.on["chosen"]
    return _goto(d, world, replace(session, lang=choice, resume=None), target)


def _choose_place(d: Dialogue, world: World, session: Session, screen: Screen, choice: str):
    if choice not in session.choices:
        return None
    return _goto(d, world, replace(session, place=choice, choices=(), more=False), screen.on["chosen"])


def _choose_service(d: Dialogue, world: World, session: Session, screen: Screen, choice: str):
    listed = session.offered  # what the screen showed, even if the register changed since
    if not choice.isdigit() or int(choice) >= len(listed):
        return None
    session, replies = _goto(d, world, replace(session, offered=()), screen.on["chosen"])
    return session, [evolve(replies[0], failed=listed[int(choice)]), *replies[1:]]


_CHOOSE = {"languages": _choose_language, "places": _choose_place, "services": _choose_service}

_CHOICES = {  # the buttons each kind of choice makes, one per row
    "languages": lambda d, world, session, screen: [
        (Button("language-name", callback(screen.name, "=" + t), lang=t),) for t in d.languages],
    "places": lambda d, world, session, screen: [
        (Button("town-option", callback(screen.name, "=" + p), {"town": world.place_name(p, session.lang)}),)
        for p in session.choices],
    "services": lambda d, world, session, screen: [  # by position: service ids may be longer than 64 bytes allow
        (Button("service-option", callback(screen.name, f"={i}"), {"name": world.service_name(sid, session.lang)}),)
        for i, sid in enumerate(session.offered)],
}


def _add_mark(changes: dict, session: Session, val: str) -> None:
    if val not in session.marks:
        changes["marks"] = (*tuple(changes.get("marks", session.marks)), val)


def _forget_place(changes: dict, session: Session, val: str) -> None:
    changes["place"], changes["choices"] = None, ()


_SET = {
    "need": lambda changes, session, val: changes.__setitem__("need", val),
    "place": _forget_place,
    "danger": lambda changes, session, val: changes.__setitem__("danger", val == "yes"),
    "mark": _add_mark,
    "marks": lambda changes, session, val: changes.__setitem__("marks", ()),
    "page": lambda changes, session, val: changes.__setitem__("more", val == "more"),
}
assert set(_SET) == set(BUTTON_ACTIONS) and set(_CHOOSE) == set(_CHOICES) == {
    k.choices for k in INPUT_KINDS.values() if k.choices}, "bot/vocabulary.py and the engine disagree"


@functools.lru_cache(maxsize=1024)
def _fixed_rows(name: str, buttons: tuple, columns: int, marks: frozenset = frozenset()
                ) -> tuple[tuple[Button, ...], ...]:
    """A screen's own buttons (those shown for these marks) never change: build them once."""
    fixed = [Button(b.label, callback(name, b.id)) for b in buttons if b.when is None or set(b.when) & marks]
    return tuple(tuple(fixed[i : i + columns]) for i in range(0, len(fixed), columns))
