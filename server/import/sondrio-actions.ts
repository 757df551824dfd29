/**
 * The actions of the Sondrio table, each an indicator of its operational objective: targets and thresholds per plan
 * year, weight, kpi, and the responsible units of its "Relatore" cell.
 */
import { Checkpoint } from '@core/vocabulary/enums';
import type { IndicatorDraft, PlanDraft, TargetDraft } from './draft';
import { readResponsibleCell } from './responsible-units';
import { ooFor } from './sondrio-operational';
import type { SondrioCell, SondrioRow } from './sondrio-rows';
import { LOST_TITLE, type SondrioTable } from './sondrio-table';

export function action(table: SondrioTable, row: SondrioRow): void {
  const a = row.action;
  const code = a.code.text;
  const subject = `indicator ${code}`;
  const oo = ooFor(table, code, row.line);
  if (!oo) {
    table.review.unreadable(
      row.line,
      subject,
      'PARENT_MISSING',
      `No objective for action ${code}: not imported.`,
      `Nessun obiettivo per l'azione ${code}: non importata.`,
      a.code.seen,
    );
    return;
  }
  if (row.oo && row.oo.code.text !== oo.code) {
    table.review.inferred(
      row.line,
      subject,
      'ATTACHED_BY_CODE',
      `Action ${code} is printed on operational objective ${row.oo.code.text}'s row; attached to ${oo.code} by its code prefix.`,
      `L'azione ${code} è stampata sulla riga dell'obiettivo operativo ${row.oo.code.text}; collegata a ${oo.code} dal prefisso del codice.`,
      `code ${code}`,
    );
  }
  const expectedCol = 11;
  if (a.code.col !== expectedCol && !(row.oo && row.oo.code.col >= 11)) {
    table.review.inferred(
      row.line,
      subject,
      'COLUMNS_SHIFTED',
      `Action cells start in cell ${a.code.col + 1} instead of ${expectedCol + 1}; read by cell order (code, title, weight, kpi, target, soglie, following years, Relatore).`,
      `Le celle dell'azione iniziano dalla cella ${a.code.col + 1} invece della ${expectedCol + 1}; lette per ordine.`,
      `"${code}" in cell ${a.code.col + 1}`,
    );
  }
  const [y1, y2, y3] = table.years;
  const v = a.values.map((c) => c.text);
  const targets: TargetDraft[] = [];
  const target = (year: number, raw: string | undefined, thresholds: string[] = []): void => {
    if (raw === undefined || raw === '') return;
    targets.push({
      year,
      checkpoint: Checkpoint.YEAR_END,
      raw,
      line: row.line,
      revisions: [],
      thresholds: thresholds.map((t, i) => ({ raw: t, score: table.thresholdScores[i] })),
    });
  };
  if (v.length === 5) {
    target(y1, v[0], v.slice(1, 3));
    target(y2, v[3]);
    target(y3, v[4]);
  } else if (v.length === 1) {
    target(y1, v[0]);
    table.review.read(
      row.line,
      subject,
      `Only the ${y1} target "${v[0]}" is printed: no thresholds, no ${y2}-${y3} targets.`,
      `Stampato solo il target ${y1} "${v[0]}": nessuna soglia, nessun target ${y2}-${y3}.`,
      a.values.map((c) => c.seen).join(' | '),
      'CELLS_EMPTY',
    );
  } else {
    table.review.unreadable(
      row.line,
      subject,
      'VALUES_UNREADABLE',
      `${v.length} value cells where 5 (target, two thresholds, two later years) or 1 are expected: values not read.`,
      `${v.length} celle di valori invece di 5 (target, due soglie, due anni successivi) o 1: valori non letti.`,
      v.join(' | '),
    );
  }
  if (!a.weight) {
    table.review.unreadable(
      row.line,
      subject,
      'WEIGHT_MISSING',
      'Action weight not printed.',
      "Peso dell'azione non stampato.",
      a.code.seen,
    );
  }
  if (!a.kpi) {
    table.review.unreadable(
      row.line,
      subject,
      'KPI_MISSING',
      'Action kpi not printed.',
      "Kpi dell'azione non stampato.",
      a.code.seen,
    );
  }
  const units = a.relatore ? readResponsibleCell(a.relatore.text) : [];
  for (const u of units) {
    if (!table.draft.units.some((x) => x.key === u.unit.key)) {
      table.draft.units.push({ ...u.unit, line: row.line });
      if (u.reading) {
        table.review.inferred(
          row.line,
          `unit ${u.unit.name}`,
          'UNIT_READ',
          `Relatore read as unit "${u.unit.name}" (${u.unit.type}): ${u.reading}.`,
          `Relatore letto come unità "${u.unit.name}" (${u.unit.type}).`,
          a.relatore?.seen ?? '',
        );
      }
    }
  }
  if (!a.relatore) {
    table.review.unreadable(
      row.line,
      subject,
      'RESPONSIBLE_MISSING',
      'No Relatore (responsible unit) printed.',
      'Nessun relatore stampato.',
      a.code.seen,
    );
  }
  const indicator: IndicatorDraft = {
    key: `ind:${code}`,
    code,
    title: a.title?.text ?? LOST_TITLE,
    formula: a.kpi?.text ?? null,
    weight: a.weight?.text ?? null,
    unitKeys: units.map((u) => u.unit.key),
    line: row.line,
    targets,
    baselines: [],
  };
  if (indicatorsIn(table.draft).some((i) => i.key === indicator.key)) indicator.key = `ind:${code}@${row.line}`;
  oo.indicators.push(indicator);
  table.review.read(
    row.line,
    subject,
    `Action ${code} "${indicator.title}", weight ${indicator.weight ?? '(none)'}, targets ${targets.map((t) => `${t.year} ${t.raw}`).join(', ')}${targets[0]?.thresholds.length ? `, thresholds ${targets[0].thresholds.map((t) => t.raw).join(' / ')}` : ''}.`,
    `Azione ${code} "${indicator.title}", peso ${indicator.weight ?? '(nessuno)'}, target ${targets.map((t) => `${t.year} ${t.raw}`).join(', ')}.`,
    [a.code, a.title, a.weight, a.kpi, ...a.values, a.relatore]
      .filter(Boolean)
      .map((c) => (c as SondrioCell).seen)
      .join(' | '),
  );
}

function indicatorsIn(d: PlanDraft): IndicatorDraft[] {
  return d.perspectives.flatMap((p) =>
    p.strategicObjectives.flatMap((s) => s.operationalObjectives.flatMap((o) => o.indicators)),
  );
}
