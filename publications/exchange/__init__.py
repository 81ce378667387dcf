"""Experience records shared between instances: a versioned JSON file, exported and imported (docs/exchange.md)."""
