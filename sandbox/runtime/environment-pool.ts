// The execution environments of one function: an idle one is reused (warm),
// a new one starts (cold) while fewer than the limit are alive, and beyond
// the limit invocations wait in line for one to be released. Retiring starts
// a new generation: older environments end once idle, so that the next
// invocation runs rebuilt code.
import type { ExecutionEnvironment } from './execution-environment';

export interface StartedEnvironment {
  environment: ExecutionEnvironment;
  logStreamName: string;
}

export interface PooledEnvironment extends StartedEnvironment {
  generation: number;
  /** Invocations given to it so far: the first one is the cold start. */
  invocations: number;
}

interface Waiter {
  resolve: (pooled: PooledEnvironment) => void;
  reject: (error: Error) => void;
}

export class EnvironmentPool {
  private generation = 0;
  private closedState = false;
  /** Environments alive or starting; bounded by maxEnvironments. */
  private population = 0;
  private readonly all = new Set<PooledEnvironment>();
  private readonly idle: PooledEnvironment[] = [];
  private readonly waiting: Waiter[] = [];
  private readonly maxEnvironments: number;
  private readonly start: () => Promise<StartedEnvironment>;

  constructor(maxEnvironments: number, start: () => Promise<StartedEnvironment>) {
    this.maxEnvironments = maxEnvironments;
    this.start = start;
  }

  get closed(): boolean {
    return this.closedState;
  }

  /** A warm environment of the current generation, a new one, or the next one released. */
  async acquire(): Promise<PooledEnvironment> {
    for (let pooled = this.idle.pop(); pooled; pooled = this.idle.pop()) {
      if (this.isCurrent(pooled)) return pooled;
      this.discard(pooled);
    }
    if (this.population < this.maxEnvironments) {
      this.population += 1;
      try {
        return await this.startPooled();
      } catch (error) {
        this.population -= 1;
        throw error;
      }
    }
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  /** Hands the environment to the next in line, or keeps it warm; a stale one ends. */
  release(pooled: PooledEnvironment): void {
    const reusable = !this.closedState && this.isCurrent(pooled);
    if (!reusable) this.discard(pooled);
    const waiter = this.waiting.shift();
    if (!waiter) {
      if (reusable) this.idle.push(pooled);
    } else if (reusable) {
      waiter.resolve(pooled);
    } else {
      this.acquire().then(waiter.resolve, waiter.reject);
    }
  }

  /** Ends the idle environments now and the busy ones when they are released. */
  retire(): void {
    this.generation += 1;
    for (const pooled of this.idle.splice(0)) this.discard(pooled);
  }

  /** Refuses those in line with the reason and ends every environment. */
  async close(reason: string): Promise<void> {
    this.closedState = true;
    for (const waiter of this.waiting.splice(0)) waiter.reject(new Error(reason));
    const environments = [...this.all];
    this.all.clear();
    this.idle.length = 0;
    await Promise.all(environments.map((pooled) => pooled.environment.terminate()));
  }

  private isCurrent(pooled: PooledEnvironment): boolean {
    return pooled.environment.alive && pooled.generation === this.generation;
  }

  private async startPooled(): Promise<PooledEnvironment> {
    const started = await this.start();
    const pooled = { ...started, generation: this.generation, invocations: 0 };
    this.all.add(pooled);
    // Closed while it started: it ends at once.
    if (this.closedState) void pooled.environment.terminate();
    return pooled;
  }

  private discard(pooled: PooledEnvironment): void {
    if (this.all.delete(pooled)) this.population -= 1;
    void pooled.environment.terminate();
  }
}
