import type { EntityManager } from '@mikro-orm/core';
import { ChangeSource } from '../domain/enums';
import { Loaders } from './loaders';

/** Per-request state: one identity map (a fork of the entity manager) and one set of batch loaders. */
export type Context = {
  em: EntityManager;
  loaders: Loaders;
  actor: string | null;
  source: ChangeSource;
  sourceDetail: string | null;
};

export function createContext(em: EntityManager, actor: string | null = null): Context {
  const fork = em.fork();
  return { em: fork, loaders: new Loaders(fork), actor, source: ChangeSource.GRAPHQL, sourceDetail: null };
}
