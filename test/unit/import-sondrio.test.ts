/**
 * The Sondrio reader (seed 004) against the HAND-CHECKED fixture server/fixtures/sondrio-2022-2024.json: the automatic
 * reading must equal it cell for cell, and every damaged cell the fixture documents in `readings` must come out in the
 * review report instead of being silently repaired.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Checkpoint } from '@core/vocabulary/enums';
import type { IndicatorDraft, PlanDraft } from '../../server/import/draft';
import { indicatorsOf } from '../../server/import/draft';
import { readSource, sniffFormat } from '../../server/import/registry';
import type { ReviewReport } from '../../server/import/review';
import { collapseLetterSpacing, segmentWords, SourceText } from '../../server/import/source-text';
import { ITALIAN_WORDS } from '../../server/import/words';
import fixture from '../../server/fixtures/sondrio-2022-2024.json';
import { seedPath } from '../helpers/seeds';

const SEED = seedPath('004_fa97ad9e72b5b7ce.txt');
const text = fs.readFileSync(SEED, 'utf8');

let draft: PlanDraft;
let review: ReviewReport;
beforeAll(() => {
  ({ draft, review } = readSource(text, path.basename(SEED), 'sondrio'));
});

type FixtureAction = {
  code: string;
  title: string;
  weight: string;
  kpi: string;
  targets: Record<string, string>;
  thresholds: string[];
  polarity: string;
  polarityByYear: Record<string, string>;
  rule: string | null;
  units: string[];
  line: number;
};
const fixtureActions: FixtureAction[] = fixture.perspectives.flatMap((p) =>
  p.strategicObjectives.flatMap((s) => s.operationalObjectives.flatMap((o) => o.actions as FixtureAction[])),
);
const unitName = new Map(fixture.units.map((u) => [u.key, u.name]));

function byCode(code: string): IndicatorDraft {
  const found = indicatorsOf(draft).filter((i) => i.code === code);
  expect(found).toHaveLength(1);
  return found[0];
}

describe('SourceText helpers', () => {
  it('numbers lines from 1 and keeps empty cells', () => {
    const s = new SourceText('a\tb\r\n\tc\n');
    expect(s.lines.map((l) => l.no)).toEqual([1, 2]);
    expect(s.cells(2)).toEqual(['', 'c']);
    expect(s.line(3)).toBe('');
  });

  it('collapses letter-spaced runs and restores word breaks only from known words', () => {
    const vocabulary = new Set(ITALIAN_WORDS);
    const seg = (run: string) => segmentWords(run, vocabulary);
    expect(collapseLetterSpacing('p o n d e r a z i o n e')).toBe('ponderazione');
    expect(collapseLetterSpacing('L a q u a l i t à d e i p r o c e s s i', seg)).toBe('La qualità dei processi');
    expect(collapseLetterSpacing('c o m u n i c a z i o n e t r a m i n i s t r u z i o n e', seg)).toBe(
      'comunicazione tra ministruzione',
    );
    expect(collapseLetterSpacing('s a t i s t o f o r m e r i o n e', seg)).toBe('satistoformerione');
    // prose with single-letter words is not a letter-spaced run
    expect(collapseLetterSpacing('Marketing e comunicazione')).toBe('Marketing e comunicazione');
  });
});

describe('Sondrio reader vs the hand-checked fixture', () => {
  it('is recognised by sniffing, and not taken for a Brescia plan', () => {
    expect(sniffFormat(text).id).toBe('sondrio');
  });

  it('reads the organisation, cycle and version of the fixture', () => {
    expect(draft.organisation).toEqual(fixture.organisation);
    expect(draft.cycle).toEqual(fixture.cycle);
    expect(draft.version).toMatchObject({
      revision: fixture.version.revision,
      label: fixture.version.label,
      status: fixture.version.status,
    });
  });

  it('reads the same perspectives, strategic and operational objectives (codes, titles, kpi, weights, pass marks, lines)', () => {
    const shape = (d: { perspectives: Array<{ name: string; strategicObjectives: any[] }> }) =>
      d.perspectives.map((p) => ({
        name: p.name,
        strategic: p.strategicObjectives.map((s) => ({
          code: s.code,
          title: s.title,
          kpi: s.kpi,
          passMark: s.passMark,
          line: s.line,
          operational: s.operationalObjectives.map((o: any) => ({
            code: o.code,
            title: o.title,
            weight: o.weight,
            kpi: o.kpi.toLowerCase(),
            line: o.line,
          })),
        })),
      }));
    expect(shape(draft)).toEqual(shape(fixture));
  });

  it('keeps the OO kpi as printed, including capitals ("Ponderazione" of 7.1)', () => {
    const oo71 = draft.perspectives[3].strategicObjectives[0].operationalObjectives[0];
    expect(oo71.code).toBe('7.1');
    expect(oo71.kpi).toBe('Ponderazione');
  });

  it.each(fixtureActions.map((a): [string, FixtureAction] => [a.code, a]))(
    'action %s equals the fixture',
    (code, a) => {
      const i = byCode(code);
      expect({ title: i.title, weight: i.weight, kpi: i.formula, line: i.line }).toEqual({
        title: a.title,
        weight: a.weight,
        kpi: a.kpi,
        line: a.line,
      });
      const targets = Object.fromEntries(i.targets.map((t) => [String(t.year), t.raw]));
      expect(targets).toEqual(a.targets);
      expect(i.targets.every((t) => t.checkpoint === Checkpoint.YEAR_END)).toBe(true);
      const withThresholds = i.targets.filter((t) => t.thresholds.length > 0);
      expect(withThresholds.map((t) => t.year)).toEqual(a.thresholds.length ? [fixture.thresholdYear] : []);
      expect(withThresholds.flatMap((t) => t.thresholds.map((th) => th.raw))).toEqual(a.thresholds);
      expect(withThresholds.flatMap((t) => t.thresholds.map((th) => th.score))).toEqual(
        a.thresholds.length ? fixture.thresholdScores : [],
      );
      expect(i.polarity?.value).toBe(a.polarity);
      const byYear = Object.fromEntries(
        i.targets.filter((t) => t.polarity).map((t) => [String(t.year), t.polarity!.value]),
      );
      expect(byYear).toEqual(a.polarityByYear);
      expect(i.rule ?? null).toBe(a.rule);
      const units = (i.unitKeys ?? []).map((k) => draft.units.find((u) => u.key === k)?.name);
      expect(units).toEqual(a.units.map((k) => unitName.get(k)));
    },
  );

  it("has exactly the fixture's 48 actions and 13 units, nothing invented", () => {
    expect(indicatorsOf(draft).map((i) => i.code)).toEqual(fixtureActions.map((a) => a.code));
    expect(
      draft.units.map((u) => ({ name: u.name, type: u.type })).sort((x, y) => x.name.localeCompare(y.name)),
    ).toEqual(fixture.units.map((u) => ({ name: u.name, type: u.type })).sort((x, y) => x.name.localeCompare(y.name)));
  });
});

describe('Sondrio review report: the damaged cells are reported, with their line', () => {
  const find = (kind: string, code: string, line: number | null, subject?: string) =>
    review.entries.filter(
      (e) => e.kind === kind && e.code === code && e.line === line && (subject === undefined || e.subject === subject),
    );

  it("OO 3.2's lost row: unreadable, no weight, and the residual 20 only proposed", () => {
    expect(find('unreadable', 'ROW_LOST', 33, 'operational objective 3.2')).toHaveLength(1);
    const proposal = find('warning', 'WEIGHT_MISSING', 32, 'strategic objective 3');
    expect(proposal).toHaveLength(1);
    expect(proposal[0].message).toContain('Proposal to confirm: 20');
    expect(proposal[0].evidence).toBe('20% + ? + 20% + 40%');
  });

  it('truncated, garbled and suspicious titles are flagged, not completed', () => {
    expect(find('unreadable', 'TITLE_TRUNCATED', 22, 'strategic objective 2')[0].evidence).toBe('ità delle imprese');
    expect(find('unreadable', 'TITLE_UNRECOGNISED', 45, 'strategic objective 4')).toHaveLength(1);
    expect(find('unreadable', 'TITLE_UNRECOGNISED', 48, 'strategic objective 5')).toHaveLength(1);
    expect(find('warning', 'TITLE_SUSPECT', 68, 'strategic objective 9')[0].evidence).toBe('Escalante');
    expect(find('warning', 'LABEL_TRUNCATED', 55)).toHaveLength(1);
  });

  it('repairs are inferences with evidence: cut kpi, merged cell tail, placement by code, rotated and shifted cells', () => {
    expect(find('inferred', 'KPI_COMPLETED', 22, 'strategic objective 2')[0].evidence).toBe('derazione');
    expect(find('inferred', 'KPI_ASSUMED', 68, 'strategic objective 9')).toHaveLength(1);
    expect(find('inferred', 'CELL_CONTINUED', 22, 'perspective')).toHaveLength(1);
    expect(find('inferred', 'ATTACHED_BY_CODE', 18, 'operational objective 2.1')).toHaveLength(1);
    expect(find('inferred', 'ATTACHED_BY_CODE', 22, 'indicator 2.1.4')).toHaveLength(1);
    expect(find('inferred', 'ATTACHED_BY_CODE', 38, 'indicator 3.3.4')).toHaveLength(1);
    expect(find('inferred', 'CELLS_ROTATED', 45, 'operational objective 4.1')).toHaveLength(1);
    expect(find('inferred', 'COLUMNS_SHIFTED', 44, 'indicator 3.4.6')[0].evidence).toBe('"3.4.6" in cell 2');
    expect(find('inferred', 'LETTER_SPACING_COLLAPSED', 32).map((e) => e.evidence)).toContain(
      'L a q u a l i t à d e i p r o c e s s i',
    );
  });

  it('repeated header rows are skipped and said so', () => {
    expect(review.entries.filter((e) => e.code === 'HEADER_SKIPPED').map((e) => e.line)).toEqual([3, 28, 52, 58]);
  });

  it('polarity read from threshold order is `inferred`, with the order as evidence', () => {
    const lower = find('inferred', 'POLARITY_INFERRED', 32, 'indicator 3.1.1');
    expect(lower).toHaveLength(1);
    expect(lower[0].evidence).toBe(
      'target 20 < soglia 25 < soglia 29: più basso è meglio — target 20 < soglia 25 < soglia 29: lower is better',
    );
    expect(find('inferred', 'POLARITY_INFERRED', 10, 'indicator 1.1.4')[0].evidence).toMatch(
      /^target luglio \(2022-07-31\) < soglia settembre .*: nomi di mese, prima è meglio \(scadenza\) — target luglio/,
    );
    expect(find('inferred', 'POLARITY_INFERRED', 47, 'indicator 4.3.1')[0].evidence).toContain('(default)');
    expect(find('inferred', 'RULE_INFERRED', 47, 'indicator 4.3.1')).toHaveLength(1);
    // every one of the 48 indicators has its polarity proposal in the review
    expect(
      review.entries.filter((e) => e.code === 'POLARITY_INFERRED' && /^indicator [\d.]+$/.test(e.subject ?? '')),
    ).toHaveLength(48);
  });

  it('every entry carries both languages and evidence', () => {
    for (const e of review.entries) {
      expect(e.message.length).toBeGreaterThan(0);
      expect(e.messageIt.length).toBeGreaterThan(0);
      expect(typeof e.evidence).toBe('string');
    }
  });
});

describe('Sondrio reader on altered text (the checks can fail)', () => {
  it('a weight cell removed from a row becomes WEIGHT_MISSING with that line, never a number', () => {
    const lines = text.split('\n');
    lines[6] = lines[6].replace('\t20%\tponderazione', '\t\tponderazione');
    const altered = readSource(lines.join('\n'), 'altered.txt', 'sondrio');
    const oo11 = altered.draft.perspectives[0].strategicObjectives[0].operationalObjectives[0];
    expect(oo11.code).toBe('1.1');
    expect(oo11.weight).toBeNull();
    expect(
      altered.review.entries.some((e) => e.kind === 'unreadable' && e.code === 'WEIGHT_MISSING' && e.line === 7),
    ).toBe(true);
  });

  it('a text that is not a Sondrio table is refused with a clear message', () => {
    expect(() => readSource('Prospettiva\nnothing here\n', 'x.txt', 'sondrio')).toThrow(
      /three plan years|no Sondrio plan rows/,
    );
  });
});
