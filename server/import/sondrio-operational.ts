/**
 * The operational objectives of the Sondrio table, attached to their strategic objective by code prefix whatever row
 * they are printed on; an objective whose own row is lost keeps its place with nothing invented.
 */
import type { SondrioCell, SondrioRow } from './sondrio-rows';
import { kpiOf } from './sondrio-strategic';
import { LOST_TITLE, osCodeOf, type SondrioOperationalObjective, type SondrioTable } from './sondrio-table';

export function operationalObjective(table: SondrioTable, row: SondrioRow): void {
  const oo = row.oo as NonNullable<SondrioRow['oo']>;
  const code = oo.code.text;
  const subject = `operational objective ${code}`;
  const so = table.osByCode.get(osCodeOf(code));
  if (!so) {
    table.review.unreadable(
      row.line,
      subject,
      'PARENT_MISSING',
      `No strategic objective ${osCodeOf(code)} for operational objective ${code}: not imported.`,
      `Nessun obiettivo strategico ${osCodeOf(code)} per l'obiettivo operativo ${code}: non importato.`,
      oo.code.seen,
    );
    return;
  }
  const kpiCell = oo.kpi ?? row.rotatedKpi;
  if (!oo.kpi && row.rotatedKpi) {
    table.review.inferred(
      row.line,
      subject,
      'CELLS_ROTATED',
      `The OO kpi "${row.rotatedKpi.text}" is printed before the OO code (rotated cells); read as its kpi.`,
      `Il kpi "${row.rotatedKpi.text}" è stampato prima del codice dell'obiettivo operativo (celle ruotate); letto come suo kpi.`,
      `cell ${row.rotatedKpi.col + 1} "${row.rotatedKpi.seen}", code in cell ${oo.code.col + 1}`,
    );
  }
  const kpi = kpiOf(table, row.line, subject, kpiCell);
  const draft: SondrioOperationalObjective = {
    os: so.code,
    key: `oo:${code}`,
    code,
    title: oo.title?.text ?? LOST_TITLE,
    kpi,
    weight: oo.weight?.text ?? null,
    line: row.line,
    indicators: [],
  };
  if (!oo.weight) {
    table.review.unreadable(
      row.line,
      subject,
      'WEIGHT_MISSING',
      'Weight not printed: left empty (never guessed).',
      'Peso non stampato: lasciato vuoto (mai indovinato).',
      oo.code.seen,
    );
  }
  if (row.os && row.os.code.text !== so.code) {
    table.review.warning(
      row.line,
      subject,
      'CODE_MISMATCH',
      `Printed on strategic objective ${row.os.code.text}'s row, attached to ${so.code} by its code.`,
      `Stampato sulla riga dell'obiettivo strategico ${row.os.code.text}, collegato a ${so.code} dal codice.`,
      oo.code.seen,
    );
  } else if (!row.os && so.line > row.line) {
    table.review.inferred(
      row.line,
      subject,
      'ATTACHED_BY_CODE',
      `Printed before strategic objective ${so.code} (line ${so.line}), in a block with empty objective columns: attached to ${so.code} by its code prefix.`,
      `Stampato prima dell'obiettivo strategico ${so.code} (riga ${so.line}), con colonne vuote: collegato a ${so.code} dal prefisso del codice.`,
      `code ${code}`,
    );
  }
  if (oo.code.col >= 11) {
    table.review.inferred(
      row.line,
      subject,
      'COLUMNS_SHIFTED',
      `Operational objective printed in the action columns (from cell ${oo.code.col + 1}); read by cell order.`,
      `Obiettivo operativo stampato nelle colonne delle azioni (dalla cella ${oo.code.col + 1}); letto per ordine delle celle.`,
      [oo.code, oo.title, oo.weight]
        .filter(Boolean)
        .map((c) => (c as SondrioCell).seen)
        .join(' | '),
    );
  }
  if (table.ooByCode.has(code)) {
    table.review.warning(
      row.line,
      subject,
      'DUPLICATE_CODE',
      `Operational objective code ${code} printed twice; the second is kept apart.`,
      `Codice di obiettivo operativo ${code} stampato due volte; il secondo è tenuto separato.`,
      oo.code.seen,
    );
    draft.key = `oo:${code}@${row.line}`;
  } else table.ooByCode.set(code, draft);
  so.operationalObjectives.push(draft);
  table.review.read(
    row.line,
    subject,
    `Operational objective ${code} "${draft.title}", weight ${draft.weight ?? '(none)'}, kpi "${kpi}".`,
    `Obiettivo operativo ${code} "${draft.title}", peso ${draft.weight ?? '(nessuno)'}, kpi "${kpi}".`,
    [oo.code, oo.title, oo.weight, oo.kpi]
      .filter(Boolean)
      .map((c) => (c as SondrioCell).seen)
      .join(' | '),
  );
}

export function ooFor(table: SondrioTable, code: string, line: number): SondrioOperationalObjective | null {
  const ooCode = code.split('.').slice(0, 2).join('.');
  const found = table.ooByCode.get(ooCode);
  if (found) return found;
  const so = table.osByCode.get(osCodeOf(ooCode));
  if (!so) return null;
  // The objective's own row is lost: keep its place, never invent its title or weight (docs/scoring.md §6.8 d).
  const lost: SondrioOperationalObjective = {
    os: so.code,
    key: `oo:${ooCode}`,
    code: ooCode,
    title: LOST_TITLE,
    kpi: 'ponderazione',
    weight: null,
    line,
    indicators: [],
  };
  table.ooByCode.set(ooCode, lost);
  so.operationalObjectives.push(lost);
  table.review.unreadable(
    line,
    `operational objective ${ooCode}`,
    'ROW_LOST',
    `The row of operational objective ${ooCode} is lost: its actions (from ${code}) are printed with no objective cells. Title unknown, weight empty (WEIGHT_MISSING), kpi "ponderazione" assumed.`,
    `La riga dell'obiettivo operativo ${ooCode} è persa: le sue azioni (da ${code}) sono stampate senza le celle dell'obiettivo. Titolo sconosciuto, peso vuoto (pesi incompleti nell'obiettivo strategico), kpi "ponderazione" assunto.`,
    `action ${code} on line ${line} has code prefix ${ooCode}, and no row declares ${ooCode}`,
  );
  return lost;
}
