"""Sealing: the canonical record of a visit, its hash, the device signature, and verification.

Qt-free. The UI's signing step builds `Signature`s (see `signature.py`) and calls
`record.seal_visit`; `verify.verify_envelope` / `verify_chain` serve the laptop and the office.
"""
