"""Layer 0: paths, errors, atomic writes, codes and constants, argument validation, the panel engine."""
