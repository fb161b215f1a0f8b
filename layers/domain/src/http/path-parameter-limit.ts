// On its own so that the API contract can state the limit without loading
// the router and, through it, the functions' Powertools instances.

/**
 * No id of ours (ULIDs, Cognito subs, device ids) comes near this: a longer
 * one names nothing, and DynamoDB would refuse it as a key (1 KiB at most).
 */
export const MAX_PATH_PARAMETER_LENGTH = 256;
