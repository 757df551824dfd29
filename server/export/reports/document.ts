/**
 * A report as plain data: titled sections, each a table (and optionally a block of label/value fields, for
 * Brescia's objective cards). Builders fill it from the services; the xlsx, HTML and PDF renderers only lay it out,
 * so the three formats can never show different numbers.
 *
 * Percent cells carry the API's own `display` string ("91.67%", "86%"), rounded half-up by the engine: renderers
 * never round again.
 */
export type CellKind = 'text' | 'percent' | 'number' | 'euro';

export type ReportColumn = {
  key: string;
  label: string;
  kind?: CellKind;
  width?: number;
  /**
   * On paper (HTML, PDF) this column is printed inside another one, after its text and `separator`: a plan table
   * of 21 spreadsheet columns becomes 14 printed ones that fit A4 landscape. The xlsx keeps every column.
   */
  printInto?: string;
  separator?: string;
  /** the printed header when other columns are printed inside this one */
  printLabel?: string;
};

/** The column a table of plan rows opens with, alike in every report: the row's code as the plan prints it */
export const CODE_COLUMN: ReportColumn = { key: 'code', label: 'Cod.', width: 8 };

/** The weight of a row in percent points, alike in every report but for its width */
export const weightColumn = (width: number): ReportColumn => ({ key: 'weight', label: 'Peso', kind: 'percent', width });

export type ReportCell = string | number | null;

export type RowStyle =
  'perspective' | 'strategic' | 'operational' | 'indicator' | 'total' | 'warning' | 'error' | 'muted';

export type ReportTableRow = { cells: Record<string, ReportCell>; style?: RowStyle };

export type ReportSection = {
  title: string;
  subtitle?: string;
  /** label/value pairs printed above the table (an objective card's header) */
  fields?: Array<[string, string]>;
  columns: ReportColumn[];
  rows: ReportTableRow[];
  notes?: string[];
};

export type ReportDocument = {
  kind: string;
  title: string;
  subtitle: string;
  generatedAt: Date;
  /** all sections on one sheet (cards) instead of one sheet per section */
  stacked?: boolean;
  sections: ReportSection[];
  /** the plan version's state: a draft prints BOZZA on every page; the approval block says who approved it and when */
  approval?: PlanApproval;
};

export type PlanApproval = {
  label: string;
  /** draft, approved, superseded, closed */
  status: string;
  approvedAt: Date | null;
  approvedBy: string | null;
  adoptingAct: string | null;
};

/** "91.67%" → 0.9167 and its decimals, for an Excel percent cell showing exactly the API's digits. */
export function percentOf(display: string): { value: number; decimals: number } | null {
  const m = /^(-?\d+)(?:[.,](\d+))?%$/.exec(display.trim());
  if (!m) return null;
  const decimals = m[2]?.length ?? 0;
  // integer arithmetic on the digits: "14.5%" must be 0.145 exactly as a decimal, not 14.5 / 100 in binary
  const digits = Number(`${m[1]}${m[2] ?? ''}`);
  return { value: digits / 10 ** (decimals + 2), decimals };
}

/** Italian presentation of a display string: decimal comma ("91,67%"). */
export function italianDisplay(text: string): string {
  return /^-?\d+(?:\.\d+)?%?$/.test(text) ? text.replace('.', ',') : text;
}

export const yesNo = (b: boolean | null | undefined): string => (b == null ? '' : b ? 'SI' : 'NO');
