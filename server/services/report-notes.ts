/**
 * Why a report row is blank, or what its % leaves out, in English (the API's `note`) and Italian (`noteIt`, what the
 * documents print). An invalid score names its errors and the fix; it is never "no scored indicator", which is
 * only true of an aggregate none of whose children has a score. A scored aggregate that leaves out an invalid or
 * empty child says so, so a perspective's 90% cannot hide a strategic objective it did not count.
 */
import type { AggregateResult } from '@core/scoring';
import { exclusionWords, invalidNoteIt } from '@core/vocabulary/reasons-it';

export type RowNote = { en: string | null; it: string | null };

const NONE: RowNote = { en: null, it: null };

/** "invalid: WEIGHT_MISSING, X" → its codes; null for a reason that is not invalid. */
function invalidCodes(reason: string): string[] | null {
  const m = /^invalid(?::\s*(.*))?$/.exec(reason);
  return m ? (m[1] ?? '').split(/,\s*/).filter(Boolean) : null;
}

/** The children an aggregate left out that a reader could not tell from their own rows (only the invalid ones). */
function leftOut(r: AggregateResult, invalidOnly = false): RowNote {
  const shown = r.explanation.excluded.filter(
    (e) => e.id !== 'own' && e.id !== 'contributions' && (!invalidOnly || invalidCodes(e.reason)),
  );
  const parts = shown
    .map((e) => {
      const codes = invalidCodes(e.reason);
      const label = e.code ?? e.id;
      // the Italian words of the reason come from core/vocabulary's one table, as the pane's "Perché?" says them
      if (codes) return { en: `${label} (${e.reason})`, it: `${label} (${exclusionWords(e.reason, 'it')})` };
      if (e.reason === 'no scored child' || e.reason === 'empty')
        return { en: `${label} (no scored indicator)`, it: `${label} (${exclusionWords(e.reason, 'it')})` };
      return null;
    })
    .filter((p): p is RowNote & { en: string; it: string } => !!p);
  if (parts.length === 0) return NONE;
  return {
    en: `leaves out ${parts.map((p) => p.en).join('; ')}`,
    it: `esclude dal calcolo ${parts.map((p) => p.it).join('; ')}`,
  };
}

export function aggregateNote(r: AggregateResult | undefined): RowNote {
  if (!r) return NONE;
  if (r.score != null) return leftOut(r);
  if (r.status === 'invalid') return { en: `invalid: ${r.errors.join(', ')}`, it: invalidNoteIt(r.errors) };
  // blank because nothing is scored; a child that is invalid (not merely without values) is named with its fix
  const invalid = leftOut(r, true);
  return {
    en: ['no scored indicator', invalid.en].filter(Boolean).join('; '),
    it: ['nessun indicatore valutato', invalid.it].filter(Boolean).join('; '),
  };
}

export function indicatorNote(
  status: string,
  errors: readonly string[],
  neutralisationReason?: string | null,
): RowNote {
  switch (status) {
    case 'neutralised':
      return {
        en: `neutralised: ${neutralisationReason ?? ''}`.trim(),
        it: `neutralizzato: ${neutralisationReason ?? ''}`.trim(),
      };
    case 'monitoring':
      return { en: 'monitoring: not scored', it: 'monitoraggio: non valutato' };
    case 'missing':
      return { en: 'actual missing', it: 'valore ottenuto mancante' };
    case 'invalid':
      return { en: `not scored: ${errors.join(', ')}`, it: invalidNoteIt(errors) };
    default:
      return NONE;
  }
}
