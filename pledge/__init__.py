"""Pledge: information governance for UK local councils."""
