import type { EntityManager } from '@mikro-orm/core';
import type { PlanVersion } from '../entities';
import { SyncBatch } from '../entities/sync-batch';
import { JsonText } from '../speed/bound-insert';
import { insertNewRows } from '../speed/bulk-write';
import type { SyncOutcome } from './answer';
import type { SyncInput } from './row-plan';

/** An answer stored for a batch key: the hash of the rows it answered, and what a retry of them replays. */
export type StoredAnswer = Pick<SyncBatch, 'requestHash' | 'response'>;

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
  for (const { batchKey, requestHash, response } of found) stored.set(batchKey, { requestHash, response });
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
  if (fast) {
    // native inserts: the unit of work would re-examine every row of the batches for these rows
    await insertNewRows(
      em,
      SyncBatch,
      answers.map(({ batchKey, requestHash, outcome }) => ({
        org: plan.org.id,
        plan: plan.id,
        batchKey,
        requestHash,
        // serialised once, as the answer's JSON is what a replay returns
        response: new JsonText(JSON.stringify(outcome)),
      })),
    );
  } else {
    for (const { batchKey, requestHash, outcome } of answers) {
      const response = JSON.parse(JSON.stringify(outcome)) as Record<string, unknown>;
      em.create(SyncBatch, { org: plan.org, plan, batchKey, requestHash, response });
    }
    await em.flush();
  }
}
