"""Fixed indoor monitoring points (固定监测点): registry, platform keys, ingestion over HTTP and
MQTT, quality flags, daily aggregates and the evidence rulings and dispatchers read."""
