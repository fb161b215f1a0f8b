import {
  ApiGatewayManagementApiClient,
  DeleteConnectionCommand,
  GoneException,
  PostToConnectionCommand,
} from '@aws-sdk/client-apigatewaymanagementapi';
import { mockClient } from 'aws-sdk-client-mock';
import { ApiGatewayConnectionMessenger } from '../../../../layers/domain/src/realtime/api-gateway-connection-messenger';

const sdk = mockClient(ApiGatewayManagementApiClient);
const messenger = new ApiGatewayConnectionMessenger(
  new ApiGatewayManagementApiClient({ region: 'us-east-1' }),
);
const gone = () => new GoneException({ message: 'gone', $metadata: { httpStatusCode: 410 } });

beforeEach(() => sdk.reset());

describe('ApiGatewayConnectionMessenger', () => {
  it('posts the frame as JSON to the connection', async () => {
    sdk.on(PostToConnectionCommand).resolves({});

    const outcome = await messenger.send('c1=', { type: 'pong' });

    expect(outcome).toBe('sent');
    const input = sdk.commandCalls(PostToConnectionCommand)[0]?.args[0].input;
    expect(input?.ConnectionId).toBe('c1=');
    expect(new TextDecoder().decode(input?.Data as Uint8Array)).toBe('{"type":"pong"}');
  });

  it('reports a connection that is gone (410) instead of failing', async () => {
    sdk.on(PostToConnectionCommand).rejects(gone());

    await expect(messenger.send('c1=', { type: 'pong' })).resolves.toBe('gone');
  });

  it('fails on other errors', async () => {
    sdk.on(PostToConnectionCommand).rejects(new Error('throttled'));

    await expect(messenger.send('c1=', { type: 'pong' })).rejects.toThrow('throttled');
  });

  it('treats disconnecting a connection that is gone as done', async () => {
    sdk.on(DeleteConnectionCommand).rejects(gone());

    await expect(messenger.disconnect('c1=')).resolves.toBeUndefined();
  });
});
