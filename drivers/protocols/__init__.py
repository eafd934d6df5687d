"""One module per protocol: pure `parse_frame`, a `build_frame` encoder, a `FrameBuffer`, and a
registered `Driver`. Importing this package registers them all."""

from . import appa55ii, center309, lutron16, modbus_th, ms6514, simulated

__all__ = ["appa55ii", "center309", "lutron16", "modbus_th", "ms6514", "simulated"]
