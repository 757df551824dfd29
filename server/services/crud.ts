import {
  type Constructor,
  type EntityClass,
  type EntityManager,
  type EntityMetadata,
  ForeignKeyConstraintViolationException,
  ReferenceKind,
  UniqueConstraintViolationException,
} from '@mikro-orm/core';
import { AuditAction } from '@core/vocabulary/enums';
import type { Node } from '../entities/base';
import { Organisation } from '../entities/organisation';
import { PlanVersion } from '../entities/plan-version';
import { recordChange, snapshot } from './audit';
import { ConflictError, type FieldProblem, InputError, NotFoundError } from '../errors';
import { failOn, governanceProblems } from './governance';
import { authorizeWrite } from './permissions';
import type { ServiceContext } from './service-context';

/** An input field that names other rows by id: `perspectiveId` → `perspective`, `responsibleUnitIds` → `responsibleUnits`. */
export type RefSpec = { prop: string; target: EntityClass<Node>; many?: boolean };

type Row = { id: string; version: number; org?: Organisation | null; plan?: PlanVersion | null };
/** A row as this generic code edits it: its own type, the fields every row may have, and any field by name from the input. */
type Editable<E> = E & Row & Record<string, unknown>;
type Input = Record<string, unknown>;

/**
 * How one entity is created, updated and deleted. Everything not listed in `refs` or `computed` is a plain
 * field copied as given; `prepare` derives what the input does not say directly (parsed values, revisions).
 */
export type EntitySpec<E extends Node> = {
  /** a constructor, not just an EntityClass: the GraphQL resolvers built from the spec need one for their types */
  entity: Constructor<E>;
  label: string;
  refs: Record<string, RefSpec>;
  computed?: string[];
  /** `before` is the row as it was, for updates */
  prepare?: (
    ctx: ServiceContext,
    row: E,
    input: Input,
    mode: 'create' | 'update',
    before?: Record<string, unknown>,
  ) => Promise<FieldProblem[]>;
};

const ORG_FIELD = 'organisationId';
const PLAN_FIELD = 'planId';

function meta(em: EntityManager, entity: EntityClass<any>): EntityMetadata {
  return em.getMetadata().get(entity.name);
}

function hasProp(em: EntityManager, entity: EntityClass<any>, prop: string): boolean {
  return Boolean(meta(em, entity).properties[prop]);
}

async function findRow<E extends Node>(ctx: ServiceContext, spec: EntitySpec<E>, id: string): Promise<Editable<E>> {
  // looked up as the Node every entity is: MikroORM's query types cannot be worked out for an open E
  const entity: EntityClass<Node> = spec.entity;
  const row = await ctx.em.findOne(entity, { id });
  if (!row) throw new NotFoundError(spec.label, id);
  return row as Editable<E>;
}

/** Loads the rows an input names; an id that does not exist (or is another tenant's) is a field problem. */
async function resolveRefs(ctx: ServiceContext, refs: Record<string, RefSpec>, input: Input) {
  const problems: FieldProblem[] = [];
  const resolved = new Map<string, { prop: string; value: Row | Row[] | null }>();
  for (const [field, ref] of Object.entries(refs)) {
    if (!(field in input) || input[field] === undefined) continue;
    const raw = input[field];
    if (raw === null) {
      resolved.set(field, { prop: ref.prop, value: ref.many ? [] : null });
      continue;
    }
    const ids = ref.many ? [...new Set(raw as string[])] : [raw as string];
    const rows: Row[] = await ctx.em.find(ref.target, { id: { $in: ids } });
    const missing = ids.filter((id) => !rows.some((row) => row.id === id));
    for (const id of missing)
      problems.push({ field, code: 'NOT_FOUND', message: `no ${ref.target.name} with id "${id}"` });
    resolved.set(field, { prop: ref.prop, value: ref.many ? rows : (rows[0] ?? null) });
  }
  return { problems, resolved };
}

function orgIdOf(row: Row): string | null {
  if (row instanceof Organisation) return row.id;
  return row.org?.id ?? null;
}

/** An edit made against an older version than the row's is refused rather than applied over someone else's. */
function checkVersion(spec: EntitySpec<any>, row: Row, expectedVersion: number | null | undefined): void {
  if (expectedVersion != null && expectedVersion !== row.version) {
    throw new ConflictError(spec.label, row.id, expectedVersion, row.version);
  }
}

function planIdOf(row: Row): string | null {
  if (row instanceof PlanVersion) return row.id;
  return row.plan?.id ?? null;
}

/**
 * Every row named by an input must belong to the same organisation, and (for rows of a plan) to the same plan
 * version as the row being written: a cross-tenant id reads as "not found", never as a link.
 */
