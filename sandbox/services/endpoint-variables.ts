// The AWS_ENDPOINT_URL_* variable of every service that has one, known from
// the ports chosen before anything starts: a function hosted before the rest
// of the table is up (a custom resource's) still names only local endpoints,
// never a deployed service's. A service that then gives another URL than the
// one predicted fails the start, since functions were already given that one.
import { LOOPBACK, urlHost, type SandboxNetwork } from '../network';
import type { SandboxService, StartedService } from './contract';

/** By variable name, e.g. `AWS_ENDPOINT_URL_SQS: http://127.0.0.1:4566`. */
export function predictedEndpointVariables(
  services: readonly SandboxService[],
  ports: Readonly<Record<string, number>>,
  network: SandboxNetwork,
): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const { name, endpointVariable } of services) {
    const port = ports[name];
    if (!endpointVariable || port === undefined) continue;
    const host = endpointVariable.host === 'public' ? network.publicHost : LOOPBACK;
    variables[endpointVariable.name] = `http://${urlHost(host)}:${port}`;
  }
  return variables;
}

/** An error when a started service's endpoint variable is not the one functions were given. */
export function assertAsPredicted(
  service: SandboxService,
  started: StartedService,
  predicted: Readonly<Record<string, string>>,
): void {
  const variable = service.endpointVariable?.name;
  if (!variable || predicted[variable] === undefined) return;
  const given = started.environment?.[variable];
  if (given !== predicted[variable]) {
    throw new Error(
      `${service.label} gives ${variable}=${given ?? '(nothing)'}, but functions were given ${predicted[variable]}: ` +
        'its row in sandbox/services/table.ts must say how its URL is formed',
    );
  }
}
