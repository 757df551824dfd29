/**
 * Reader of the Sondrio plan table (seed 004: an OCR'd spreadsheet, docs/domain.md §2.3 and §7.1). Second pass: the
 * rows of sondrio-rows.ts are attached by CODE, not by position (docs/domain.md §8.22: an action printed on another objective's row,
 * an operational objective printed before its strategic objective across a page break), and every repair is reported.
 * server/fixtures/sondrio-2022-2024.json is the hand-checked reading this reader must reproduce.
 */
import { parseValue } from '@core/values';
import type { PerspectiveDraft, PlanDraft, StrategicObjectiveDraft } from './draft';
import { emptyDraft } from './draft';
import type { Importer } from './importer';
import { ImportFormatError } from './errors';
import { ReviewReport } from './review';
import { SourceText, wordsOf } from './source-text';
import { action } from './sondrio-actions';
import { readHeader, readSignatures } from './sondrio-header';
import { operationalObjective } from './sondrio-operational';
import { readRows } from './sondrio-rows';
import type { SondrioCell, SondrioRow } from './sondrio-rows';
import { strategicObjective } from './sondrio-strategic';
import type { SondrioOperationalObjective, SondrioTable } from './sondrio-table';
import { ITALIAN_WORDS } from './words';

export const sondrioImporter: Importer = {
  id: 'sondrio',
  label: 'Camera di Commercio di Sondrio: plan table (OCR of a spreadsheet), seed 004',
  sniff(text) {
    const head = text.slice(0, 20_000);
    const signals = [
      /Prospettiva/,
      /Obiettivi strategici/,
      /Obiettivi operativi/i,
      /Azioni/,
      /Relatore/,
      /Soglie/i,
      /p\s?o\s?n\s?d\s?e\s?r\s?a\s?z\s?i\s?o\s?n\s?e/,
    ];
    const hits = signals.filter((s) => s.test(head)).length;
    return hits === signals.length ? 0.95 : hits >= 5 ? 0.6 : hits / 20;
  },
  // The table is signed below its last row (004:70-76); a text without the signatures was cut before.
  ending: {
    pattern: /firmato digitalmente|IL SEGRETARIO GENERALE/i,
    en: 'the signatures below the table ("IL SEGRETARIO GENERALE … firmato digitalmente")',
    it: 'le firme sotto la tabella ("IL SEGRETARIO GENERALE … firmato digitalmente")',
  },
  read(source) {
    return new SondrioReader(source).read();
  },
};

class SondrioReader implements SondrioTable {
  readonly review = new ReviewReport();
  readonly draft: PlanDraft = emptyDraft('sondrio', 'sondrio');
  readonly vocabulary: Set<string>;
  years: number[] = [];
  thresholdScores: number[] = [];

  constructor(readonly source: SourceText) {
    this.vocabulary = new Set([...ITALIAN_WORDS, ...wordsOf(source.text)]);
  }

  read(): { draft: PlanDraft; review: ReviewReport } {
    readHeader(this);
    const rows = readRows(this.source, this.review, this.vocabulary);
    if (rows.length === 0) throw new ImportFormatError('no Sondrio plan rows (no action code n.m.k) found in the text');
    this.assemble(rows);
    readSignatures(this);
    this.checkWeights();
    return { draft: this.draft, review: this.review };
  }

  private perspectives: PerspectiveDraft[] = this.draft.perspectives;
  readonly osByCode = new Map<string, StrategicObjectiveDraft>();
  readonly ooByCode = new Map<string, SondrioOperationalObjective>();

  private assemble(rows: SondrioRow[]): void {
    let perspective: PerspectiveDraft | null = null;
    // Pass 1: perspectives and strategic objectives, in document order.
    for (const row of rows) {
      if (row.perspective) perspective = this.perspectiveOf(row, perspective);
      if (row.os) {
        if (!perspective) {
          perspective = { key: 'p:1', name: '(prospettiva non leggibile)', line: row.line, strategicObjectives: [] };
          this.perspectives.push(perspective);
          this.review.unreadable(
            row.line,
            'perspective',
            'PERSPECTIVE_MISSING',
            'Strategic objective before any perspective.',
            'Obiettivo strategico prima di ogni prospettiva.',
            row.os.code.seen,
          );
        }
        perspective.strategicObjectives.push(strategicObjective(this, row));
      }
    }
    // Pass 2: operational objectives and actions, attached by code.
    for (const row of rows) {
      if (row.oo) operationalObjective(this, row);
      action(this, row);
      for (const s of row.stray) {
        this.review.warning(
          row.line,
          `cell ${s.col + 1}`,
          'CELL_IGNORED',
          `Cell "${s.seen}" fits no column and was not read.`,
          `La cella "${s.seen}" non corrisponde ad alcuna colonna e non è stata letta.`,
          s.seen,
        );
      }
    }
    for (const so of this.osByCode.values()) {
      so.operationalObjectives.sort((a, b) => a.line - b.line || compareCodes(a.code, b.code));
    }
  }

