"""DPIAs: screening each processing activity, and the assessment that must be signed off before it goes live."""
