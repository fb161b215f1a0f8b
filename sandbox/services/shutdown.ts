// One way to stop what was started: in reverse order, each step awaited, a
// failing step logged without keeping the others from stopping.
export interface Shutdown {
  /** Registers what stops the piece just started. */
  add(label: string, stop: () => Promise<void>): void;
  /** Stops everything registered, last started first; later calls stop nothing twice. */
  run(): Promise<void>;
}

export function createShutdown(log: (line: string) => void): Shutdown {
  const steps: { label: string; stop: () => Promise<void> }[] = [];
  return {
    add(label, stop) {
      steps.push({ label, stop });
    },
    async run() {
      for (let step = steps.pop(); step; step = steps.pop()) {
        try {
          await step.stop();
        } catch (error) {
          log(`Stopping ${step.label} failed: ${error instanceof Error ? error.message : error}`);
        }
      }
    },
  };
}

/** Runs the rest of a start; when it fails, stops what was already started and rethrows. */
export async function orStop<T>(stop: () => Promise<void>, rest: () => Promise<T>): Promise<T> {
  try {
    return await rest();
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}
