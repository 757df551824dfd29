import { CriticalityLevel, diff } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';

/** The bullets of the changelog's "## Unreleased" section, each with its continuation lines. */
export function unreleasedBullets(changelog: string): string[] {
  const start = changelog.search(/^## Unreleased\s*$/m);
  if (start < 0) return [];
  const rest = changelog.slice(start).split('\n').slice(1);
  const end = rest.findIndex((line) => /^## /.test(line));
  const bullets: string[] = [];
  for (const line of end < 0 ? rest : rest.slice(0, end)) {
    if (/^- /.test(line)) bullets.push(line);
    else if (/^\s+\S/.test(line) && bullets.length > 0) bullets[bullets.length - 1] += ` ${line.trim()}`;
  }
  return bullets;
}

/**
 * The breaking changes from the released schema to the current one that no changelog bullet accounts for: a bullet
 * must name the change's path in backticks and say how to migrate ("Migrazione / Migration").
 */
export async function unlistedBreakingChanges(released: string, current: string, changelog: string): Promise<string[]> {
  const changes = await diff(buildSchema(released), buildSchema(current));
  const bullets = unreleasedBullets(changelog).filter((b) => /migrazione|migration/i.test(b));
  return changes
    .filter((c) => c.criticality.level === CriticalityLevel.Breaking)
    .filter((c) => !bullets.some((b) => c.path !== undefined && b.includes(`\`${c.path}\``)))
    .map((c) => `${c.path ?? '(schema)'}: ${c.message}`);
}
