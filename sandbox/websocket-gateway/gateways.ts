// The template's WebSocket APIs in the sandbox: ports and local URLs are
// decided before the functions start (their environments name the
// `@connections` endpoint), the gateways start with the other gateways.
import { urlHost, type SandboxNetwork } from '../network';
import { freePort } from '../ports';
import type { FunctionHost } from '../runtime/function-host';
import type { SandboxModel } from '../template/model';
import type { PseudoParameters } from '../template/pseudo-parameters';
import type { ResolveContext } from '../template/resolve';
import { startWebSocketGateway, type WebSocketGateway } from './server';
import {
  localizeUrls,
  localWebSocketUrls,
  readWebSocketApis,
  type WebSocketApiSpec,
} from './websocket-apis';

export interface LocalWebSocketApis {
  /** Deployed `wss://` and `https://` URLs of the APIs' stages replaced by the local ones. */
  localize(values: Record<string, string>): Record<string, string>;
  /** Starts every gateway; resolves to what stops them. */
  start(options: {
    hosts: ReadonlyMap<string, FunctionHost>;
    log: (line: string) => void;
  }): Promise<() => Promise<void>>;
}

export async function planWebSocketGateways(
  model: SandboxModel,
  ctx: ResolveContext,
  firstPort: number,
  network: SandboxNetwork,
): Promise<LocalWebSocketApis> {
  const apis = readWebSocketApis(model, ctx);
  const planned: { api: WebSocketApiSpec; port: number }[] = [];
  for (const [index, api] of apis.entries()) {
    const port = index === 0 ? firstPort : await freePort();
    planned.push({ api, port });
  }
  const pseudo: PseudoParameters = ctx.pseudo;
  const replacements = planned.flatMap(({ api, port }) =>
    localWebSocketUrls(api, `http://${urlHost(network.publicHost)}:${port}`, pseudo),
  );
  return {
    localize: (values) => localizeUrls(values, replacements),
    async start({ hosts, log }) {
      const gateways: WebSocketGateway[] = [];
      for (const { api, port } of planned) {
        gateways.push(
          await startWebSocketGateway({
            port,
            host: network.bindHost,
            api,
            region: pseudo.region,
            accountId: pseudo.accountId,
            invoke: (id, event, requestId) => {
              const host = hosts.get(id);
              if (!host) throw new Error(`${api.logicalId}: no function ${id}`);
              return host.invoke(event, { requestId });
            },
            log,
          }),
        );
      }
      return async () => {
        await Promise.all(gateways.map((gateway) => gateway.close()));
      };
    },
  };
}
