"""The answer the bot gives when its operator files cannot be loaded at start.

Compiled in on purpose, so that a broken file never leaves a person without the essentials.
Numbers as in data/services.csv: police 192 and ambulance 194 (numbering plan, bif.rs 2012-01;
rri.ro 2025-03-14), ASTRA SOS 011 7850000 (ecofeminizam.com 2018-10-19; astra.org.rs).
112 is not operational in Serbia and is never shown.
"""
# Used in texts (the bot's description, the health rights screen, flyers) when the register does not
# show its own rows for them; same sources as above.
EMERGENCY_NUMBERS = {"police": "192", "ambulance": "194"}

FALLBACK_TEXT = "\n".join([
    "🚓 192 · 🚑 194 · ☎️ ASTRA SOS 011 7850000",
    "",
    "Policija 192 · Hitna pomoć 194 · ASTRA SOS (trgovina ljudima) 011 7850000",
    "Полиција 192 · Хитна помоћ 194 · ASTRA SOS (трговина људима) 011 7850000",
    "Policija 192 · Sigutno sastipasko žutipe 194 · ASTRA SOS 011 7850000",
    "Policia 192 · Ndihma e shpejtë 194 · ASTRA SOS (trafikim) 011 7850000",
    "Police 192 · Ambulance 194 · ASTRA SOS (trafficking) 011 7850000",
])
