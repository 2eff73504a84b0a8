"""casus.watch: poll news feeds and sitemaps, fetch each new article once, code and store it."""
