// cognito-local prints each code it would email or text as a box on its
// output; this reads those boxes back into deliveries, line by line.

export interface CodeDelivery {
  username: string;
  destination: string;
  code: string;
  subject?: string;
  message?: string;
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
const FIELD = /^│\s+([A-Za-z ]+):\s+(.*?)\s*│$/;
const FIELD_NAMES: Record<string, keyof CodeDelivery> = {
  Username: 'username',
  Destination: 'destination',
  Code: 'code',
  'Email Subject': 'subject',
  'Email Message': 'message',
};

/** A line reader: call it with every output line; it calls `onDelivery` once per box. */
export function codeDeliveryReader(onDelivery: (delivery: CodeDelivery) => void) {
  let fields: Partial<CodeDelivery> | undefined;
  return (raw: string): void => {
    const line = raw.replace(ANSI, '').trim();
    if (line.includes('Confirmation Code Delivery')) {
      fields = {};
      return;
    }
    if (!fields) return;
    const field = FIELD.exec(line);
    const name = field ? FIELD_NAMES[field[1]?.trim() ?? ''] : undefined;
    if (name && field?.[2]) fields[name] = field[2];
    if (line.startsWith('╰')) {
      const { username, destination, code } = fields;
      if (username && destination && code) {
        onDelivery({ ...fields, username, destination, code });
      }
      fields = undefined;
    }
  };
}
