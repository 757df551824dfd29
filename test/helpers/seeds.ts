import path from 'node:path';

/** The seed documents, in ../shared beside the checkout (as CI lays it out): never an absolute machine path. */
export const SEEDS = path.resolve(__dirname, '../../../shared/seeds');
