"""Pages: renderers that turn checked data into Markdown pages, plus the safe-Markdown helpers they share."""
