import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_PROFILE, PROFILE_PRESETS } from '../../core/scoring/profiles';

/**
 * Issue 14, defect 2 (last part): the BERGAMO, SONDRIO and BRESCIA presets carry the default parameters
 * (docs/scoring.md §5.11), so nothing a user reads may say a preset changes the numbers.
 */
const root = path.resolve(__dirname, '../..');
const parameters = ({ name: _n, version: _v, status: _s, ...rest }: typeof DEFAULT_PROFILE) => rest;

test('every preset has the default parameters', () => {
  for (const preset of Object.values(PROFILE_PRESETS)) expect(parameters(preset)).toEqual(parameters(DEFAULT_PROFILE));
});

test('the README and the schema say so, instead of promising different numbers per preset', () => {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8').replace(/\s+/g, ' ');
  expect(readme).toContain('The three presets carry today the default parameters');
  expect(readme).toContain('do not change any number by themselves');
  const schema = fs.readFileSync(path.join(root, 'schema/schema.graphql'), 'utf8');
  const description = /"""([^"]*)"""\s*enum ProfilePreset/.exec(schema)?.[1] ?? '';
  expect(description).toContain('All three carry the default parameters today');
  expect(description).not.toMatch(/capped ratio|step thresholds|manager weights/);
});
