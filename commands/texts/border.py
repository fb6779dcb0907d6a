"""Across the border: counterparts, structures and cross-border cases."""
