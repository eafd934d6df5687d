"""pyside6-uic output of forms/*.ui: regenerate, never edit."""
