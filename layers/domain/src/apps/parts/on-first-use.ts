/** A port whose every member is an async method, as the adapters' ports are. */
type AsyncPort<T> = { [K in keyof T]: (...args: never[]) => Promise<unknown> };

/**
 * The port, with its adapter imported and created on the first call of any
 * method: a cold start that never calls it never loads the adapter's SDK
 * client, and the first call that does pays for it once. `methods` names
 * every method of the port (the compiler checks that none is missing).
 */
export function onFirstUse<T extends AsyncPort<T>>(
  create: () => Promise<T>,
  methods: { [K in keyof T]: true },
): T {
  let adapter: Promise<T> | undefined;
  const forward =
    (method: keyof T) =>
    async (...args: never[]): Promise<unknown> => {
      adapter ??= create();
      const created = await adapter;
      return created[method](...args);
    };
  return Object.fromEntries(
    (Object.keys(methods) as (keyof T)[]).map((method) => [method, forward(method)]),
  ) as T;
}
