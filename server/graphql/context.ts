import type { EntityManager } from '@mikro-orm/core';
import type { Access } from '../auth/access';
import type { Principal } from '../auth/authenticate';
import { scopeToTenants } from '../auth/tenant-filter';
import { ChangeSource } from '@core/vocabulary/enums';
import type { User } from '../entities/user';
import type { PlanFeeds } from '../live/feeds';
import { ON_EVENT_LOOP, type PlanCompute } from '../compute/pool';
import { Loaders } from './loaders';
import { ScoreSnapshots } from '../services/score-snapshots';

/** For callers without an app (the command line): every read computes its scores. */
const NO_SNAPSHOTS = new ScoreSnapshots({ maxBytes: 0 });

/**
 * Per-request state: the caller (user, access, actor name), one identity map (a fork of the entity manager,
 * narrowed to the caller's organisations) and one set of batch loaders.
 */
export type Context = {
  em: EntityManager;
  loaders: Loaders;
  user: User;
  access: Access;
  actor: string | null;
  source: ChangeSource;
  sourceDetail: string | null;
  /** the speed layer answers (server/speed/README.md); off: plain resolvers and managed entities only */
  fastPaths: boolean;
  /** the instance's live feeds: set on websocket operations only, where subscriptions run */
  live?: PlanFeeds;
  /** the instance's scored plans, kept until the plan changes (server/services/score-snapshots.ts) */
  snapshots: ScoreSnapshots;
  /** where plan-wide scores and reports are computed: the app's thread pool, or the event loop */
  compute: PlanCompute;
};

export function createContext(
  em: EntityManager,
  principal: Principal,
  options: { fastPaths: boolean; live?: PlanFeeds; snapshots?: ScoreSnapshots; compute?: PlanCompute },
): Context {
  const fork = em.fork();
  scopeToTenants(fork, principal.access);
  return {
    em: fork,
    loaders: new Loaders(fork, options.fastPaths),
    user: principal.user,
    access: principal.access,
    actor: principal.user.name,
    source: ChangeSource.GRAPHQL,
    sourceDetail: null,
    fastPaths: options.fastPaths,
    live: options.live,
    snapshots: options.snapshots ?? NO_SNAPSHOTS,
    // rows read in the unit of work (fast paths off) belong to it and cannot be copied to another thread
    compute: options.fastPaths ? (options.compute ?? ON_EVENT_LOOP) : ON_EVENT_LOOP,
  };
}
