"""Runs every operator conversation script (tests/conversations/*.toml) in every language."""
from __future__ import annotations

from pathlib import Path

import pytest

from bot import scripts

HERE = Path(__file__).resolve().parent / "conversations"
CASES = [(c, lang) for path in sorted(HERE.glob("*.toml")) for c in scripts.load(path) for lang in c.languages]


def test_scripts_cover_every_need_and_the_danger_path():
    from bot.register import NEEDS
    names = {c.name for c, _ in CASES}
    for need in NEEDS:
        for kind in ("rather not say", "a town with no local help", "a name shared by several places"):
            assert f"{need}: {kind}" in names
    assert any(n.startswith("in danger") for n in names)


@pytest.mark.parametrize("conv,lang", CASES, ids=[f"{c.file}:{c.name}:{lang}" for c, lang in CASES])
async def test_conversation(core, conv, lang):
    result = scripts.run(core, conv, lang)
    assert result.ok, "\n".join(result.failures)


async def test_a_broken_expectation_is_reported_with_its_step(core, tmp_path):
    path = tmp_path / "x.toml"
    path.write_text('[[conversation]]\nname = "x"\nsteps = [\n  { start = "en" },\n'
                    '  { press = "danger-no", expect = ["ask-town"] },\n  { press = "need-nope" },\n]\n')
    [conv] = scripts.load(path)
    result = scripts.run(core, conv, "en")
    assert result.failures[0] == "step 2: expected ['ask-town'], got ['ask-need']"
    assert result.failures[1].startswith('step 3: no button labelled "need-nope" on screen need')


def test_a_malformed_step_names_file_conversation_and_step(tmp_path):
    path = tmp_path / "x.toml"
    path.write_text('[[conversation]]\nname = "x"\nsteps = [ { start = "" }, { pres = "danger-no" } ]\n')
    with pytest.raises(scripts.ScriptError, match=r'x.toml: x, step 2: unknown key "pres". Did you mean "press"\?'):
        scripts.load(path)
