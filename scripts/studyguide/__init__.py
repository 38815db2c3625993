"""Pure-Python page building for the study guide: data models, validation and renderers, free of MkDocs."""
