"""The channel-neutral delivery logic (bot/delivery.py) against the in-memory fake channel."""
from bot.delivery import FakeDelivery, deliver
from bot.render import Out

SCREEN = Out("Which town?", ((("Rather not say", "town|skip"),),))
ANSWER = Out("Help for Niš", ((("Leave", "answer|leave"),),))
NOTE = Out("Calls stay in the call log.", (), "screen")
HINT = Out("Please use the buttons below.", (), "hint")


async def test_a_press_replaces_the_pressed_screen_and_the_rest_is_sent():
    d = FakeDelivery()
    pressed = await d.send(7, SCREEN)
    sent, live = await deliver(d, 7, [ANSWER, NOTE], pressed)
    assert d.shown[pressed] is ANSWER  # edited in place: no new message for the next screen
    assert sent == [pressed + 1] and d.shown[pressed + 1] is NOTE
    assert live == pressed  # the buttons are on the edited message


async def test_a_screen_that_cannot_be_edited_goes_out_as_a_new_message():
    d = FakeDelivery(refuse_edits=True)  # e.g. older than Telegram's 48 hours
    pressed = await d.send(7, SCREEN)
    sent, live = await deliver(d, 7, [ANSWER], pressed)
    assert d.shown[pressed] is SCREEN and sent == [pressed + 1] and live == pressed + 1


async def test_typed_text_and_hints_are_answered_with_new_messages():
    d = FakeDelivery()
    screen = await d.send(7, SCREEN)
    sent, live = await deliver(d, 7, [HINT, SCREEN], None)  # typed: nothing was pressed
    assert [c[0] for c in d.calls] == ["send", "send", "send"] and len(sent) == 2 and live == sent[-1]
    sent, live = await deliver(d, 7, [HINT, SCREEN], screen)  # pressed, but a hint comes first
    assert ("edit", 7, screen) not in d.calls and live == sent[-1]


async def test_no_buttons_out_means_no_live_screen():
    d = FakeDelivery()
    sent, live = await deliver(d, 7, [NOTE], None)
    assert sent and live is None
