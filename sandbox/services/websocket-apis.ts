// Each WebSocket API of the template on its own local gateway
// (sandbox/websocket-gateway): the first on --websocket-port. Deployed
// `wss://` and `@connections` URLs in environments and outputs become local.
// Client-facing: they listen on --host, and their URLs name the public host.
import { planWebSocketGateways } from '../websocket-gateway/gateways';
import type { SandboxContext, StartedService } from './contract';

export async function start(context: SandboxContext): Promise<StartedService> {
  const apis = await planWebSocketGateways(
    context.model,
    context.resolve,
    context.portOf('websocket'),
    context.network,
  );
  const stop = await apis.start({ hosts: context.functions.hosted, log: context.accessLog });
  return { localize: apis.localize, stop };
}
