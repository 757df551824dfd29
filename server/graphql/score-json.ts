import type { Checkpoint } from '@core/vocabulary/enums';
import { realizationView } from '../services/realization-view';
import { type Leaf, leafValue } from './realization-read';

/**
 * Each score's realization as JSON, per selection, year and checkpoint: written once per score object. The scores
 * of a plan are computed once per change and a sync rescores only what it moved, keeping every other result as the
 * same object (services/realization.ts, ScoreReuse): so after a 20-row sync a read writes the JSON of those rows
 * and of the aggregates above them, and copies the others'. Keyed by the object, so it goes with its scores.
 */
const written = new WeakMap<object, Map<string, Written>>();

/** A score's JSON, and its UTF-8 bytes once a read sends them as bytes (a delta's rows, delta-rows.ts) */
type Written = { json: string; bytes?: Buffer };

const NO_SCORE: Written = { json: 'null', bytes: Buffer.from('null') };

/** rows whose score is written anew between two turns of the event loop (the first read of a plan writes them all) */
export const ROWS_PER_TURN = 500;

/** The key of a score's JSON: made once per read, so that each row's look-up hashes no new string */
export const scoreKey = (read: { selection: string }, year: number, checkpoint: Checkpoint) =>
  `${year}|${checkpoint}|${read.selection}`;

type RealizationLeaves = { leaves: Leaf[]; selection: string };

function keptScore(
  result: object | undefined,
  read: RealizationLeaves,
  year: number,
  checkpoint: Checkpoint,
  key: string,
): { kept: Written; fresh: boolean } {
  if (!result) return { kept: NO_SCORE, fresh: false };
  let byKey = written.get(result);
  const kept = byKey?.get(key);
  if (kept !== undefined) return { kept, fresh: false };
  const view = realizationView(result as Parameters<typeof realizationView>[0], year, checkpoint)!;
  const out: Record<string, unknown> = {};
  for (const leaf of read.leaves)
    out[leaf.key] = leaf.name === '__typename' ? 'Realization' : leafValue(leaf.type, readLeaf(view, leaf));
  const json = JSON.stringify(out);
  if (!byKey) written.set(result, (byKey = new Map()));
  const fresh = { json };
  byKey.set(key, fresh);
  return { kept: fresh, fresh: true };
}

export function realizationJson(
  result: object | undefined,
  read: RealizationLeaves,
  year: number,
  checkpoint: Checkpoint,
  key = scoreKey(read, year, checkpoint),
): { json: string; fresh: boolean } {
  const { kept, fresh } = keptScore(result, read, year, checkpoint, key);
  return { json: kept.json, fresh };
}

/** realizationJson's text as UTF-8 bytes, encoded once per score object and kept with its text */
export function realizationBytes(
  result: object | undefined,
  read: RealizationLeaves,
  year: number,
  checkpoint: Checkpoint,
  key: string,
): { bytes: Buffer; fresh: boolean } {
  const { kept, fresh } = keptScore(result, read, year, checkpoint, key);
  return { bytes: (kept.bytes ??= Buffer.from(kept.json)), fresh };
}

function readLeaf(view: object, leaf: Leaf): unknown {
  return (view as Record<string, unknown>)[leaf.name];
}
