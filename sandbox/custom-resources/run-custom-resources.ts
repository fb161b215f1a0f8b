// Custom resources at sandbox start, as CloudFormation runs them at stack
// creation: for each `Custom::*` / `AWS::CloudFormation::CustomResource`
// whose condition holds (in template order), its properties resolved, a real
// Create event to the ServiceToken's function with a one-shot ResponseURL,
// and the reply awaited. FAILED, or no reply, stops the sandbox with the
// reason; SUCCESS makes the physical id and Data what `!Ref` and `!GetAtt` give.
import { randomUUID } from 'node:crypto';
import type {
  CloudFormationCustomResourceCreateEvent,
  CloudFormationCustomResourceResponse,
} from 'aws-lambda';
import { hostOfArn, unqualifiedFunctionArn } from '../runtime/function-arn';
import type { FunctionHost } from '../runtime/function-host';
import type { PhysicalResources, SandboxModel } from '../template/model';
import { pseudoParameterValue } from '../template/pseudo-parameters';
import { resolveValue, type ResolveContext } from '../template/resolve';
import { referencedIds } from '../template/template-document';
import type { KeptResults } from './kept-results';
import { receiveOneResponse } from './response-receiver';

type TemplateResource = SandboxModel['resources'][number];

export interface CustomResourceRun {
  model: Pick<SandboxModel, 'resources'>;
  /** Resources resolved so far; each custom resource is added once created, for the next ones. */
  ctx: ResolveContext;
  /** The hosted functions, by logical id. */
  hosts: ReadonlyMap<string, FunctionHost>;
  /** Results of earlier starts that still hold; undefined creates every resource. */
  kept?: KeptResults;
  log: (line: string) => void;
}

export function isCustomResource(resource: Pick<TemplateResource, 'type'>): boolean {
  return (
    resource.type.startsWith('Custom::') || resource.type === 'AWS::CloudFormation::CustomResource'
  );
}

/** Logical id of the function behind one custom resource's ServiceToken; undefined for another ARN. */
export function serviceTokenFunctionOf(
  resource: TemplateResource,
  ctx: ResolveContext,
): string | undefined {
  const arn = unqualifiedFunctionArn(serviceTokenOf(resource, ctx));
  return Object.entries(ctx.resources).find(([, physical]) => physical.attributes.Arn === arn)?.[0];
}

/** Logical ids of the functions behind the template's custom resources (their ServiceTokens). */
export function serviceTokenFunctions(
  model: Pick<SandboxModel, 'resources'>,
  ctx: ResolveContext,
): Set<string> {
  const arns = new Set(
    model.resources
      .filter(isCustomResource)
      .map((resource) => unqualifiedFunctionArn(serviceTokenOf(resource, ctx))),
  );
  return new Set(
    Object.entries(ctx.resources)
      .filter(([, physical]) => arns.has(physical.attributes.Arn ?? ''))
      .map(([logicalId]) => logicalId),
  );
}

/**
 * Creates every custom resource, each as soon as the custom resources its
 * properties refer to exist (CloudFormation's order; the others at once);
 * returns their physical resources.
 */
export async function runCustomResources(run: CustomResourceRun): Promise<PhysicalResources> {
  const byId = new Map(
    run.model.resources.filter(isCustomResource).map((resource) => [resource.logicalId, resource]),
  );
  const creations = new Map<string, Promise<void>>();
  const inTurn = oneAtATimePerFunction();
  const created: PhysicalResources = {};
  const referring = new Set<string>();
  // Started on first need, so a resource waits for those it refers to wherever they are declared.
  const creationOf = (id: string): Promise<void> => {
    const started = creations.get(id);
    if (started) return started;
    if (referring.has(id))
      throw new Error(`Custom resources refer to each other in a cycle: ${id}`);
    referring.add(id);
    const resource = byId.get(id) as TemplateResource;
    const before = [...referencedIds(resource.properties)].filter((other) => byId.has(other));
    const creation = Promise.all(before.map(creationOf)).then(async () => {
      const host = hostOf(serviceTokenOf(resource, run.ctx), run.hosts, describe(resource));
      const properties = sentProperties(resource, run.ctx);
      const kept = run.kept?.find(resource.logicalId, properties);
      const physical = kept ?? (await inTurn(host, () => create(resource, properties, host, run)));
      if (!kept) run.kept?.remember(resource.logicalId, properties, physical);
      created[resource.logicalId] = physical;
      run.ctx.resources[resource.logicalId] = physical;
      run.log(
        `Custom resource ${describe(resource)}: ${physical.ref}${kept ? ' (kept from the last start)' : ''}`,
      );
    });
    creation.catch(() => undefined);
    creations.set(id, creation);
    referring.delete(id);
    return creation;
  };
  for (const id of byId.keys()) void creationOf(id);
  // Every creation settles before the first failure is reported, so that none runs on after the stop.
  const failed = (await Promise.allSettled(creations.values())).find(
    (outcome) => outcome.status === 'rejected',
  );
  if (failed) throw failed.reason;
  return created;
}

