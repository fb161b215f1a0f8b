// Where a function's stdout/stderr go: the sandbox console, each line
// prefixed with the function name, or a log file (quiet mode, for tests).
import { createWriteStream, type WriteStream } from 'node:fs';
import type { Readable } from 'node:stream';

export interface LogOutput {
  /** Copies a worker's output stream, line by line. */
  follow(stream: Readable, channel: 'stdout' | 'stderr'): void;
  line(text: string, channel?: 'stdout' | 'stderr'): void;
  close(): Promise<void>;
}

export function createLogOutput(options: { prefix: string; file?: string }): LogOutput {
  const file: WriteStream | undefined = options.file
    ? createWriteStream(options.file, { flags: 'a' })
    : undefined;
  const prefix = `[${options.prefix}] `;

  const line = (text: string, channel: 'stdout' | 'stderr' = 'stdout'): void => {
    const target = file ?? (channel === 'stderr' ? process.stderr : process.stdout);
    target.write(`${prefix}${text}\n`);
  };

  return {
    line,
    follow(stream, channel) {
      let partial = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        const lines = (partial + chunk).split('\n');
        partial = lines.pop() ?? '';
        for (const text of lines) line(text, channel);
      });
      stream.on('end', () => {
        if (partial) line(partial, channel);
        partial = '';
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (file) file.end(resolve);
        else resolve();
      }),
  };
}
