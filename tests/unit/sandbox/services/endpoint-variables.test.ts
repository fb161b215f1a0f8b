import { readFileSync } from 'node:fs';
import {
  assertAsPredicted,
  predictedEndpointVariables,
} from '../../../../sandbox/services/endpoint-variables';
import type { SandboxService } from '../../../../sandbox/services/contract';
import { SANDBOX_SERVICES } from '../../../../sandbox/services/table';

const network = { bindHost: '0.0.0.0', publicHost: '192.168.1.20' };

function row(name: string, endpointVariable?: SandboxService['endpointVariable']): SandboxService {
  return {
    name,
    label: `the ${name} row`,
    ...(endpointVariable && { endpointVariable }),
    load: () => Promise.reject(new Error('not loaded')),
  };
}

describe('predictedEndpointVariables', () => {
  it('names loopback for internal services and the public host for client-facing ones', () => {
    const services = [
      row('sqs', { name: 'AWS_ENDPOINT_URL_SQS' }),
      row('s3', { name: 'AWS_ENDPOINT_URL_S3', host: 'public' }),
      row('docs'),
    ];

    const variables = predictedEndpointVariables(
      services,
      { sqs: 4566, s3: 4569, docs: 3003 },
      network,
    );

    expect(variables).toEqual({
      AWS_ENDPOINT_URL_SQS: 'http://127.0.0.1:4566',
      AWS_ENDPOINT_URL_S3: 'http://192.168.1.20:4569',
    });
  });

  it('gives every AWS_ENDPOINT_URL_* the template names a local value', () => {
    const ports = Object.fromEntries(SANDBOX_SERVICES.map(({ name }, n) => [name, 5000 + n]));
    // Declared empty in the template's Globals: left empty, an SDK client would call AWS.
    const named = new Set(readFileSync('template.yaml', 'utf8').match(/AWS_ENDPOINT_URL_\w+/g));

    const variables = predictedEndpointVariables(SANDBOX_SERVICES, ports, network);

    expect(named.size).toBeGreaterThan(0);
    expect([...named].filter((name) => !variables[name])).toEqual([]);
  });
});

describe('assertAsPredicted', () => {
  const sqs = row('sqs', { name: 'AWS_ENDPOINT_URL_SQS' });
  const predicted = { AWS_ENDPOINT_URL_SQS: 'http://127.0.0.1:4566' };
  const stop = async () => undefined;

  it('accepts a started service that gives the predicted URL', () => {
    const started = { environment: { AWS_ENDPOINT_URL_SQS: 'http://127.0.0.1:4566' }, stop };

    expect(() => assertAsPredicted(sqs, started, predicted)).not.toThrow();
  });

  it('fails the start when the service gives another URL than functions were given', () => {
    const started = { environment: { AWS_ENDPOINT_URL_SQS: 'http://localhost:4566' }, stop };

    expect(() => assertAsPredicted(sqs, started, predicted)).toThrow(
      'the sqs row gives AWS_ENDPOINT_URL_SQS=http://localhost:4566, but functions were given http://127.0.0.1:4566',
    );
  });
});
