"""End-to-end tests: the built site opened in headless Chromium, every page, both languages."""
