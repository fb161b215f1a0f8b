// Signs in with the Cognito SDK's own USER_SRP_AUTH (its default), as a
// mobile app built on it does; prints the ID token, or the SDK's error.
import { AuthenticationDetails, CognitoUser, CognitoUserPool } from 'amazon-cognito-identity-js';
import { text } from 'node:stream/consumers';

const input = JSON.parse(await text(process.stdin));
const pool = new CognitoUserPool({
  UserPoolId: input.userPoolId,
  ClientId: input.clientId,
  endpoint: input.endpoint,
});
const user = new CognitoUser({ Username: input.username, Pool: pool });
const result = await new Promise((done) =>
  user.authenticateUser(
    new AuthenticationDetails({ Username: input.username, Password: input.password }),
    {
      onSuccess: (session) => done({ idToken: session.getIdToken().getJwtToken() }),
      onFailure: (error) => done({ error: { code: error.code, message: error.message } }),
    },
  ),
);
process.stdout.write(JSON.stringify(result));
