// The local sandbox, step by step: ports → template → every service of the
// table in its order (services/table.ts) → outputs. Everything comes from
// template.yaml; functions reach the local services only through the
// AWS_ENDPOINT_URL_* variables the services contribute.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeWholeSync } from './write-whole';
import type { SandboxOptions, SandboxService } from './services/contract';
import { createSandboxContext } from './services/context';
import { choosePorts } from './services/service-ports';
import { assertAsPredicted, predictedEndpointVariables } from './services/endpoint-variables';
import { createShutdown } from './services/shutdown';
import { startInOrder, type RowTiming } from './services/start-order';
import { writeSamLocalEnv } from './sam-local-env';
import { SANDBOX_SERVICES } from './services/table';
import { resolveOutputs } from './template/resolve';
import type { SandboxModel } from './template/model';

export type { SandboxOptions } from './services/contract';

export interface RunningSandbox {
  model: SandboxModel;
  /** The template's Outputs resolved to local values, plus the local endpoints. */
  outputs: Record<string, string>;
  outputsFile: string;
  /** Every started service's endpoint, by service name. */
  endpoints: Readonly<Record<string, string>>;
  stop(): Promise<void>;
}

export async function startSandbox(
  options: SandboxOptions,
  services: readonly SandboxService[] = SANDBOX_SERVICES,
): Promise<RunningSandbox> {
  const shutdown = createShutdown(options.log);
  try {
    // 1. Ports: fail early and clearly when one is taken.
    const ports = await choosePorts(services, options.ports, claimedPorts(options));
    // 2. The template, its secrets and local parameters, the state directories.
    const sandbox = createSandboxContext(options, ports, shutdown);
    // An earlier start that did not stop cleanly left its outputs: gone before any
    // row serves (the demo app reads the file as soon as it is there).
    const outputsFile = join(sandbox.context.directories.state, 'outputs.json');
    rmSync(outputsFile, { force: true });
    //    Every endpoint variable from its port: functions hosted before every row is up
    //    (the custom resources') name the local services too.
    const predicted = predictedEndpointVariables(services, ports, sandbox.context.network);
    Object.assign(sandbox.context.environment, predicted);
    // 3. Every service, each starting once the rows it needs were added, added in the
    //    table's order so that each sees what the ones before it gave.
    const timings = await startInOrder(services, sandbox.context, (service, started) => {
      shutdown.add(service.label, () => started.stop());
      assertAsPredicted(service, started, predicted);
      sandbox.add(service, started);
    });
    if (options.verbose) {
      const early = options.early?.dynamoDbLocal;
      if (early) options.log(`[start] DynamoDB Local's JVM spawned at ${seconds(early.spawnedMs)}`);
      timings.forEach((row) => options.log(rowTimingLine(row)));
    }
    // 4. Outputs, where scripts and apps find them after `sam deploy`.
    const { model, resolve, directories, endpoints, localize } = sandbox.context;
    const outputs = { ...localize(resolveOutputs(model, resolve)), ...sandbox.outputs };
    shutdown.add('outputs.json', async () => rmSync(outputsFile, { force: true }));
    // 5. The functions' live environments, for `sam local --env-vars`.
    const envFile = join(directories.state, 'env.json');
    writeSamLocalEnv(envFile, model, sandbox.context.functions.environments());
    shutdown.add('env.json', async () => rmSync(envFile, { force: true }));
    return { model, outputs, outputsFile, endpoints, stop: shutdown.run };
  } catch (error) {
    await shutdown.run();
    await options.early?.dynamoDbLocal?.abandon();
    throw error;
  }
}

/** The ports of children spawned before the sandbox was loaded: theirs already, not to be checked free. */
function claimedPorts({ early }: SandboxOptions): Record<string, number> {
  return early?.dynamoDbLocal ? { dynamodb: early.dynamoDbLocal.port } : {};
}

/** When a row of the table began and finished starting, for `--verbose`. */
function rowTimingLine({ label, beganMs, readyMs }: RowTiming): string {
  return `[start] ${label}: ${seconds(beganMs)} → ${seconds(readyMs)} (${seconds(readyMs - beganMs)})`;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Written last and atomically: its presence means the sandbox is ready. */
export function writeOutputs(sandbox: RunningSandbox): void {
  writeWholeSync(sandbox.outputsFile, `${JSON.stringify(sandbox.outputs, null, 2)}\n`);
}
