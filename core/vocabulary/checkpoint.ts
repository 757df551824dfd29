import { Checkpoint } from './enums';

/**
 * A checkpoint as GraphQL names it (the enum's key): the add-in and every GraphQL client speak these names, the
 * database and the engine the values ('30/6', '31/12').
 */
export type CheckpointName = keyof typeof Checkpoint;

export const CHECKPOINT_NAMES: readonly CheckpointName[] = ['YEAR_END', 'MID_YEAR'];

export const checkpointName = (c: Checkpoint): CheckpointName => (c === Checkpoint.MID_YEAR ? 'MID_YEAR' : 'YEAR_END');

export const checkpointOf = (name: CheckpointName): Checkpoint => Checkpoint[name];

/** '30/6' or '31/12', as documents and sheets print it. */
export const checkpointLabel = (c: Checkpoint): '30/6' | '31/12' => c;
