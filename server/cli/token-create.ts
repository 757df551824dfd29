import { parseArgs } from 'node:util';
import { User } from '../entities';
import { issueToken } from '../services/users';
import { expiryOf, runCommand, valueFlags } from './run';

/** npm run token:create -- --email a@b.it [--label "add-in"] [--expires-in-days N] */
const { values } = parseArgs({
  options: valueFlags('email', 'label', 'expires-in-days'),
});
if (!values.email) {
  console.error('usage: npm run token:create -- --email EMAIL [--label TEXT] [--expires-in-days N]');
  process.exit(2);
}

runCommand(async (orm) => {
  const em = orm.em.fork();
  const user = await em.findOne(User, { email: values.email!.trim().toLowerCase() });
  if (!user) throw new Error(`no user with e-mail ${values.email}`);
  const { token, record } = await issueToken(em, user, {
    label: values.label ?? null,
    expiresAt: expiryOf(values['expires-in-days']),
  });
  console.log(
    `Token for ${user.email} (shown only now; prefix ${record.prefix}${record.expiresAt ? `, expires ${record.expiresAt.toISOString()}` : ''}):\n${token}`,
  );
});
