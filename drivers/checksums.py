"""Checksums used by the protocols (table-driven: parsing speed matters in the benchmark)."""

from __future__ import annotations


def _crc16_table() -> tuple[int, ...]:
    table = []
    for byte in range(256):
        crc = byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
        table.append(crc)
    return tuple(table)


_CRC16_TABLE = _crc16_table()


def crc16_modbus(data: bytes) -> int:
    """CRC-16/MODBUS (poly 0xA001 reflected, init 0xFFFF); sent low byte first."""
    crc = 0xFFFF
    table = _CRC16_TABLE
    for byte in data:
        crc = (crc >> 8) ^ table[(crc ^ byte) & 0xFF]
    return crc


def crc16_modbus_bytes(data: bytes) -> bytes:
    """The two CRC bytes to append to a Modbus-RTU frame (low byte first)."""
    return crc16_modbus(data).to_bytes(2, "little")


def sum8(data: bytes) -> int:
    """Sum of all bytes modulo 256 (APPA 55II packets)."""
    return sum(data) & 0xFF
