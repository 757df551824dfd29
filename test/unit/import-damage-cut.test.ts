/**
 * Issue 17, item 4: a text cut short, a format forced on the wrong document and a Latin-1 file are said out loud.
 * Half a Sondrio or Bergamo 2021 file once imported as the real plan (24 of 48, 123 of 171 indicators) with exit 0;
 * half a Brescia forced with --format brescia wrote a near-empty plan. Now each is a warning with the line, refused
 * under `strict`; a reader that recognises nothing refuses; Latin-1 bytes are decoded as such when unambiguous.
 */
import { readFileSync } from 'fs';
import { InputError } from '../../server/errors';
import { decodePlanBytes } from '../../server/import/encoding';
import { ImportFormatError } from '../../server/import/errors';
import { importPlan } from '../../server/import/import-plan';
import { readSource } from '../../server/import/registry';
import { SEEDS } from '../helpers/seeds';

const read = (file: string) => readFileSync(`${SEEDS}/${file}`, 'utf8');
/** The first `fraction` of the lines, as a cut download or a copy-paste that stopped would leave them. */
const cut = (text: string, fraction: number) => {
  const lines = text.split('\n');
  return lines.slice(0, Math.floor(lines.length * fraction)).join('\n') + '\n';
};
const lastLine = (text: string) => text.replace(/\s+$/, '').split('\n').length;
/** The text as Windows-1252 bytes, as a Latin-1 export saves it (the seed 004 prints only "à", "°" and "€"). */
const windows1252 = (text: string) => Buffer.from([...text].map((c) => (c === '€' ? 0x80 : c.charCodeAt(0))));
const SONDRIO = read('004_fa97ad9e72b5b7ce.txt');

describe('a text cut short', () => {
  it.each([
    ['004_fa97ad9e72b5b7ce.txt', 'sondrio', /signatures/],
    ['002_cb68e27bcf5376bc.txt', 'bergamo-2021', /Dirigente dashboard/],
    ['000_48094bd99496ed76.txt', 'bergamo-2020', /Dirigente dashboard/],
  ])('half of %s (%s) is TEXT_TRUNCATED at its last line, naming what is missing', (file, format, missing) => {
    const half = cut(read(file), 0.5);
    const { importer, review } = readSource(half, file);
    expect(importer.id).toBe(format);
    const w = review.entries.find((e) => e.code === 'TEXT_TRUNCATED')!;
    expect(w).toMatchObject({ kind: 'warning', line: lastLine(half) });
    expect(w.message).toMatch(missing);
    expect(w.messageIt).toContain('troncato');
    expect(half.replace(/\s+/g, ' ')).toContain(w.evidence.slice(0, 40));
  });

  it('a Bergamo 2021 text cut inside the Dirigente table still ends inside a table', () => {
    const text = read('002_cb68e27bcf5376bc.txt');
    const lines = text.split('\n');
    const inTable = lines.findIndex((l, i) => i > 903 && l.split('\t').filter((c) => c.trim()).length >= 3);
    const head = lines.slice(0, inTable + 1).join('\n');
    const w = readSource(head, '002.txt').review.entries.find((e) => e.code === 'TEXT_TRUNCATED')!;
    expect(w).toMatchObject({ line: inTable + 1 });
    expect(w.message).toContain('ends inside a table');
  });

  it('half of the Brescia cards forced as brescia: CARDS_MISSING names the objectives the manager table weighs', () => {
    const half = cut(read('003_a0c237837c23239d.txt'), 0.5);
    const { review } = readSource(half, '003-half.txt', 'brescia');
    const w = review.entries.find((e) => e.code === 'CARDS_MISSING')!;
    expect(w.kind).toBe('warning');
    expect(w.message).toMatch(/weighs \d+ objective\(s\) with no card/);
    expect(w.message).toContain(`ends at line ${lastLine(half)}`);
  });

  it.each([
    '000_48094bd99496ed76.txt',
    '002_cb68e27bcf5376bc.txt',
    '003_a0c237837c23239d.txt',
    '004_fa97ad9e72b5b7ce.txt',
  ])('%s whole: neither warning', (file) => {
    const codes = readSource(read(file), file).review.entries.map((e) => e.code);
    expect(codes).not.toContain('TEXT_TRUNCATED');
    expect(codes).not.toContain('CARDS_MISSING');
  });
});

