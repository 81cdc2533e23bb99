"""Layer 1: catalogs (regions, sectors), cell parsing, readers, the build of data/processed and the processed store, population, boundaries."""
