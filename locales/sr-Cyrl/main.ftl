### status: draft
### Српски (ћирилица). Све поруке се изводе из locales/sr-Latn/ пресловљавањем.
### Поруку упишите овде само када ћирилични текст треба да буде другачији; она тада има предност.

language-name = Српски (ћирилица)
# The picker line is the same in every language; it must not be transliterated.
choose-language = Izaberite jezik · Изаберите језик · Alosar i čhib · Zgjidhni gjuhën · Choose a language