describe('Bergamo 2020 (000) cut at any point of its dashboards', () => {
  const whole = read('000_48094bd99496ed76.txt');
  const lines = whole.split('\n');
  const head = (n: number) => lines.slice(0, n).join('\n') + '\n';
  // The dashboards run from "CRUSCOTTO STRATEGICO 2020" (000:811) to the Dirigente's labels (000:2962); before them
  // the text is prose, with no plan to read.
  const first = lines.findIndex((l) => /^\s*CRUSCOTTO STRATEGICO 2020/.test(l)) + 1;
  const at = (fraction: number) => Math.round(first + (lines.length - first) * fraction);

  it('cites the lines the cut points below rely on', () => {
    expect(first).toBe(811);
    expect(lines[2838 - 1]).toContain('CRUSCOTTO DEL DIRIGENTE');
    expect(lines[2905 - 1]).toContain('Promuovere la digitalizzazione'); // a row's action, its values at 2908
    expect(lines[2908 - 1]).toContain('N. Rilasci SPID');
    expect(lines[2954 - 1]).toMatch(/^1\.2 /); // the Dirigente's closing labels: 3.1, 1.2, then 1.6, 2.1, 2.2
  });

  it.each([
    ['25% of the dashboards', at(0.25)],
    ['50% of the dashboards', at(0.5)],
    ['75% of the dashboards', at(0.75)],
    ['95%, inside the last (Dirigente) dashboard', at(0.95)],
    ['right after the Dirigente title', 2838],
    ['mid-row: an action without its indicator and values', 2906],
    ['after a values row, before the next row', 2908],
    ['inside the closing labels: 3.1 and 1.2 read, 1.6, 2.1, 2.2 missing', 2955],
  ])('%s (line %i) is TEXT_TRUNCATED at the line where the text ends', (_, cutAt) => {
    const text = head(cutAt);
    const { review } = readSource(text, '000-cut.txt');
    const w = review.entries.filter((e) => e.code === 'TEXT_TRUNCATED');
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ kind: 'warning', line: lastLine(text) });
    expect(cutAt - w[0].line!).toBeLessThanOrEqual(3);
    expect(w[0].message).toContain(`ends at line ${w[0].line}`);
    expect(w[0].messageIt).toContain(`finisce alla riga ${w[0].line}`);
    expect(w[0].messageIt).toContain('troncato');
  });

  it('says what is missing: a table without its labels names its rows; a label block names the objectives it lacks', () => {
    const mid = readSource(head(2906), '000-cut.txt').review.entries.find((e) => e.code === 'TEXT_TRUNCATED')!;
    expect(mid.message).toMatch(
      /inside the table of dashboard "CRUSCOTTO DEL DIRIGENTE": its \d+ row\(s\) from line 2862/,
    );
    const labels = readSource(head(2955), '000-cut.txt').review.entries.find((e) => e.code === 'TEXT_TRUNCATED')!;
    expect(labels.message).toMatch(/objective\(s\) 1\.6 \(line \d+\), 2\.1 \(line \d+\), 2\.2 \(line \d+\)/);
    const early = readSource(head(at(0.5)), '000-cut.txt').review.entries.find((e) => e.code === 'TEXT_TRUNCATED')!;
    expect(early.message).toContain('without the Dirigente dashboard');
  });

  it('the whole file, and the whole file without its trailing blank lines, give none', () => {
    for (const text of [whole, head(2962)])
      expect(readSource(text, '000.txt').review.entries.map((e) => e.code)).not.toContain('TEXT_TRUNCATED');
  });

  it('a cut before any row could be placed is refused, saying where the text ends', () => {
    // 25% of the file (000:742) is prose before the first dashboard; 000:900 is inside its first table.
    expect(() => readSource(head(Math.floor(lines.length * 0.25)), '000-cut.txt', 'bergamo-2020')).toThrow(
      /in the 742 lines of the text/,
    );
    expect(() => readSource(head(900), '000-cut.txt', 'bergamo-2020')).toThrow(
      /the text ends at line 900 inside the table of dashboard "CRUSCOTTO STRATEGICO 2020".*probably cut/,
    );
  });
});

