// `npm run mutate [-- ROLE ...]`: Stryker on each role of
// scripts/mutation-roles.mjs in turn (all of them when none is named), each
// with only the unit tests that pin it, so a mutant loads a few test files
// instead of the whole unit suite. Reports: reports/mutation/<role>.html.
import { spawnSync } from 'node:child_process';
import { mutationRoles } from './mutation-roles.mjs';

const known = Object.keys(mutationRoles);
const roles = process.argv.slice(2);
const unknown = roles.filter((role) => !known.includes(role));
if (unknown.length > 0) {
  console.error(`Unknown role ${unknown.join(', ')}; the roles are ${known.join(', ')}.`);
  process.exit(2);
}

const failed: string[] = [];
for (const role of roles.length > 0 ? roles : known) {
  console.log(`\nMutation testing: ${role}`);
  const run = spawnSync('stryker', ['run'], {
    stdio: 'inherit',
    env: { ...process.env, MUTATION_ROLE: role },
  });
  if (run.status !== 0) failed.push(role);
}
if (failed.length > 0) {
  console.error(`Stryker failed for ${failed.join(', ')}.`);
  process.exit(1);
}
