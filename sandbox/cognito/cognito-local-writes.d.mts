/** Makes cognito-local's StormDB stores save whole files, one save at a time. */
export declare function saveStoresWhole(cognitoLocal: (id: string) => unknown): void;
