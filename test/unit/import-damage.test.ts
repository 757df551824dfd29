/**
 * Issue 17, item 4: damaged input is said out loud. A Latin-1 copy of a seed and sixteen concatenated copies of one
 * are warnings with the line; the intact seeds raise neither.
 */
import { readFileSync } from 'fs';
import { readSource } from '../../server/import/registry';
import { SEEDS } from '../helpers/seeds';

const SEED_FILES = [
  '000_48094bd99496ed76.txt',
  '002_cb68e27bcf5376bc.txt',
  '003_a0c237837c23239d.txt',
  '004_fa97ad9e72b5b7ce.txt',
];
const read = (file: string) => readFileSync(`${SEEDS}/${file}`, 'utf8');
const codes = (text: string, name: string) => readSource(text, name).review.entries.map((e) => e.code);

describe('damaged input in the review', () => {
  it.each(SEED_FILES)('%s as published: no encoding or repetition warning', (file) => {
    const found = codes(read(file), file);
    expect(found).not.toContain('ENCODING_DAMAGE');
    expect(found).not.toContain('DOCUMENT_REPEATED');
  });

  it('a Latin-1 file read as UTF-8 (every accented letter a "�") is an encoding warning naming the lines', () => {
    const latin1 = Buffer.from(read('003_a0c237837c23239d.txt'), 'latin1').toString('utf8');
    expect(latin1).toContain('\uFFFD');
    const { review } = readSource(latin1, '003-latin1.txt', 'brescia');
    const w = review.entries.find((e) => e.code === 'ENCODING_DAMAGE')!;
    expect(w.kind).toBe('warning');
    const firstBroken = latin1.split('\n').findIndex((l) => l.includes('\uFFFD')) + 1;
    expect(w.line).toBe(firstBroken);
    expect(w.messageIt).toContain('UTF-8');
  });

  it('a UTF-8 file read as Latin-1 ("Ã¨") is repaired, unambiguously, and the review says so', () => {
    const original = read('004_fa97ad9e72b5b7ce.txt');
    const mojibake = Buffer.from(original, 'utf8').toString('latin1');
    expect(mojibake).toContain('CompetitivitÃ');
    const { draft, review } = readSource(mojibake, '004-mojibake.txt', 'sondrio');
    expect(draft).toEqual(readSource(original, '004-mojibake.txt', 'sondrio').draft);
    const repaired = review.entries.find((e) => e.code === 'ENCODING_REPAIRED')!;
    expect(repaired).toMatchObject({ kind: 'inferred', line: 7 });
    expect(repaired.evidence).toMatch(/CompetitivitÃ\u00A0 del territorio.* → .*Competitività del territorio/);
    expect(repaired.evidence).toContain('Competitività del territorio');
    expect(review.entries.some((e) => e.code === 'ENCODING_DAMAGE')).toBe(false);
  });

  it.each(SEED_FILES)('%s through a Latin-1 misreading and back: the same plan', (file) => {
    const original = read(file);
    const back = readSource(Buffer.from(original, 'utf8').toString('latin1'), file);
    expect(back.draft).toEqual(readSource(original, file).draft);
  });

  it('a text whose damage has no single repair (a "�" beside "Ã¨") is left alone and warned of', () => {
    const mixed = Buffer.from(read('004_fa97ad9e72b5b7ce.txt'), 'utf8')
      .toString('latin1')
      .replace('Prospettiva', 'Prospettiva \uFFFD');
    const { review } = readSource(mixed, '004-mixed.txt', 'sondrio');
    expect(review.entries.map((e) => e.code)).toContain('ENCODING_DAMAGE');
    expect(review.entries.map((e) => e.code)).not.toContain('ENCODING_REPAIRED');
  });

  it('sixteen concatenated copies of seed 000 are reported as a repeated document, with the line of each copy', () => {
    const one = read('000_48094bd99496ed76.txt');
    const lines = one.replace(/\n$/, '').split('\n').length;
    const { review } = readSource(Array(16).fill(one).join(''), '000x16.txt');
    const w = review.entries.find((e) => e.code === 'DOCUMENT_REPEATED')!;
    expect(w.kind).toBe('warning');
    expect(w.message).toContain('16 copies');
    expect(w.line).toBe(lines + 1 + one.split('\n').findIndex((l) => l.trim() !== ''));
  });

  it('identical copies are read once (13 dashboards, not 208), the warning says so; copies that differ are warned of as read', () => {
    const one = read('000_48094bd99496ed76.txt');
    const sixteen = readSource(Array(16).fill(one).join(''), '000x16.txt');
    expect(sixteen.draft).toEqual(readSource(one, '000x16.txt').draft);
    expect(sixteen.draft.dashboards).toHaveLength(13);
    const said = sixteen.review.entries.find((e) => e.code === 'DOCUMENT_REPEATED')!;
    expect(said.message).toContain('one copy was read');
    expect(said.messageIt).toContain('letta una copia sola');

    const edited = one + one.replace('CRUSCOTTO STRATEGICO 2020', 'CRUSCOTTO STRATEGICO 2020 (bozza)');
    const w = readSource(edited, '000x2.txt').review.entries.find((e) => e.code === 'DOCUMENT_REPEATED')!;
    expect(w.message).toContain('2 copies of the document, read as one plan');
  });
});
