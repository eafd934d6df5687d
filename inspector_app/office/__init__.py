"""The district office server: enrolment, record ingestion and verification, review API.

Qt-free and separate from the laptop's store: the office keeps its own SQLite file with its own
migration list (`office.store`), so an office upgrade never touches an app schema or vice versa.
"""
