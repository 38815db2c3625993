"""Book: the built site's pages assembled into print HTML and rendered to PDF by WeasyPrint."""
