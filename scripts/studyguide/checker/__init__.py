"""Check your notes: rules compiled from the data here in Python, matched in the browser by checker.js."""
