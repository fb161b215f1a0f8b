// An operation the sandbox adds to cognito-local, for the front's steps only:
// cognito-local lets no request write a user's `identities` attribute (it is
// not in the pool's schema, as on AWS), yet account linking changes exactly
// that. The front refuses this operation from clients (front/provider-links-step.ts).

/** The operation's name, as the front calls it on cognito-local. */
export const SET_USER_IDENTITIES = 'SandboxSetUserIdentities';

/**
 * Registers the operation in cognito-local's table of targets, before its
 * server is made. `cognitoLocal` requires from cognito-local's package.
 * Request: `UserPoolId`, `Username`, `Identities` (the attribute's JSON text;
 * empty removes it).
 */
export function addSandboxTargets(cognitoLocal) {
  const { Targets } = cognitoLocal('./lib/targets/targets');
  const { attributesAppend } = cognitoLocal('./lib/services/userPoolService');
  const { UserNotFoundError } = cognitoLocal('./lib/errors');
  Targets[SET_USER_IDENTITIES] =
    ({ cognito, clock }) =>
    async (ctx, req) => {
      const userPool = await cognito.getUserPool(ctx, req.UserPoolId);
      const user = await userPool.getUserByUsername(ctx, req.Username);
      if (!user) throw new UserNotFoundError();
      await userPool.saveUser(ctx, {
        ...user,
        Attributes: attributesAppend(user.Attributes, {
          Name: 'identities',
          Value: req.Identities,
        }),
        UserLastModifiedDate: clock.get(),
      });
      return {};
    };
}
