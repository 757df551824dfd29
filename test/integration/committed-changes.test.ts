import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EntityManager } from '@mikro-orm/core';
import { AuditAction, ChangeSource } from '@core/vocabulary/enums';
import { openOrm, type Orm } from '../../server/db/orm';
import { AuditEvent } from '../../server/entities/audit-event';
import { followCommits, noteAuditRows, type CommittedChange } from '../../server/services/committed-changes';

/**
 * The live updates hear of a change once its transaction commits (server/services/committed-changes.ts): one call per
 * committed transaction, savepoints included in their outer transaction, nothing for a rollback. Real SQLite.
 */
let orm: Orm;
let dir: string;
let told: string[][];
let stop: () => void;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cruscotto-commits-'));
  orm = await openOrm(path.join(dir, 'test.sqlite'));
  stop = followCommits(orm.em, (changes: CommittedChange[]) => told.push(changes.map((c) => c.entityId)));
});
afterAll(async () => {
  stop();
  await orm.close(true);
  fs.rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  told = [];
});

const audit = (em: EntityManager, entityId: string) =>
  em.persist(em.create(AuditEvent, { entityType: 'Indicator', entityId, action: AuditAction.UPDATE }));
const nativeRow = (entityId: string) => ({
  entityType: 'Indicator',
  entityId,
  action: AuditAction.UPDATE,
  source: ChangeSource.ADDIN,
  at: new Date(),
});

it('tells a flush outside a transaction when it commits', async () => {
  const em = orm.em.fork();
  audit(em, 'a');
  await em.flush();
  expect(told).toEqual([['a']]);
});

it('tells a transaction once, at its commit, with the changes of its savepoints and native inserts', async () => {
  await orm.em.fork().transactional(async (tx) => {
    audit(tx, 'outer');
    await tx.flush();
    await tx.transactional(async (inner) => {
      audit(inner, 'nested');
      await inner.flush();
    });
    noteAuditRows(tx, [nativeRow('native')]);
    expect(told).toEqual([]);
  });
  expect(told).toEqual([['outer', 'nested', 'native']]);
});

it('tells nothing of a rolled back transaction, and keeps two transactions apart', async () => {
  await expect(
    orm.em.fork().transactional(async (tx) => {
      audit(tx, 'lost');
      await tx.flush();
      throw new Error('rollback');
    }),
  ).rejects.toThrow('rollback');
  await Promise.all(
    ['x', 'y'].map((id) =>
      orm.em.fork().transactional(async (tx) => {
        audit(tx, id);
        await tx.flush();
      }),
    ),
  );
  expect(told.sort()).toEqual([['x'], ['y']]);
});

it('tells native rows written outside a transaction at once', () => {
  noteAuditRows(orm.em.fork(), [nativeRow('alone')]);
  expect(told).toEqual([['alone']]);
});
