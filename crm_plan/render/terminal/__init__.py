"""The views drawn on a terminal, with rich's public API and one theme (`console.THEME`)."""
