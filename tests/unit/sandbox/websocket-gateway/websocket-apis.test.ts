import { join, resolve } from 'node:path';
import { functionResources } from '../../../../sandbox/template/local-resources';
import { parseTemplate } from '../../../../sandbox/template/parse';
import { LOCAL_PSEUDO_PARAMETERS } from '../../../../sandbox/template/pseudo-parameters';
import type { PhysicalResources } from '../../../../sandbox/template/model';
import {
  localizeUrls,
  localWebSocketUrls,
  readWebSocketApis,
  webSocketApiResources,
} from '../../../../sandbox/websocket-gateway/websocket-apis';

const root = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '../../../..');
const model = parseTemplate(join(root, 'template.yaml'));
const resources: PhysicalResources = {
  ...functionResources(model, LOCAL_PSEUDO_PARAMETERS),
  ...webSocketApiResources(model),
};
const ctx = { parameters: model.parameters, resources, pseudo: LOCAL_PSEUDO_PARAMETERS };

describe('the WebSocket API of template.yaml, as the sandbox reads it', () => {
  const [api] = readWebSocketApis(model, ctx);

  it('has one WebSocket API on the template stage, routing by action', () => {
    expect(api).toMatchObject({
      logicalId: 'WebSocketApi',
      stageName: 'api',
      routeSelectionExpression: '$request.body.action',
    });
  });

  it('routes $connect, $disconnect, $default, ping and typing to WebSocketFunction', () => {
    const routes = Object.values(api?.routes ?? {});

    expect(routes.map((route) => route.routeKey).sort()).toEqual(
      ['$connect', '$default', '$disconnect', 'ping', 'typing'].sort(),
    );
    expect(new Set(routes.map((route) => route.functionLogicalId))).toEqual(
      new Set(['WebSocketFunction']),
    );
  });

  it('guards $connect alone with the token authorizer from the query string', () => {
    const guarded = Object.values(api?.routes ?? {}).filter((route) => route.authorizer);

    expect(guarded.map((route) => route.routeKey)).toEqual(['$connect']);
    expect(guarded[0]?.authorizer).toEqual({
      functionLogicalId: 'WebSocketAuthorizerFunction',
      identitySource: ['route.request.querystring.token'],
    });
  });

  it('points the deployed wss:// and https:// stage URLs at the local gateway', () => {
    if (!api) throw new Error('no WebSocket API');
    const replacements = localWebSocketUrls(api, 'http://127.0.0.1:3002', LOCAL_PSEUDO_PARAMETERS);
    const host = `${api.apiId}.execute-api.us-east-1.amazonaws.com`;

    const localized = localizeUrls(
      { url: `wss://${host}/api`, management: `https://${host}/api`, other: 'https://x' },
      replacements,
    );

    expect(localized).toEqual({
      url: 'ws://127.0.0.1:3002/api',
      management: 'http://127.0.0.1:3002/api',
      other: 'https://x',
    });
  });
});
