// `<state-dir>/env.json`: the live environment of every function, in the shape
// `sam local invoke|start-api --env-vars` reads, so a `sam local` run (with
// `--docker-network host` on Linux, where the container shares 127.0.0.1)
// talks to this sandbox's pool, tables, queues and endpoints.
import { writeFileSync } from 'node:fs';
import type { SandboxModel } from './template/model';

/** Only the variables the template declares: sam local drops any other. */
export function samLocalEnvironments(
  model: SandboxModel,
  environments: Record<string, Record<string, string>>,
): Record<string, Record<string, string>> {
  return Object.fromEntries(
    model.functions.map((fn) => {
      const live = environments[fn.logicalId] ?? {};
      const declared = Object.keys(fn.environment).filter((name) => name in live);
      return [fn.logicalId, Object.fromEntries(declared.map((name) => [name, live[name] ?? '']))];
    }),
  );
}

export function writeSamLocalEnv(
  file: string,
  model: SandboxModel,
  environments: Record<string, Record<string, string>>,
): void {
  writeFileSync(file, `${JSON.stringify(samLocalEnvironments(model, environments), null, 2)}\n`);
}
