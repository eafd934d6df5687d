"""Subcommands of `inspector-app`, one module each, each exposing `register(subparsers)`."""
