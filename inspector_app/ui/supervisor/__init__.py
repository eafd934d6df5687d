"""The supervisor's side of the app: reviewing the sealed records the district office holds."""
