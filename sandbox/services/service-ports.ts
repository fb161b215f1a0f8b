// Step 1 of a start: every port a service of the table listens on, checked
// free (or a free one chosen for 0) before anything starts, so a taken port
// fails the start at once and names the option that moves it.
import { assertPortFree, freePort } from '../ports';
import type { SandboxService } from './contract';

/**
 * By service name; a service missing from `requested` gets a free port.
 * `claimed` are ports this process already listens on (a child spawned
 * early), taken as they are.
 */
export async function choosePorts(
  services: readonly SandboxService[],
  requested: Readonly<Record<string, number>>,
  claimed: Readonly<Record<string, number>> = {},
): Promise<Record<string, number>> {
  const ports: Record<string, number> = { ...claimed };
  for (const { name, label, port } of services) {
    if (!port || name in claimed) continue;
    const wanted = requested[name] ?? 0;
    if (wanted === 0) ports[name] = await freePort();
    else {
      await assertPortFree(wanted, label, `--${port.flag}`);
      ports[name] = wanted;
    }
  }
  return ports;
}
