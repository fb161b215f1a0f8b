/** The operation the sandbox adds to cognito-local: sets a user's `identities` attribute. */
export declare const SET_USER_IDENTITIES: 'SandboxSetUserIdentities';

export declare function addSandboxTargets(cognitoLocal: (id: string) => unknown): void;