  private perspectiveOf(row: SondrioRow, current: PerspectiveDraft | null): PerspectiveDraft {
    const cell = row.perspective as SondrioCell;
    // A page break cuts a merged cell: its tail ("e" of "…locale") reappears on the next page's first row.
    if (current && cell.text.length <= 3 && current.name.endsWith(cell.text)) {
      this.review.inferred(
        row.line,
        'perspective',
        'CELL_CONTINUED',
        `"${cell.seen}" is the tail of the perspective "${current.name}" cut by a page break: no new perspective.`,
        `"${cell.seen}" è la coda della prospettiva "${current.name}" spezzata dal cambio pagina: nessuna nuova prospettiva.`,
        `"${current.name}" (line ${current.line}) ends with "${cell.text}"`,
      );
      return current;
    }
    const p: PerspectiveDraft = {
      key: `p:${this.perspectives.length + 1}`,
      name: cell.text,
      line: row.line,
      strategicObjectives: [],
    };
    this.perspectives.push(p);
    if (unbalancedQuote(cell.text)) {
      this.review.warning(
        row.line,
        `perspective ${p.name}`,
        'LABEL_TRUNCATED',
        `Perspective "${cell.text}" looks cut (an unclosed quote); kept as seen.`,
        `La prospettiva "${cell.text}" sembra troncata (virgolette non chiuse); lasciata come letta.`,
        cell.seen,
      );
    }
    this.review.read(
      row.line,
      `perspective ${p.name}`,
      `Perspective "${p.name}".`,
      `Prospettiva "${p.name}".`,
      cell.seen,
    );
    return p;
  }

  /** Weight sums per parent: evidence for the placements above, and a warning where they do not reach 100. */
  private checkWeights(): void {
    const check = (subject: string, line: number, weights: Array<string | null>): void => {
      const missing = weights.filter((w) => w === null).length;
      const sum = weights.reduce((s, w) => s + (w ? numberOf(w) : 0), 0);
      if (missing > 0) {
        this.review.warning(
          line,
          subject,
          'WEIGHT_MISSING',
          `${missing} child weight(s) missing; the others sum to ${sum}. Proposal to confirm: ${Math.max(0, 100 - sum)} (the residual). Not applied.`,
          `${missing === 1 ? '1 peso mancante' : `${missing} pesi mancanti`}; gli altri sommano ${sum}. Proposta da confermare: ${Math.max(0, 100 - sum)} (residuo). Non applicata.`,
          weights.map((w) => w ?? '?').join(' + '),
        );
      } else if (Math.abs(sum - 100) > 0.1) {
        this.review.warning(
          line,
          subject,
          'WEIGHT_SUM',
          `Child weights sum to ${sum}, not 100.`,
          `I pesi dei figli sommano ${sum}, non 100.`,
          weights.join(' + '),
        );
      }
    };
    for (const so of this.osByCode.values()) {
      check(
        `strategic objective ${so.code}`,
        so.line,
        so.operationalObjectives.map((o) => o.weight),
      );
      for (const oo of so.operationalObjectives)
        check(
          `operational objective ${oo.code}`,
          oo.line,
          oo.indicators.map((i) => i.weight),
        );
    }
  }
}

function compareCodes(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++)
    if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

function numberOf(raw: string): number {
  const p = parseValue(raw);
  return typeof p.value === 'number' ? p.value : 0;
}

function unbalancedQuote(text: string): boolean {
  const singles = (text.match(/'/g) ?? []).length;
  const doubles = (text.match(/"/g) ?? []).length;
  // An apostrophe inside a word ("d'impresa") is not a quote.
  const openingSingle = /(?:^|\s)'\p{L}/u.test(text) && !/\p{L}'(?:\s|$)/u.test(text);
  return doubles % 2 === 1 || (singles > 0 && openingSingle);
}
