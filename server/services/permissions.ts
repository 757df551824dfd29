import type { Action } from '../auth/access';
import { Indicator } from '../entities';
import type { ServiceContext } from './service-context';

type Mode = 'create' | 'update' | 'delete';

/** Which action a CRUD write of a kind of row needs: actual values are `actuals`, the organisation itself `admin`/`system`, the rest `plan`. */
export function actionFor(entityName: string, mode: Mode): Action {
  if (entityName === 'Organisation') return mode === 'update' ? 'admin' : 'system';
  if (entityName === 'Measurement') return 'actuals';
  return 'plan';
}

function refId(value: unknown): string | null {
  if (!value) return null;
  return typeof value === 'string' ? value : ((value as { id?: string }).id ?? null);
}

async function unitIdsOf(ctx: ServiceContext, indicatorId: string | null): Promise<string[]> {
  if (!indicatorId) return [];
  const indicator = await ctx.em.findOne(Indicator, indicatorId, { populate: ['responsibleUnits'] });
  return indicator ? indicator.responsibleUnits.getItems().map((u) => u.id) : [];
}

/**
 * Refuses (FORBIDDEN) a write the caller's role does not allow. For actual values of a unit editor, the
 * indicator's responsible units decide; `row` may be the entity or its audit snapshot (references as ids).
 */
export async function authorizeWrite(
  ctx: ServiceContext,
  entityName: string,
  orgId: string | null,
  mode: Mode,
  row?: Record<string, unknown>,
): Promise<void> {
  const access = ctx.access;
  if (!access) return;
  const action = actionFor(entityName, mode);
  if (action === 'actuals' && !access.can(orgId, 'actuals')) {
    access.check(orgId, 'actuals', await unitIdsOf(ctx, refId(row?.indicator)));
    return;
  }
  access.check(orgId, action);
}
