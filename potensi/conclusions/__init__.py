"""Layer 3: conclusions drawn from the indicators: sector potential (sektor unggulan) and cooperation (kerja sama daerah)."""
