"""Qt table models over core services (SQL-backed; only the visible pages of rows are held)."""
