"""Spreadsheet import and export: readers, cleaning, column mapping, presets, import engine, writer."""