function checkScope(
  rowOrgId: string | null,
  rowPlanId: string | null,
  resolved: Map<string, { value: Row | Row[] | null }>,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const [field, { value }] of resolved) {
    for (const ref of Array.isArray(value) ? value : value ? [value] : []) {
      const refOrg = orgIdOf(ref);
      if (rowOrgId && refOrg && refOrg !== rowOrgId) {
        problems.push({ field, code: 'NOT_FOUND', message: `no ${ref.constructor.name} with id "${ref.id}"` });
        continue;
      }
      const refPlan = ref instanceof PlanVersion || ref.plan ? planIdOf(ref) : null;
      if (rowPlanId && refPlan && refPlan !== rowPlanId) {
        problems.push({
          field,
          code: 'PLAN_MISMATCH',
          message: `${ref.constructor.name} "${ref.id}" belongs to another plan version`,
        });
      }
    }
  }
  return problems;
}

/** `null` for a field the model requires is refused by name instead of failing in the database. */
function requiredProblems(em: EntityManager, spec: EntitySpec<any>, input: Input): FieldProblem[] {
  const props = meta(em, spec.entity).properties;
  const problems: FieldProblem[] = [];
  for (const [field, value] of Object.entries(input)) {
    if (value !== null) continue;
    const prop = spec.refs[field]?.prop ?? field;
    const p = props[prop];
    if (p && !p.nullable && p.kind !== ReferenceKind.MANY_TO_MANY && !spec.computed?.includes(field)) {
      problems.push({ field, code: 'REQUIRED', message: 'may not be null' });
    }
  }
  return problems;
}

function assignPlain(row: Record<string, unknown>, spec: EntitySpec<any>, input: Input): void {
  for (const [field, value] of Object.entries(input)) {
    if (value === undefined || field in spec.refs || field === ORG_FIELD || field === PLAN_FIELD) continue;
    if (spec.computed?.includes(field)) continue;
    row[field] = value;
  }
}

function assignRefs(
  row: Record<string, unknown>,
  resolved: Map<string, { prop: string; value: Row | Row[] | null }>,
): void {
  for (const { prop, value } of resolved.values()) {
    if (Array.isArray(value)) (row[prop] as { set(items: Row[]): void }).set(value);
    else row[prop] = value;
  }
}

function fail(problems: FieldProblem[]): void {
  if (problems.length > 0) throw new InputError(problems);
}

async function flushMapped(ctx: ServiceContext, spec: EntitySpec<any>): Promise<void> {
  try {
    await ctx.em.flush();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      throw InputError.of('input', 'DUPLICATE', `a ${spec.label} with the same key exists already`);
    }
    if (error instanceof ForeignKeyConstraintViolationException) {
      throw InputError.of('id', 'IN_USE', `this ${spec.label} is still referenced by other rows`);
    }
    throw error;
  }
}

/**
 * A refused change must leave nothing behind: the request's unit of work is cleared, so a later mutation of the
 * same request cannot flush half-applied fields.
 */
function atomically<A extends unknown[], T>(
  work: (ctx: ServiceContext, ...args: A) => Promise<T>,
): (ctx: ServiceContext, ...args: A) => Promise<T> {
  return async (ctx, ...args) => {
    try {
      return await work(ctx, ...args);
    } catch (error) {
      ctx.em.clear();
      throw error;
    }
  };
}

export const createEntity = atomically(create);
export const updateEntity = atomically(update);
export const deleteEntity = atomically(remove);

async function create<E extends Node>(ctx: ServiceContext, spec: EntitySpec<E>, input: Input): Promise<E> {
  const { em } = ctx;
  const refs: Record<string, RefSpec> = { ...spec.refs };
  const tenantOwned = hasProp(em, spec.entity, 'org');
  const planOwned = hasProp(em, spec.entity, 'plan');
  if (tenantOwned) refs[ORG_FIELD] = { prop: 'org', target: Organisation };
  if (planOwned) refs[PLAN_FIELD] = { prop: 'plan', target: PlanVersion };
  const { problems, resolved } = await resolveRefs(ctx, refs, input);
  fail([...problems, ...requiredProblems(em, spec, input)]);

  // The organisation and plan come from the input or from the rows it names (a strategic objective's perspective…).
  const named = [...resolved.values()].flatMap(({ value }) => (Array.isArray(value) ? value : value ? [value] : []));
  const orgId = tenantOwned ? (named.map(orgIdOf).find((id) => id) ?? null) : null;
  const planId = planOwned
    ? (named.map((r) => (r instanceof PlanVersion || r.plan ? planIdOf(r) : null)).find((id) => id) ?? null)
    : null;
  if (tenantOwned && !orgId)
    fail([{ field: ORG_FIELD, code: 'REQUIRED', message: 'the organisation cannot be told from the input' }]);
  if (planOwned && !planId)
    fail([{ field: PLAN_FIELD, code: 'REQUIRED', message: 'the plan version cannot be told from the input' }]);
  fail(checkScope(orgId, planId, resolved));

  // empty on purpose: the input's fields are assigned below, each one checked; the database's NOT NULLs catch the rest
  const row = em.create(spec.entity, {}, { persist: false, partial: true }) as Editable<E>;
  if (tenantOwned) row.org = em.getReference(Organisation, orgId!);
  if (planOwned) row.plan = em.getReference(PlanVersion, planId!);
  assignPlain(row, spec, input);
  assignRefs(row, resolved);
  await authorizeWrite(ctx, spec.entity.name, orgId, 'create', row);
  failOn(await governanceProblems(em, spec.entity.name, 'create', [row], input));
  if (spec.prepare) fail(await spec.prepare(ctx, row, input, 'create'));
  em.persist(row);
  recordChange(ctx, row, AuditAction.CREATE, null, snapshot(em, row), tenantOwned ? row.org! : null);
  await flushMapped(ctx, spec);
  return row;
}