describe('a format forced on the wrong document', () => {
  it.each([
    ['004_fa97ad9e72b5b7ce.txt', 'brescia'],
    ['000_48094bd99496ed76.txt', 'brescia'],
    ['003_a0c237837c23239d.txt', 'sondrio'],
    ['003_a0c237837c23239d.txt', 'bergamo-2021'],
    ['004_fa97ad9e72b5b7ce.txt', 'bergamo-2020'],
  ])('%s as %s is refused, nothing read', (file, format) => {
    expect(() => readSource(read(file), file, format)).toThrow(ImportFormatError);
  });

  it('the Brescia text before its first card, forced as brescia, is refused: nothing recognisable was read', () => {
    const text = read('003_a0c237837c23239d.txt');
    // Up to 003:2300: the manager table and the strategic overview, no card with an indicator yet.
    const beforeCards = text.split('\n').slice(0, 2300).join('\n');
    expect(() => readSource(beforeCards, '003-head.txt', 'brescia')).toThrow(ImportFormatError);
  });
});

describe('strict import', () => {
  // A refused strict import never reaches the database: the entity manager is not touched.
  const ctx = { em: null as never, actor: 'test' };
  const damaged = [
    ['half a Sondrio table', cut(read('004_fa97ad9e72b5b7ce.txt'), 0.5), 'TEXT_TRUNCATED'],
    ['half a Bergamo 2021 plan', cut(read('002_cb68e27bcf5376bc.txt'), 0.5), 'TEXT_TRUNCATED'],
    ['16 copies of Bergamo 2020', Array(16).fill(read('000_48094bd99496ed76.txt')).join(''), 'DOCUMENT_REPEATED'],
    ['a Latin-1 Sondrio read as UTF-8', windows1252(SONDRIO).toString('utf8'), 'ENCODING_DAMAGE'],
  ] as const;

  it.each(damaged)(
    '%s is refused with the code and line, and the review is handed over first',
    async (_, content, code) => {
      let reviewed = false;
      const refusal = importPlan(ctx, {
        content,
        fileName: 'plan.txt',
        strict: true,
        onRead: ({ review }) => (reviewed = review.entries.some((e) => e.code === code)),
      });
      await expect(refusal).rejects.toThrow(InputError);
      const e = (await refusal.catch((x) => x)) as InputError;
      expect(e.problems[0]).toMatchObject({ field: 'content', code: 'DOCUMENT_DAMAGED' });
      expect(e.problems[0].message).toMatch(new RegExp(`${code} \\(line \\d+\\)`));
      expect(e.problems[0].messageIt).toMatch(/^Importazione rigorosa rifiutata, nulla è stato scritto/);
      expect(reviewed).toBe(true);
    },
  );
});

describe('the bytes of a file', () => {
  it('Latin-1 bytes (not UTF-8) are read as Windows-1252 and give the same plan, with ENCODING_REPAIRED', () => {
    const original = SONDRIO;
    const decoded = decodePlanBytes(windows1252(original));
    expect(decoded).toEqual({ text: original, decoding: 'windows-1252' });
    const { draft, review } = readSource(decoded.text, '004.txt', undefined, decoded.decoding);
    expect(draft).toEqual(readSource(original, '004.txt').draft);
    expect(review.entries.find((e) => e.code === 'ENCODING_REPAIRED')).toMatchObject({ kind: 'inferred', line: 7 });
  });

  it('UTF-8 bytes are read as they are; bytes no plan prints are not taken for Windows-1252', () => {
    expect(decodePlanBytes(Buffer.from('Attività €', 'utf8'))).toEqual({ text: 'Attività €', decoding: 'utf-8' });
    // 0x81 is unassigned in Windows-1252, 0xA4 "¤" is no letter a plan prints: the lossy UTF-8 reading is kept.
    expect(decodePlanBytes(Buffer.from([0x41, 0x81, 0x42]))).toEqual({ text: 'A\uFFFDB', decoding: 'utf-8' });
    expect(decodePlanBytes(Buffer.from([0x41, 0xa4, 0x42])).decoding).toBe('utf-8');
    expect(decodePlanBytes(Buffer.from([0x93, 0x41, 0x94, 0x20, 0x80]))).toEqual({
      text: '\u201CA\u201D \u20AC',
      decoding: 'windows-1252',
    });
  });
});
