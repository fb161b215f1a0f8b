import { codeDeliveryReader, type CodeDelivery } from '../../../../sandbox/cognito/code-deliveries';

// The box cognito-local 5.3 prints for a sign-up, as its output arrives.
const signUpBox = [
  '[1796118537283] \u001b[32mINFO\u001b[39m: \u001b[36mb450d576 SignUp ╭─────────────╮',
  '│                                                       │',
  '│   Confirmation Code Delivery                          │',
  '│                                                       │',
  '│   Username:    6c38cd1c-4419-46c1-8d17-62741b767881   │',
  '│   Destination: x@example.com                          │',
  '│   Code:        394603                                 │',
  '│                                                       │',
  '╰─────────────╯\u001b[39m \u001b[90m{"reqId":"b450d576","target":"SignUp"}\u001b[39m',
];

function read(lines: string[]): CodeDelivery[] {
  const deliveries: CodeDelivery[] = [];
  const reader = codeDeliveryReader((delivery) => deliveries.push(delivery));
  lines.forEach(reader);
  return deliveries;
}

describe("cognito-local's confirmation code boxes", () => {
  it('read back as one delivery with user, destination and code', () => {
    expect(read(signUpBox)).toEqual([
      {
        username: '6c38cd1c-4419-46c1-8d17-62741b767881',
        destination: 'x@example.com',
        code: '394603',
      },
    ]);
  });

  it('ignore the lines around them, and read each box on its own', () => {
    const lines = ['[1] INFO: started', ...signUpBox, 'other output', ...signUpBox];

    expect(read(lines)).toHaveLength(2);
  });

  it('give nothing for a box without a code', () => {
    expect(read(signUpBox.filter((line) => !line.includes('Code:')))).toEqual([]);
  });
});
