/**
 * The plan facts of the Sondrio table's frame: the years and threshold scores of its header block, the body the
 * format implies, and the Secretary General who signs it.
 */
import { ManagerRoleKind } from '@core/vocabulary/enums';
import { ImportFormatError } from './errors';
import type { SondrioTable } from './sondrio-table';

/** Years and threshold scores come from the first header block: "2022 2023 2024" and "80% 60%". */
export function readHeader(table: SondrioTable): void {
  for (const { no } of table.source.lines) {
    const cells = table.source.cells(no).filter(Boolean);
    if (table.years.length === 0 && cells.length >= 2 && cells.every((c) => /^(19|20)\d\d$/.test(c))) {
      table.years = [...new Set(cells.map(Number))].sort();
      table.review.read(
        no,
        'plan',
        `Plan years ${table.years.join(', ')} read from the table header.`,
        `Anni del piano ${table.years.join(', ')} letti dall'intestazione.`,
        cells.join(' | '),
        'YEARS_READ',
      );
    } else if (table.thresholdScores.length === 0 && cells.length >= 1 && cells.every((c) => /^\d{1,3}%$/.test(c))) {
      table.thresholdScores = cells.map((c) => Number(c.slice(0, -1)) / 100);
      table.review.read(
        no,
        'plan',
        `Threshold scores ${cells.join(', ')} ("Soglie") read from the table header.`,
        `Punteggi delle soglie ${cells.join(', ')} letti dall'intestazione.`,
        cells.join(' | '),
        'THRESHOLDS_READ',
      );
    }
    if (table.years.length && table.thresholdScores.length) break;
  }
  if (table.years.length < 3)
    throw new ImportFormatError('Sondrio table header: the three plan years (e.g. 2022 2023 2024) were not found');
  if (table.thresholdScores.length === 0) {
    table.thresholdScores = [0.8, 0.6];
    table.review.inferred(
      null,
      'plan',
      'THRESHOLDS_ASSUMED',
      'Threshold scores not found in the header: 80% and 60% assumed.',
      "Punteggi delle soglie non trovati nell'intestazione: assunti 80% e 60%.",
      'no header line of percentages only',
    );
  }
  const [first, , last] = table.years;
  const d = table.draft;
  d.organisation = { code: 'CCIAA-SO', name: 'Camera di Commercio di Sondrio' };
  d.cycle = { name: `Piano della Performance ${first}-${last}`, firstYear: first, years: table.years.slice(0, 3) };
  d.version = { label: `Piano ${first}-${last} REV. 0`, revision: 0, status: 'draft' };
  table.review.inferred(
    null,
    'organisation',
    'ORGANISATION_FROM_FORMAT',
    'The table does not name the body: Camera di Commercio di Sondrio (CCIAA-SO) assumed from the format; use --org to import for another organisation.',
    "La tabella non indica l'ente: assunta la Camera di Commercio di Sondrio (CCIAA-SO) dal formato; usare --org per un altro ente.",
    'Sondrio table layout (Relatore, Soglie 80%/60%)',
  );
}

/** "IL SEGRETARIO GENERALE" / "(Marco Bonat)": the signing Secretary General. */
export function readSignatures(table: SondrioTable): void {
  const title = table.source.find(/^\s*IL SEGRETARIO GENERALE\s*$/i);
  if (!title) return;
  const name = /^\s*\(([^)]+)\)\s*$/.exec(table.source.line(title.no + 1));
  if (!name) return;
  table.draft.persons.push({
    key: 'person:sg',
    fullName: name[1].trim(),
    roles: [{ role: ManagerRoleKind.SECRETARY_GENERAL }],
    line: title.no + 1,
  });
  table.review.read(
    title.no + 1,
    'person',
    `Secretary General "${name[1].trim()}" read from the signature.`,
    `Segretario Generale "${name[1].trim()}" letto dalla firma.`,
    `${title.text.trim()} ${table.source.line(title.no + 1).trim()}`,
    'PERSON_READ',
  );
}
