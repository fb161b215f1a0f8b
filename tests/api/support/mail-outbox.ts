import { sandboxOutputs } from './outputs';

/** A mail the local Cognito would have sent: to whom, and the code in it. */
export interface MailedCode {
  to: string;
  code: string;
}

/** The sandbox's mail outbox for one address, oldest first. */
export async function mailsTo(email: string): Promise<MailedCode[]> {
  const url = `${sandboxOutputs().MailOutboxUrl}?to=${encodeURIComponent(email)}`;
  return ((await (await fetch(url)).json()) as { items: MailedCode[] }).items;
}
