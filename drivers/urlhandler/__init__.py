"""pyserial URL handlers added by the drivers (see `serial.protocol_handler_packages`)."""
