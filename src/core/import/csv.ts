/**
 * Reading a CSV register: bytes → text (encoding detected or given) → a
 * header and rows. Parsing is csv-parse's (RFC 4180: quoted fields with the
 * delimiter, doubled quotes and line breaks inside; CRLF or LF), relaxed for
 * what spreadsheets write: stray quotes inside unquoted fields and rows with
 * more or fewer cells than the header.
 */
import { CsvError, parse } from 'csv-parse/sync';
import { ImportError } from './errors.ts';

export type Encoding = 'utf8' | 'latin1' | 'utf16le' | 'utf16be';

export interface Decoded {
  text: string;
  encoding: Encoding;
  /** How the encoding was chosen. */
  how: 'given' | 'byte order mark' | 'valid UTF-8' | 'not valid UTF-8';
  /** Characters that could not be decoded (shown as �) with a given encoding. */
  replaced: number;
}

/** WHATWG name of each encoding. `latin1` is read as Windows-1252, the superset spreadsheets write (€, curly quotes). */
const LABELS: Record<Encoding, string> = { utf8: 'utf-8', latin1: 'windows-1252', utf16le: 'utf-16le', utf16be: 'utf-16be' };

function decodeWith(bytes: Uint8Array, encoding: Encoding, fatal = false): string {
  return new TextDecoder(LABELS[encoding], { fatal, ignoreBOM: false }).decode(bytes);
}

/**
 * Bytes → text. With no encoding given: a byte order mark decides, else
 * valid UTF-8 is UTF-8, else the file is Latin-1 (ISO-8859-1 / Windows-1252),
 * which any byte sequence is.
 */
export function decodeCsv(bytes: Uint8Array, given?: 'utf8' | 'latin1'): Decoded {
  if (given) {
    const text = decodeWith(bytes, given);
    const replaced = given === 'utf8' ? (text.match(/\uFFFD/g) ?? []).length : 0;
    return { text: text.replace(/^\uFEFF/, ''), encoding: given, how: 'given', replaced };
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: decodeWith(bytes, 'utf8'), encoding: 'utf8', how: 'byte order mark', replaced: 0 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decodeWith(bytes, 'utf16le'), encoding: 'utf16le', how: 'byte order mark', replaced: 0 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decodeWith(bytes, 'utf16be'), encoding: 'utf16be', how: 'byte order mark', replaced: 0 };
  try {
    return { text: decodeWith(bytes, 'utf8', true), encoding: 'utf8', how: 'valid UTF-8', replaced: 0 };
  } catch {
    return { text: decodeWith(bytes, 'latin1'), encoding: 'latin1', how: 'not valid UTF-8', replaced: 0 };
  }
}

export const DELIMITERS = [',', ';', '\t', '|'] as const;

/** The delimiter used most in the header line (outside quotes); `,` when none is. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  for (const [d, n] of counts) if (n > (counts.get(best) ?? 0)) best = d;
  return best;
}

export interface CsvRow {
  /** Spreadsheet row number: the header is row 1, the first data row is row 2. */
  row: number;
  cells: string[];
}

export interface ParsedCsv {
  /** Column names as written in the header, trimmed. */
  names: string[];
  rows: CsvRow[];
  delimiter: string;
}

/** Parse CSV text; throws ImportError (with the line) when it is not CSV. Rows with only empty cells are skipped. */
export function parseCsv(text: string, delimiter = detectDelimiter(text)): ParsedCsv {
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      bom: true,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (e) {
    if (e instanceof CsvError) {
      const info = e as CsvError & { records?: number };
      if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
        const after = info.records ? ` after row ${info.records}, the last complete one` : '';
        throw new ImportError(`not a readable CSV file: a quoted cell is never closed (a " opens a cell${after} and no " ends it)`);
      }
      throw new ImportError(`not a readable CSV file: ${e.message.replace(/\.$/, '')}`);
    }
    throw e;
  }
  const headerIndex = records.findIndex((r) => r.some((c) => c.trim() !== ''));
  if (headerIndex === -1) throw new ImportError('the file is empty: a register needs a header row and at least one row');
  const names = records[headerIndex].map((c) => c.trim());
  const rows: CsvRow[] = [];
  for (let i = headerIndex + 1; i < records.length; i++) {
    const cells = records[i];
    if (cells.every((c) => c.trim() === '')) continue;
    rows.push({ row: i + 1, cells });
  }
  if (rows.length === 0) throw new ImportError('the file has a header but no rows to import');
  return { names, rows, delimiter };
}