async function update<E extends Node>(
  ctx: ServiceContext,
  spec: EntitySpec<E>,
  id: string,
  input: Input,
  expectedVersion?: number | null,
): Promise<E> {
  const { em } = ctx;
  const row = await findRow(ctx, spec, id);
  const rowOrgId = orgIdOf(row);
  await authorizeWrite(ctx, spec.entity.name, rowOrgId, 'update', row);
  checkVersion(spec, row, expectedVersion);
  const { problems, resolved } = await resolveRefs(ctx, spec.refs, input);
  fail([...problems, ...requiredProblems(em, spec, input)]);
  fail(checkScope(row.org?.id ?? (row instanceof Organisation ? row.id : null), row.plan?.id ?? null, resolved));
  for (const { prop, value } of resolved.values()) {
    if (Array.isArray(value)) await (row[prop] as { init(): Promise<unknown> }).init();
  }
  const before = snapshot(em, row);
  assignPlain(row, spec, input);
  assignRefs(row, resolved);
  // the row as it will be must be allowed too (a unit editor cannot move an actual value to another unit's indicator)
  if ('indicatorId' in input) await authorizeWrite(ctx, spec.entity.name, rowOrgId, 'update', row);
  failOn(await governanceProblems(em, spec.entity.name, 'update', [before, row], input));
  if (spec.prepare) fail(await spec.prepare(ctx, row, input, 'update', before));
  const after = snapshot(em, row);
  if (JSON.stringify(before) !== JSON.stringify(after) || resolved.size > 0) {
    recordChange(ctx, row, AuditAction.UPDATE, before, after, row.org ?? (row instanceof Organisation ? row : null));
  }
  await flushMapped(ctx, spec);
  return row;
}

/** Rows of other kinds that would vanish with this one (database cascades), counted per kind. */
async function dependents(em: EntityManager, entity: EntityClass<any>, id: string): Promise<string[]> {
  const found: string[] = [];
  for (const other of em.getMetadata().getAll() ? Object.values(em.getMetadata().getAll()) : []) {
    if (other.pivotTable || other.embeddable || !other.class) continue;
    for (const prop of other.props) {
      if (prop.kind !== ReferenceKind.MANY_TO_ONE || prop.type !== entity.name || prop.deleteRule !== 'cascade')
        continue;
      const count = await em.count(other.class, { [prop.name]: id });
      if (count > 0) found.push(`${count} ${other.className}`);
    }
  }
  return found;
}

async function remove<E extends Node>(
  ctx: ServiceContext,
  spec: EntitySpec<E>,
  id: string,
  options: { expectedVersion?: number | null; cascade?: boolean } = {},
): Promise<{ id: string; deleted: boolean }> {
  const { em } = ctx;
  const row = await findRow(ctx, spec, id);
  await authorizeWrite(ctx, spec.entity.name, orgIdOf(row), 'delete', row);
  checkVersion(spec, row, options.expectedVersion);
  failOn(await governanceProblems(em, spec.entity.name, 'delete', [row]));
  if (!options.cascade) {
    const found = await dependents(em, spec.entity, id);
    if (found.length > 0) {
      throw InputError.of(
        'cascade',
        'HAS_DEPENDENTS',
        `deleting it would also delete ${found.join(', ')}; pass cascade: true to confirm`,
      );
    }
  }
  const before = snapshot(em, row);
  const org = row instanceof Organisation ? null : (row.org ?? null);
  em.remove(row);
  recordChange(ctx, row, AuditAction.DELETE, before, null, org);
  await flushMapped(ctx, spec);
  return { id, deleted: true };
}
