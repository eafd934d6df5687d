"""The inspector's dispatched tickets: the list, the contact log and a visit started from one."""
