// The few DOM helpers the demo needs: find by id, make an element, say what happened.

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`#${id} is missing from the page`);
  return found as T;
}

export const valueOf = (id: string): string => byId<HTMLInputElement>(id).value.trim();

export function element(
  tag: string,
  text?: string,
  attributes: Record<string, string> = {},
): HTMLElement {
  const made = document.createElement(tag);
  if (text !== undefined) made.textContent = text;
  for (const [name, value] of Object.entries(attributes)) made.setAttribute(name, value);
  return made;
}

export function status(text: string): void {
  byId('status').textContent = text;
}

/** Runs a button's action, showing a failure in the header instead of losing it. */
export function onClick(id: string, action: () => Promise<void>): void {
  byId(id).addEventListener('click', () => {
    action().catch((error: unknown) =>
      status(error instanceof Error ? error.message : String(error)),
    );
  });
}
