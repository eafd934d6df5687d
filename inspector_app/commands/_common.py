"""Helpers shared by subcommands: the data folder and the opened store."""

from __future__ import annotations

import argparse
from pathlib import Path

import sqlite_utils

from inspector_app.paths import data_dir
from inspector_app.store.database import DB_FILENAME, connect


def database_path(args: argparse.Namespace) -> Path:
    return data_dir(args.data_dir) / DB_FILENAME


def open_db(args: argparse.Namespace) -> sqlite_utils.Database:
    return connect(database_path(args))


def say(args: argparse.Namespace, zh: str, en: str) -> str:
    return zh if args.lang == "zh" else en
