/**
 * Sandbox arguments that lift the template's stage throttling (100 requests/s,
 * bursts of 200): the benchmarks measure the sandbox, not API Gateway's limits.
 */
export const unthrottled = [
  '--parameter-overrides',
  'ThrottlingRateLimit=100000 ThrottlingBurstLimit=100000',
];