/**
 * The resources of one function are created one after another, each in the
 * environment the one before left warm: CloudFormation would send their
 * events at once, but locally a second environment is a second thread
 * loading the same bundle while DynamoDB Local boots on the same cores.
 * Each still gets its own Create event; only their timing differs.
 */
function oneAtATimePerFunction() {
  const lastTurn = new Map<FunctionHost, Promise<unknown>>();
  return <T>(host: FunctionHost, work: () => Promise<T>): Promise<T> => {
    const turn = (lastTurn.get(host) ?? Promise.resolve()).catch(() => undefined).then(work);
    lastTurn.set(host, turn);
    return turn;
  };
}

function describe(resource: TemplateResource): string {
  return `${resource.logicalId} (${resource.type})`;
}

async function create(
  resource: TemplateResource,
  properties: CloudFormationCustomResourceCreateEvent['ResourceProperties'],
  host: FunctionHost,
  run: CustomResourceRun,
): Promise<PhysicalResources[string]> {
  const where = describe(resource);
  const receiver = await receiveOneResponse();
  try {
    const event = createEvent(resource, properties, run.ctx, receiver.url);
    const result = await host.invoke(event);
    const reply = receiver.received();
    if (!reply) {
      const detail = result.status === 'failed' ? `: ${result.error.errorMessage}` : '';
      throw new Error(
        `${where}: its function returned without replying to CloudFormation${detail}`,
      );
    }
    const checked = checkedReply(reply, event, where);
    return { ref: checked.PhysicalResourceId, attributes: dataOf(checked) };
  } finally {
    await receiver.close();
  }
}

/** The resource's properties resolved, as CloudFormation sends them. */
function sentProperties(
  resource: TemplateResource,
  ctx: ResolveContext,
): CloudFormationCustomResourceCreateEvent['ResourceProperties'] {
  return asCloudFormationSends(
    resolveValue(resource.properties, ctx, `${resource.logicalId} properties`),
  ) as CloudFormationCustomResourceCreateEvent['ResourceProperties'];
}

function createEvent(
  resource: TemplateResource,
  properties: CloudFormationCustomResourceCreateEvent['ResourceProperties'],
  ctx: ResolveContext,
  responseUrl: string,
): CloudFormationCustomResourceCreateEvent {
  return {
    RequestType: 'Create',
    ServiceToken: properties.ServiceToken,
    ResponseURL: responseUrl,
    StackId: String(pseudoParameterValue(ctx.pseudo, 'AWS::StackId')),
    RequestId: randomUUID(),
    LogicalResourceId: resource.logicalId,
    ResourceType: resource.type,
    ResourceProperties: properties,
  };
}

function checkedReply(
  reply: CloudFormationCustomResourceResponse,
  event: CloudFormationCustomResourceCreateEvent,
  where: string,
): CloudFormationCustomResourceResponse {
  if (reply.Status === 'FAILED') throw new Error(`${where} failed: ${reply.Reason}`);
  const mismatched = (['StackId', 'RequestId', 'LogicalResourceId'] as const).filter(
    (field) => reply[field] !== event[field],
  );
  if (reply.Status !== 'SUCCESS' || mismatched.length > 0 || !reply.PhysicalResourceId) {
    throw new Error(
      `${where}: CloudFormation would refuse its reply (Status ${String(reply.Status)}` +
        `${mismatched.length > 0 ? `, wrong ${mismatched.join(', ')}` : ''}` +
        `${reply.PhysicalResourceId ? '' : ', no PhysicalResourceId'})`,
    );
  }
  return reply;
}

function serviceTokenOf(resource: TemplateResource, ctx: ResolveContext): string {
  const token = resolveValue(
    resource.properties.ServiceToken,
    ctx,
    `${resource.logicalId}.ServiceToken`,
  );
  if (typeof token !== 'string' || token === '') {
    throw new Error(`${resource.logicalId} (${resource.type}) has no ServiceToken`);
  }
  return token;
}

function hostOf(
  arn: string,
  hosts: ReadonlyMap<string, FunctionHost>,
  where: string,
): FunctionHost {
  const host = hostOfArn(hosts, arn);
  if (!host) {
    throw new Error(
      `${where}: its ServiceToken ${arn} is not a function of this template (SNS topics are not supported)`,
    );
  }
  return host;
}

/**
 * A ServiceToken may name a version or an alias (`!Ref Fn.Alias`); locally
 * each qualifier runs the function's one local version.
 */
/** Data values as `!GetAtt` gives them: text. */
function dataOf(reply: CloudFormationCustomResourceResponse): Record<string, string> {
  return Object.fromEntries(
    Object.entries(reply.Data ?? {}).map(([name, value]) => [
      name,
      typeof value === 'string' ? value : JSON.stringify(value),
    ]),
  );
}

/** CloudFormation sends every scalar of the properties as a string. */
function asCloudFormationSends(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asCloudFormationSends);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, asCloudFormationSends(item)]),
    );
  }
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
}
