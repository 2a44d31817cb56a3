"""Smart paste: read a customer and an order out of a pasted chat message (Qt-free)."""

from core.smartpaste.parser import ParsedMessage, parse_message

__all__ = ["ParsedMessage", "parse_message"]
