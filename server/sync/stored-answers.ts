import type { EntityManager } from '@mikro-orm/core';
import type { PlanVersion } from '../entities';
import { SyncBatch } from '../entities/sync-batch';
import { insertNewRows } from '../speed/bulk-write';
import type { SyncOutcome } from './answer';
import type { SyncInput } from './row-plan';
import { answerBytes, answerJson } from './answer-bytes';

/** An answer stored for a batch key: the hash of the rows it answered, and what a retry of them replays. */
export type StoredAnswer = Pick<SyncBatch, 'requestHash' | 'answer'>;

/** The answers stored for the batch keys of a turn, each key looked up (null: none stored), by batch key. */
export type StoredAnswers = ReadonlyMap<string, StoredAnswer | null>;

/**
 * The answers stored for the batch keys the turn's batches send, read with one statement once the turn holds the
 * plan's lock (nothing stores one for the plan outside that lock: storeAnswers below, in a turn). Each keyed batch
 * read its own with one statement, a round trip of every batch of the turn under the lock, each waiting for an event
 * loop busy with the panes' reads (bench B4-pg: every pane's sync has its key).
 */
export async function readStoredAnswers(
  em: EntityManager,
  planId: string,
  inputs: SyncInput[],
): Promise<StoredAnswers> {
  const keys = [...new Set(inputs.flatMap((input) => (input.batchKey ? [input.batchKey] : [])))];
  const stored = new Map<string, StoredAnswer | null>(keys.map((key) => [key, null]));
  if (keys.length === 0) return stored;
  const found = await em.find(SyncBatch, { plan: planId, batchKey: { $in: keys } });
  for (const { batchKey, requestHash, answer } of found) stored.set(batchKey, { requestHash, answer });
  return stored;
}

/** A keyed batch answered in the turn: its answer is stored for a retry of the same rows. */
export type ToStore = { batchKey: string; requestHash: string; outcome: SyncOutcome };

/**
 * The answers a retry of each batch key replays, stored with the batches' rows: one statement for the turn (chunked
 * under the bound-value limit), not one per batch. A batch that failed is not among them (its savepoint undid it).
 */
export async function storeAnswers(em: EntityManager, fast: boolean, plan: PlanVersion, answers: ToStore[]) {
  if (answers.length === 0) return;
  // the answer's JSON, what a replay returns, serialised once and stored compressed (both paths store the same bytes)
  const rows = answers.map(({ batchKey, requestHash, outcome }) => ({
    batchKey,
    requestHash,
    answer: answerBytes(JSON.stringify(outcome)),
  }));
  if (fast) {
    // native inserts: the unit of work would re-examine every row of the batches for these rows
    await insertNewRows(
      em,
      SyncBatch,
      rows.map((row) => ({ org: plan.org.id, plan: plan.id, ...row })),
    );
  } else {
    for (const row of rows) em.create(SyncBatch, { org: plan.org, plan, ...row });
    await em.flush();
  }
}

/** The answer a retry of a stored batch key replays: the first answer exactly, said to be a replay. */
export function replayedAnswer(stored: StoredAnswer): SyncOutcome {
  return { ...(JSON.parse(answerJson(stored.answer)) as SyncOutcome), replayed: true };
}
