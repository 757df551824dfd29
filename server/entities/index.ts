import * as all from './all';

export * from './all';

/** Every entity, for the ORM configuration (no folder scanning: the same list works from TS and compiled JS). */
export const ENTITIES = Object.values(all);
