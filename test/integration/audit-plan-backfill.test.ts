import { AuditAction } from '@core/vocabulary/enums';
import { databaseFor, databaseNames } from '../helpers/databases';
import { openOrm } from '../../server/db/orm';
import { AuditEvent } from '../../server/entities/audit-event';
import { migrationsFor } from '../../server/migrations';

/**
 * A delta read finds a plan's deleted rows by the audit's plan column (the plan-and-time index). Deletions recorded
 * before that column was filled carry their plan only in the row they snapshot: the migration gives it to them, and
 * to nothing else.
 */
describe.each(databaseNames())('audit events recorded without their plan (%s)', (dialect) => {
  const database = databaseFor(dialect);
  afterAll(() => database.dropAll());

  it('get the plan of the node they deleted, and only node deletions get one', async () => {
    const orm = await openOrm(await database.create(), { migrate: false });
    try {
      const migrator = orm.getMigrator();
      const all = migrationsFor(dialect).map((m) => m.name);
      // the schema just before the fill: the column there, left empty by the events written before it
      await migrator.up({ to: all[all.indexOf('Migration20261207020000') - 1] });
      const old = (entityType: string, action: AuditAction, before: Record<string, unknown> | null) => ({
        entityType,
        entityId: `${entityType}-${action}`,
        action,
        before,
        at: new Date('2026-11-20T10:00:00Z'),
        planId: null,
      });
      const em = orm.em.fork();
      for (const event of [
        old('Indicator', AuditAction.DELETE, { plan: 'plan-a', code: '1.1.1' }),
        old('Perspective', AuditAction.DELETE, { plan: 'plan-b', name: 'Prospettiva' }),
        old('Target', AuditAction.DELETE, { plan: 'plan-a', year: 2022 }),
        old('Indicator', AuditAction.UPDATE, { plan: 'plan-a', code: '1.1.2' }),
        old('OperationalObjective', AuditAction.DELETE, { code: '1.1' }),
      ])
        em.create(AuditEvent, event);
      await em.flush();
      await migrator.up();
      const rows = await orm.em.fork().find(AuditEvent, {}, { orderBy: { entityId: 'asc' } });
      expect(rows.map((r) => [r.entityId, r.planId ?? null])).toEqual([
        ['Indicator-delete', 'plan-a'],
        ['Indicator-update', null],
        ['OperationalObjective-delete', null],
        ['Perspective-delete', 'plan-b'],
        ['Target-delete', null],
      ]);
    } finally {
      await orm.close(true);
    }
  });
});
