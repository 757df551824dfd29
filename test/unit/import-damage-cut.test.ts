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
