/** A1 addresses, only as far as the add-in needs them: which sheet rows an event's address covers. */

/** "Piano!B5:D7" → { sheet: 'Piano', firstRow: 4, lastRow: 6 } (0-based rows); whole columns give null rows */
export function rowsOfAddress(address: string): { sheet: string | null; firstRow: number; lastRow: number } | null {
  const bang = address.lastIndexOf('!');
  const sheet =
    bang >= 0
      ? address
          .slice(0, bang)
          .replace(/^'(.*)'$/, '$1')
          .replace(/''/g, "'")
      : null;
  const local = bang >= 0 ? address.slice(bang + 1) : address;
  const match = /^\$?[A-Z]*\$?(\d+)(?::\$?[A-Z]*\$?(\d+))?$/i.exec(local);
  if (!match) return null;
  const first = Number(match[1]) - 1;
  const last = match[2] !== undefined ? Number(match[2]) - 1 : first;
  return { sheet, firstRow: Math.min(first, last), lastRow: Math.max(first, last) };
}

/** 0-based column index → letters: 0 → A, 27 → AB */
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** 0-based row/column and size → "B5:D7" */
export function a1(row: number, column: number, rows = 1, columns = 1): string {
  const start = `${columnLetters(column)}${row + 1}`;
  if (rows === 1 && columns === 1) return start;
  return `${start}:${columnLetters(column + columns - 1)}${row + rows}`;
}

/** "B5:D7" → 0-based { row, column, rows, columns } */
export function parseA1(address: string): { row: number; column: number; rows: number; columns: number } | null {
  const local = address.slice(address.lastIndexOf('!') + 1);
  const match = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(local);
  if (!match) return null;
  const col = (letters: string) => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const c1 = col(match[1]);
  const r1 = Number(match[2]) - 1;
  const c2 = match[3] ? col(match[3]) : c1;
  const r2 = match[4] ? Number(match[4]) - 1 : r1;
  return {
    row: Math.min(r1, r2),
    column: Math.min(c1, c2),
    rows: Math.abs(r2 - r1) + 1,
    columns: Math.abs(c2 - c1) + 1,
  };
}
