"""Layer 2: pure indicator functions on tidy frames (LQ, shift-share, growth, typologies, specialisation, inequality, convergence, interaction, input-output)."""
