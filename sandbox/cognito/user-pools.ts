import {
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  ListGroupsCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  UpdateUserPoolClientCommand,
  UpdateUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type {
  CognitoIdentityProviderClient,
  ExplicitAuthFlowsType,
} from '@aws-sdk/client-cognito-identity-provider';
import type { PhysicalResources, UserPoolClientSpec, UserPoolSpec } from '../template/model';
import { applyMfaConfiguration } from './mfa-configuration';
import { LOCAL_PSEUDO_PARAMETERS, localArn } from '../template/pseudo-parameters';
import type { PseudoParameters } from '../template/pseudo-parameters';

/**
 * Creates the template's user pools, clients and groups, or finds them by name when they exist
 * (cognito-local generates the ids, so names are what stays stable across restarts).
 */
export async function ensureUserPools(
  client: CognitoIdentityProviderClient,
  pools: UserPoolSpec[],
  pseudo: PseudoParameters = LOCAL_PSEUDO_PARAMETERS,
): Promise<PhysicalResources> {
  const issuerBase = await endpointOf(client);
  const resources: PhysicalResources = {};
  for (const pool of pools) {
    const poolId = await ensurePool(client, pool);
    await applyMfaConfiguration(client, poolId, pool);
    const issuer = `${issuerBase}/${poolId}`;
    resources[pool.logicalId] = {
      ref: poolId,
      attributes: {
        Arn: localArn(pseudo, 'cognito-idp', `userpool/${poolId}`),
        // On AWS: cognito-idp.<region>.amazonaws.com/<poolId>, the issuer without its scheme.
        ProviderName: issuer.replace(/^https?:\/\//, ''),
        ProviderURL: issuer,
      },
    };
    for (const appClient of pool.clients) {
      resources[appClient.logicalId] = {
        ref: await ensureClient(client, poolId, appClient),
        attributes: {},
      };
    }
    for (const group of pool.groups) {
      await ensureGroup(client, poolId, group);
      resources[group.logicalId] = { ref: group.groupName, attributes: {} };
    }
  }
  return resources;
}

/** Tokens are issued by `<endpoint>/<poolId>`, so the endpoint is the issuer base. */
async function endpointOf(client: CognitoIdentityProviderClient): Promise<string> {
  const endpoint = await client.config.endpoint?.();
  if (!endpoint) throw new Error('The Cognito client must have a local endpoint (cognito-local)');
  const port = endpoint.port ? `:${endpoint.port}` : '';
  return `${endpoint.protocol}//${endpoint.hostname}${port}${endpoint.path.replace(/\/$/, '')}`;
}

async function ensurePool(
  client: CognitoIdentityProviderClient,
  pool: UserPoolSpec,
): Promise<string> {
  const policies = { PasswordPolicy: pool.passwordPolicy };
  // Without them the local Cognito sends no confirmation code at sign-up.
  const verified = {
    AutoVerifiedAttributes: pool.autoVerifiedAttributes as ('email' | 'phone_number')[],
  };
  const existingId = await findPoolId(client, pool.poolName);
  if (existingId) {
    await client.send(
      new UpdateUserPoolCommand({ UserPoolId: existingId, Policies: policies, ...verified }),
    );
    return existingId;
  }
  const { UserPool: created } = await client.send(
    new CreateUserPoolCommand({
      PoolName: pool.poolName,
      Policies: policies,
      ...verified,
      ...(pool.usernameAttributes.length > 0 && {
        UsernameAttributes: pool.usernameAttributes as ('email' | 'phone_number')[],
      }),
    }),
  );
  if (!created?.Id) throw new Error(`CreateUserPool for ${pool.poolName} returned no id`);
  return created.Id;
}

async function findPoolId(
  client: CognitoIdentityProviderClient,
  poolName: string,
): Promise<string | undefined> {
  let nextToken: string | undefined;
  do {
    const page = await client.send(
      new ListUserPoolsCommand({ MaxResults: 60, NextToken: nextToken }),
    );
    const match = page.UserPools?.find((pool) => pool.Name === poolName);
    if (match?.Id) return match.Id;
    nextToken = page.NextToken;
  } while (nextToken);
  return undefined;
}

async function ensureClient(
  client: CognitoIdentityProviderClient,
  poolId: string,
  appClient: UserPoolClientSpec,
): Promise<string> {
  const settings = {
    ExplicitAuthFlows: appClient.explicitAuthFlows as ExplicitAuthFlowsType[],
    // cognito-local honours the template's token lifetimes, so expiry behaves as on AWS.
    AccessTokenValidity: appClient.accessTokenValidity,
    IdTokenValidity: appClient.idTokenValidity,
    RefreshTokenValidity: appClient.refreshTokenValidity,
    TokenValidityUnits: appClient.tokenValidityUnits,
  };
  const existingId = await findClientId(client, poolId, appClient.clientName);
  if (existingId) {
    await client.send(
      new UpdateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientId: existingId,
        ...settings,
      }),
    );
    return existingId;
  }
  const { UserPoolClient: created } = await client.send(
    new CreateUserPoolClientCommand({
      UserPoolId: poolId,
      ClientName: appClient.clientName,
      GenerateSecret: false,
      ...settings,
    }),
  );
  if (!created?.ClientId)
    throw new Error(`CreateUserPoolClient for ${appClient.clientName} returned no id`);
  return created.ClientId;
}

async function findClientId(
  client: CognitoIdentityProviderClient,
  poolId: string,
  clientName: string,
): Promise<string | undefined> {
  let nextToken: string | undefined;
  do {
    const page = await client.send(
      new ListUserPoolClientsCommand({ UserPoolId: poolId, MaxResults: 60, NextToken: nextToken }),
    );
    const match = page.UserPoolClients?.find((candidate) => candidate.ClientName === clientName);
    if (match?.ClientId) return match.ClientId;
    nextToken = page.NextToken;
  } while (nextToken);
  return undefined;
}

async function ensureGroup(
  client: CognitoIdentityProviderClient,
  poolId: string,
  group: UserPoolSpec['groups'][number],
): Promise<void> {
  // Listing, because cognito-local answers GetGroup for a missing group with a 500.
  let nextToken: string | undefined;
  do {
    const page = await client.send(
      new ListGroupsCommand({ UserPoolId: poolId, Limit: 60, NextToken: nextToken }),
    );
    if (page.Groups?.some((existing) => existing.GroupName === group.groupName)) return;
    nextToken = page.NextToken;
  } while (nextToken);
  await client.send(
    new CreateGroupCommand({
      UserPoolId: poolId,
      GroupName: group.groupName,
      Description: group.description,
    }),
  );
}
