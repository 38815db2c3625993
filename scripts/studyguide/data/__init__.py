"""Data: the vocabulary and dataclasses, reading YAML and chapters, and checking every entry."""
