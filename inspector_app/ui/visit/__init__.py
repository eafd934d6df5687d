"""The guided visit: a wizard of step pages."""
