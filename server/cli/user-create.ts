import { parseArgs } from 'node:util';
import type { Role } from '@core/vocabulary/roles';
import { createUser, grantRole, issueToken } from '../services/users';
import { expiryOf, runCommand, valueFlags } from './run';

/** npm run user:create -- --email a@b.it --name "Anna" [--org CODE --role admin [--units id,id]] [--system-admin] [--expires-in-days N] */
const { values } = parseArgs({
  options: {
    ...valueFlags('email', 'name', 'org', 'role', 'units', 'expires-in-days', 'label'),
    'system-admin': { type: 'boolean' },
  },
});

if (!values.email || !values.name || (!values.org && !values['system-admin']) || (values.org && !values.role)) {
  console.error(
    'usage: npm run user:create -- --email EMAIL --name NAME --org CODE --role admin|controller|unit_editor|viewer [--units ID,ID] [--system-admin] [--expires-in-days N]',
  );
  process.exit(2);
}

runCommand(async (orm) => {
  const em = orm.em.fork();
  const user = await createUser(em, {
    email: values.email!,
    name: values.name!,
    systemAdmin: values['system-admin'] ?? false,
  });
  if (values.org)
    await grantRole(
      em,
      user,
      values.org,
      values.role as Role,
      values.units ? values.units.split(',').map((s) => s.trim()) : [],
    );
  const { token, record } = await issueToken(em, user, {
    label: values.label ?? 'user:create',
    expiresAt: expiryOf(values['expires-in-days']),
  });
  console.log(
    `Created user ${user.email}${user.systemAdmin ? ' (system administrator)' : ''}${values.org ? `, ${values.role} of ${values.org}` : ''}.`,
  );
  console.log(`Token (shown only now; prefix ${record.prefix}):\n${token}`);
});
