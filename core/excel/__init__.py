"""Spreadsheet import and export: readers, cleaning, column mapping, presets, import engine, writer."""

SPREADSHEET_SUFFIXES = frozenset({".xlsx", ".xls", ".xlsm", ".csv", ".ods", ".et"})  # what the app opens to import
