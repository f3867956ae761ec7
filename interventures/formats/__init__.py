"""The project's date and time formats where Django's own do not suit a European portal
(FORMAT_MODULE_PATH): Django looks here first, then in its own locale formats."""
