// Each REST API of the template on its own local gateway (sandbox/rest-gateway):
// the first on --port, the others on free ports. Deployed API URLs in outputs
// and environments become the gateways' URLs. Client-facing: they listen on
// --host, and their URLs name the public host.
import { withHost } from '../network';
import { createCognitoAuthorizer, type TokenAuthorizer } from '../rest-gateway/authorizer';
import { startRestGateway, type RestGateway } from '../rest-gateway/server';
import type { PhysicalResources, RestApiSpec, SandboxModel } from '../template/model';
import type { PseudoParameters } from '../template/pseudo-parameters';
import type { SandboxContext, StartedService } from './contract';
import { createShutdown, orStop } from './shutdown';

export async function start(context: SandboxContext): Promise<StartedService> {
  const shutdown = createShutdown(context.log);
  const gateways = await orStop(shutdown.run, async () => {
    const started = new Map<string, RestGateway>();
    for (const [index, api] of context.model.restApis.entries()) {
      const gateway = await startGateway(context, api, index === 0 ? context.portOf('api') : 0);
      shutdown.add(`REST API ${api.logicalId}`, () => gateway.close());
      started.set(api.logicalId, {
        ...gateway,
        url: withHost(gateway.url, context.network.publicHost),
      });
    }
    return started;
  });
  const [first] = gateways.values();
  return {
    ...(first && { endpoint: first.url }),
    localize: (values) =>
      localizeApiUrls(values, context.model, context.resolve.resources, gateways, context.pseudo),
    stop: shutdown.run,
  };
}

function startGateway(context: SandboxContext, api: RestApiSpec, port: number) {
  return startRestGateway({
    port,
    host: context.network.bindHost,
    api,
    functions: context.model.functions,
    invoke: (id, event) =>
      context.functions.hostOf(id).invoke(event, { requestId: event.requestContext.requestId }),
    authorizers: authorizersOf(api.cognitoAuthorizers, context.model, context.resolve.resources),
    accountId: context.pseudo.accountId,
    iam: {
      credentials: context.issuedCredentials,
      methodArnPrefix: `arn:${context.pseudo.partition}:execute-api:${context.pseudo.region}:${context.pseudo.accountId}:${context.resolve.resources[api.logicalId]?.ref ?? api.logicalId}/${api.stageName}`,
    },
    log: context.accessLog,
  });
}

/**
 * A value such as `https://${Api}.execute-api.${AWS::Region}.amazonaws.com/${StageName}`
 * points at the local gateway instead.
 */
function localizeApiUrls(
  values: Record<string, string>,
  model: SandboxModel,
  resources: PhysicalResources,
  gateways: ReadonlyMap<string, RestGateway>,
  pseudo: PseudoParameters,
): Record<string, string> {
  const localized = { ...values };
  for (const api of model.restApis) {
    const gateway = gateways.get(api.logicalId);
    const apiId = resources[api.logicalId]?.ref;
    if (!gateway || !apiId) continue;
    const deployed = `https://${apiId}.execute-api.${pseudo.region}.${pseudo.urlSuffix}/${api.stageName}`;
    for (const [name, value] of Object.entries(localized)) {
      localized[name] = value.split(deployed).join(gateway.url);
    }
  }
  return localized;
}

function authorizersOf(
  cognitoAuthorizers: RestApiSpec['cognitoAuthorizers'],
  model: SandboxModel,
  resources: PhysicalResources,
): Record<string, TokenAuthorizer> {
  const authorizers: Record<string, TokenAuthorizer> = {};
  for (const [name, authorizer] of Object.entries(cognitoAuthorizers)) {
    const pool = model.userPools.find((p) => p.logicalId === authorizer.userPoolLogicalId);
    const issuer = resources[authorizer.userPoolLogicalId]?.attributes.ProviderURL;
    if (!pool || !issuer)
      throw new Error(`Authorizer ${name}: no user pool ${authorizer.userPoolLogicalId}`);
    authorizers[name] = createCognitoAuthorizer({
      header: authorizer.header,
      issuer,
      clientIds: pool.clients.map((client) => resources[client.logicalId]?.ref ?? ''),
      reauthorizeEverySeconds: authorizer.reauthorizeEverySeconds,
    });
  }
  return authorizers;
}
