"""The guide's build as plain Python (no MkDocs imports), in the order the data flows.

    data/*.yml, docs/chapters/*.md
        │  data/      model (vocabulary + frozen dataclasses), YAML reading, field checks, load
        ▼
    GuideData  (checked: every problem in every file reported together, or nothing is built)
        │  pages/     renderers: glossary, who's who, timeline + chart, key dates, flashcards, sources
        │  link.py    cross-linker: first mentions of terms and people become links
        ▼
    Markdown for MkDocs (through scripts/hooks.py), then the built HTML
        │  book/      the built pages as one print HTML → WeasyPrint → PDF
        ▼
    site/

``build.GuideBuild`` runs the steps once per build; ``scripts/hooks.py`` is the thin MkDocs adapter.
"""
