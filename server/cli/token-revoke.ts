import { parseArgs } from 'node:util';
import { revokeToken } from '../services/users';
import { runCommand, valueFlags } from './run';

/** npm run token:revoke -- --token cru_xxxxxxxx (the whole token or its prefix, as token:create printed it) */
const { values } = parseArgs({ options: valueFlags('token') });
if (!values.token) {
  console.error('usage: npm run token:revoke -- --token TOKEN_OR_PREFIX');
  process.exit(2);
}

runCommand(async (orm) => {
  const count = await revokeToken(orm.em.fork(), values.token!);
  console.log(
    count > 0
      ? `Revoked ${count} token(s) with prefix ${values.token!.slice(0, 12)}.`
      : 'No active token with that prefix.',
  );
  if (count === 0) process.exitCode = 1;
});
