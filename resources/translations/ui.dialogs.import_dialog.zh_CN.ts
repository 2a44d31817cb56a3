<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import customers and orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an Excel or CSV file, or drop one here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save blank template…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sheets to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This sheet is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview: the first rows as they will be imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All or nothing: import nothing if any row has a problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show what would be imported without writing anything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save problem list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo this import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sheets without a header row are left out: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
%2 · %3 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No column tells who the customer is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>header in row %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick at least one sheet to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New customers: %1 · updated: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New orders: %1 · updated: %2 · already in the book: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows read: %1 · skipped: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Products new: %1 · updated: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 new customers share a name with a customer already in the book; check them and merge them if they are the same person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check only — nothing was written. This is what the import would do:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save problem list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the customers and orders this import added and put back what it changed?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import was undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save blank template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>customers-template.xlsx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a file to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spreadsheets (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
