"""Follow-up meetings: booking, the brief and its PDF, and what was agreed."""
