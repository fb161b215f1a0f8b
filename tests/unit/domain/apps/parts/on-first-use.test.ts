import { describe, expect, it } from '@jest/globals';
import { onFirstUse } from '../../../../../layers/domain/src/apps/parts/on-first-use';

interface Greeter {
  greet(name: string): Promise<string>;
  count(): Promise<number>;
}

/** An adapter that counts how often it is created and remembers its own state. */
function countingGreeter() {
  const created: string[] = [];
  const create = async (): Promise<Greeter> => {
    created.push('adapter');
    let calls = 0;
    return {
      async greet(name) {
        calls += 1;
        return `hello ${name}`;
      },
      async count() {
        return calls;
      },
    };
  };
  return { created, create };
}

describe('onFirstUse', () => {
  it('creates nothing until a method is called', () => {
    const { created, create } = countingGreeter();

    onFirstUse<Greeter>(create, { greet: true, count: true });

    expect(created).toEqual([]);
  });

  it('forwards the arguments and the result of the first call', async () => {
    const { create } = countingGreeter();
    const greeter = onFirstUse<Greeter>(create, { greet: true, count: true });

    const greeting = await greeter.greet('ada');

    expect(greeting).toBe('hello ada');
  });

  it('creates the adapter once, even for concurrent first calls, and keeps its state', async () => {
    const { created, create } = countingGreeter();
    const greeter = onFirstUse<Greeter>(create, { greet: true, count: true });

    await Promise.all([greeter.greet('a'), greeter.greet('b')]);
    const calls = await greeter.count();

    expect(created).toEqual(['adapter']);
    expect(calls).toBe(2);
  });

  it('calls the method on the adapter itself, so methods that use `this` work', async () => {
    class Counter {
      private total = 0;
      async add(amount: number): Promise<number> {
        this.total += amount;
        return this.total;
      }
    }
    const counter = onFirstUse<Pick<Counter, 'add'>>(async () => new Counter(), { add: true });

    await counter.add(2);

    await expect(counter.add(3)).resolves.toBe(5);
  });

  it('rejects the call when creating the adapter fails', async () => {
    const greeter = onFirstUse<Greeter>(
      async () => {
        throw new Error('no client');
      },
      { greet: true, count: true },
    );

    await expect(greeter.greet('ada')).rejects.toThrow('no client');
  });
});
