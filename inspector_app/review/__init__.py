"""A supervisor at the district office: the Qt-free client the review screens use."""
