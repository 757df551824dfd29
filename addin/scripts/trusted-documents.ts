/**
 * The add-in's operations as a trusted-documents manifest (issue 19): `npm run trusted-documents`, run by
 * `npm run addin:build` too, writes schema/trusted-documents.json, SHA-256 (hex) of each document → its text,
 * exactly as the pane sends it. With TRUSTED_DOCUMENTS=required the server serves only these
 * (server/http/trusted-documents.ts); test/addin/trusted-documents.test.ts fails while the committed file drifts.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse } from 'graphql';
import * as insightQueries from '../src/api/insight-queries';
import * as queries from '../src/api/queries';

export const MANIFEST_FILE = path.join(__dirname, '..', '..', 'schema', 'trusted-documents.json');

/** every exported document of the add-in that holds an operation (fragments alone are sent only inside them) */
export function addinDocuments(): string[] {
  return [...Object.values(queries), ...Object.values(insightQueries)]
    .filter((value): value is string => typeof value === 'string')
    .filter((text) => parse(text).definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION));
}

export function manifestText(documents: readonly string[] = addinDocuments()): string {
  const entries = documents
    .map((text) => [createHash('sha256').update(text, 'utf8').digest('hex'), text] as const)
    .sort(([a], [b]) => a.localeCompare(b));
  return `${JSON.stringify(Object.fromEntries(entries), null, 2)}\n`;
}

if (require.main === module) {
  writeFileSync(MANIFEST_FILE, manifestText());
  console.log(`wrote ${path.relative(process.cwd(), MANIFEST_FILE)} (${addinDocuments().length} documents)`);
}
