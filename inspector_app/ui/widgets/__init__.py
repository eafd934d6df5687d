"""Custom widgets promoted in the Designer forms."""
