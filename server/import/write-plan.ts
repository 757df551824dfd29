/**
 * Persists a PlanDraft into the model in ONE transaction. Rows are created in memory and flushed together, so
 * MikroORM writes them with one multi-row INSERT per table (and per pivot), whatever the size of the plan; the
 * look-ups before are a fixed handful of queries.
 *
 * Idempotency is keyed on the file's sha256 within the organisation, recorded in the import's audit event: the same
 * file again changes nothing and says so. A different file for an existing plan version (same cycle and revision) is
 * refused unless `replace`, and then becomes a NEW revision of the cycle: an existing plan, approved or not, is
 * never overwritten.
 */
import type { EntityManager } from '@mikro-orm/core';
import { ChangeSource } from '@core/vocabulary/enums';
import { Organisation, PlanCycle, PlanVersion } from '../entities';
import { AuditEvent } from '../entities/audit-event';
import type { PlanDraft } from './draft';
import type { ReviewReport } from './review';
import { countsOf, PlanWriter, SHA_MARK } from './write-plan-writer';

export interface WritePlanOptions {
  fileName: string;
  sha256: string;
  /** write into this organisation instead of the one the document names */
  orgCode?: string | null;
  replace?: boolean;
  dryRun?: boolean;
  actor?: string | null;
  onProgress?: (message: string) => void;
}

export interface WritePlanResult {
  planId: string | null;
  created: boolean;
  alreadyImported: boolean;
  revision: number | null;
  message: string;
  /** rows written (or that would be, on a dry run), per kind */
  counts: Record<string, number>;
}

/** A changed file for an existing plan version, without `replace`. */
export class ImportConflictError extends Error {}

export async function writePlan(
  em: EntityManager,
  draft: PlanDraft,
  review: ReviewReport,
  options: WritePlanOptions,
): Promise<WritePlanResult> {
  const orgCode = options.orgCode || draft.organisation.code;
  return em
    .transactional(async (tx) => writeIn(tx, draft, review, options, orgCode))
    .catch((e: unknown) => {
      if (e instanceof DryRunDone) return e.result;
      throw e;
    });
}

/**
 * A dry run goes through the whole write, reading the database as a real import does, so it reports the same
 * findings (issue 17: 17 warnings against 19 once); it ends by throwing this, which rolls the transaction back before
 * anything was flushed.
 */
class DryRunDone extends Error {
  constructor(readonly result: WritePlanResult) {
    super('dry run: rolled back');
  }
}

async function writeIn(
  tx: EntityManager,
  draft: PlanDraft,
  review: ReviewReport,
  options: WritePlanOptions,
  orgCode: string,
): Promise<WritePlanResult> {
  const progress = options.onProgress ?? (() => undefined);
  const org = await tx.findOne(Organisation, { code: orgCode });
  if (org) {
    const previous = await tx.findOne(
      AuditEvent,
      {
        org,
        source: ChangeSource.IMPORT,
        entityType: 'PlanVersion',
        sourceDetail: { $like: `%${SHA_MARK}${options.sha256}` },
      },
      { orderBy: { at: 'desc' } },
    );
    if (previous && (await tx.count(PlanVersion, { id: previous.entityId })) > 0) {
      const plan = await tx.findOneOrFail(PlanVersion, previous.entityId);
      return {
        planId: plan.id,
        created: false,
        alreadyImported: true,
        revision: plan.revision,
        counts: {},
        message: `Already imported: this file (sha256 ${options.sha256.slice(0, 12)}…) is plan "${plan.label}" (revision ${plan.revision}) of ${orgCode}; nothing changed.`,
      };
    }
  }
  const cycle = org ? await tx.findOne(PlanCycle, { org, name: draft.cycle.name }) : null;
  const versions = cycle ? await tx.find(PlanVersion, { cycle }, { orderBy: { revision: 'desc' } }) : [];
  const clash = versions.find((v) => v.revision === draft.version.revision);
  let revision = draft.version.revision;
  if (clash) {
    if (!options.replace) {
      throw new ImportConflictError(
        `Plan "${clash.label}" (cycle "${draft.cycle.name}", revision ${clash.revision}, ${clash.status}) already exists in ${orgCode} ` +
          `and was not imported from this file. Nothing was written. Import with replace (--replace) to add this file as a new revision; the existing plan is kept.`,
      );
    }
    revision = versions[0].revision + 1;
  }
  const counts = countsOf(draft);
  const w = new PlanWriter(tx, draft, review, options);
  const plan = await w.write(org, orgCode, cycle, revision, clash ?? null);
  if (options.dryRun) {
    // Everything a real import checks has been checked (the writer's review entries included); nothing is flushed.
    throw new DryRunDone({
      planId: null,
      created: false,
      alreadyImported: false,
      revision,
      counts,
      message: `Dry run: would create plan "${draft.version.label}" revision ${revision} in ${orgCode}${clash ? ` (a new revision next to "${clash.label}")` : ''}; nothing written.`,
    });
  }
  progress(
    `writing ${Object.entries(counts)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ')}`,
  );
  await tx.flush();
  progress('written');
  return {
    planId: plan.id,
    created: true,
    alreadyImported: false,
    revision,
    counts,
    message: `Created plan "${plan.label}" (revision ${revision}) in ${orgCode}${clash ? `, a new revision next to "${clash.label}" (kept unchanged)` : ''}.`,
  };
}
