"""Layer 5: the Indonesian report: wording, formatting, figures, narrative, rendering, batch."""
