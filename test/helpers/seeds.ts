import path from 'node:path';

/** The seed documents, committed as test fixtures (test/fixtures/seeds/README.md says what each one is). */
export const SEEDS = path.resolve(__dirname, '../fixtures/seeds');

/** The path of one seed document, e.g. seedPath('004_fa97ad9e72b5b7ce.txt'). */
export function seedPath(file: string): string {
  return path.join(SEEDS, file);
}
