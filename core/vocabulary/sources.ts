import { ChangeSource } from './enums';

/** A change source as GraphQL names it (the enum's key): what the add-in receives. */
export type ChangeSourceName = keyof typeof ChangeSource;

/** Where a change came from, in words a user reads (history, undo refusals), Italian first. */
export const CHANGE_SOURCE_WORDS: Record<'it' | 'en', Record<ChangeSourceName, string>> = {
  it: { ADDIN: 'Excel', GRAPHQL: 'API', IMPORT: 'importazione', SYSTEM: 'sistema' },
  en: { ADDIN: 'Excel', GRAPHQL: 'API', IMPORT: 'import', SYSTEM: 'system' },
};

/** The words for a stored source (the enum's value, as the audit trail keeps it). */
export function changeSourceWord(source: ChangeSource, language: 'it' | 'en'): string {
  const name = (Object.keys(ChangeSource) as ChangeSourceName[]).find((key) => ChangeSource[key] === source);
  return name ? CHANGE_SOURCE_WORDS[language][name] : source;
}
