"""Layer 4: a province study and the national study: tables and structured records, no prose, no display."""
