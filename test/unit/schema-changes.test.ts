import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unlistedBreakingChanges, unreleasedBullets } from '../helpers/schema-changes';

/**
 * Schema changes are recorded (issue 19): the schema the server emits is compared with the last released one, and
 * every breaking change must be in CHANGELOG.md's Unreleased section with its migration path.
 */
const root = join(__dirname, '..', '..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');

it('every breaking change since the last release is in the changelog with its migration path', async () => {
  const unlisted = await unlistedBreakingChanges(
    read('schema/released.graphql'),
    read('schema/schema.graphql'),
    read('CHANGELOG.md'),
  );
  expect(unlisted).toEqual([]);
});

describe('the check itself', () => {
  const released = 'type Query { a: String, b(x: Int): Int }';
  const changelog = (bullet: string) =>
    `# Changelog\n\n## Unreleased\n\n${bullet}\n\n## 1.0.0\n\n- \`Query.b\` Migration: old\n`;

  it('fails on a breaking change that is not listed, and names it', async () => {
    expect(await unlistedBreakingChanges(released, 'type Query { b(x: Int): Int }', changelog(''))).toEqual([
      "Query.a: Field 'a' was removed from object type 'Query'",
    ]);
  });

  it('fails when the bullet names the path but gives no migration path', async () => {
    const current = 'type Query { b(x: Int): Int }';
    expect(await unlistedBreakingChanges(released, current, changelog('- `Query.a` is gone'))).toHaveLength(1);
    expect(
      await unlistedBreakingChanges(released, current, changelog('- `Query.a` is gone.\n  Migration: read `b`')),
    ).toEqual([]);
  });

  it('counts only the Unreleased section, and lets additions through', async () => {
    // the bullet of an older release does not cover a new break of the same path
    expect(await unlistedBreakingChanges(released, 'type Query { a: String }', changelog(''))).toEqual([
      "Query.b: Field 'b' was removed from object type 'Query'",
    ]);
    expect(await unlistedBreakingChanges(released, `${released.slice(0, -1)} c: Int }`, changelog(''))).toEqual([]);
    expect(unreleasedBullets(changelog('- one\n  two'))).toEqual(['- one two']);
  });
});
