"""Reusable widgets: no tab imports another tab, but every tab may use these (see ARCHITECTURE.md)."""
