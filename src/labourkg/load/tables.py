"""Read register tables from CSV (UTF-8 or GB18030) or from sheets of an .xlsx workbook, as streams."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


class TableError(ValueError):
    """A table cannot be read at all (encoding, format); the message names the file."""


@dataclass
class Table:
    name: str  # file stem or sheet name
    source: str  # what to call it in reports: file name, or workbook:sheet
    headers: list[str]
    rows: Iterator[tuple[int, list[str]]]  # (line number as a spreadsheet shows it, cells)


def _decode_probe(path: Path) -> str:
    """The encoding of a CSV file: UTF-8 (with or without BOM), else GB18030; else an error."""
    with open(path, "rb") as f:
        head = f.read(1 << 20)
    if b"\x00" in head[:4096]:
        raise TableError(f"{path}: not a text file (binary content)")
    for enc in ("utf-8-sig", "gb18030"):
        try:
            head.decode(enc)
            return enc
        except UnicodeDecodeError as e:
            if enc == "utf-8-sig" and e.start > len(head) - 4:  # cut inside a character at the probe's end
                return enc
    raise TableError(f"{path}: neither UTF-8 nor GB18030 text")


def read_csv(path: Path) -> Table:
    enc = _decode_probe(path)
    f = open(path, encoding=enc, newline="")
    sample = f.read(8192)
    f.seek(0)
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",\t;") if sample else csv.excel
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(f, dialect)
    try:
        headers = next(reader)
    except StopIteration:
        f.close()
        return Table(path.stem, path.name, [], iter(()))
    except (UnicodeDecodeError, csv.Error) as e:
        f.close()
        raise TableError(f"{path}: {e}") from None

    def rows() -> Iterator[tuple[int, list[str]]]:
        try:
            for line, row in enumerate(reader, start=2):
                if "".join(row).strip():
                    yield line, row
        except (UnicodeDecodeError, csv.Error) as e:
            raise TableError(f"{path}: line {reader.line_num}: {e}") from None
        finally:
            f.close()

    return Table(path.stem, path.name, [h.strip() for h in headers], rows())


def read_xlsx(path: Path) -> list[Table]:
    try:
        import openpyxl

        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as e:
        raise TableError(f"{path}: not a readable .xlsx workbook ({e})") from None
    tables: list[Table] = []
    for ws in wb.worksheets:
        it = ws.iter_rows(values_only=True)
        try:
            headers = ["" if h is None else str(h).strip() for h in next(it)]
        except StopIteration:
            continue

        def rows(it=it) -> Iterator[tuple[int, list[str]]]:
            for line, row in enumerate(it, start=2):
                cells = ["" if v is None else _cell(v) for v in row]
                if any(c.strip() for c in cells):
                    yield line, cells

        tables.append(Table(ws.title, f"{path.name}:{ws.title}", headers, rows()))
    return tables


def _cell(v: object) -> str:
    import datetime as dt

    if isinstance(v, dt.datetime):
        return v.date().isoformat()
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def read_tables(directory: Path) -> list[Table]:
    """Every table in ``directory``: its CSV files and the sheets of its workbooks."""
    if not directory.exists():
        raise TableError(f"{directory}: no such directory")
    if directory.is_file():
        files = [directory]
    else:
        files = sorted(p for p in directory.iterdir() if p.is_file())
    tables: list[Table] = []
    for p in files:
        suffix = p.suffix.lower()
        if suffix in (".csv", ".tsv", ".txt"):
            tables.append(read_csv(p))
        elif suffix == ".xlsx":
            tables.extend(read_xlsx(p))
    return tables


def csv_text(headers: list[str], rows: list[list[object]]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(headers)
    w.writerows(rows)
    return buf.getvalue()
