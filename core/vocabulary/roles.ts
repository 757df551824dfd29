import { vocabulary, type WordOf } from './closed-set';

/** A user's role in one organisation (issue 7). Each role can do what the ones after it can, and more. */
export const Role = vocabulary('admin', 'controller', 'unit_editor', 'viewer');
export type Role = WordOf<typeof Role>;
