// Where a function's stdout/stderr go: every line to the log file when there
// is one, and a readable line on the sandbox console unless it is quiet.
// EMF metric documents and debug lines reach the console only when verbose.
import { createWriteStream, type WriteStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { consoleLineOf } from './console-line';

export interface LogOutput {
  /** Copies a worker's output stream, line by line. */
  follow(stream: Readable, channel: 'stdout' | 'stderr'): void;
  line(text: string, channel?: 'stdout' | 'stderr'): void;
  close(): Promise<void>;
}

export interface LogOutputOptions {
  prefix: string;
  /** Every line, as the function wrote it. */
  file?: string;
  /** Also on the console; defaults to true without a file (quiet mode is a file alone). */
  console?: boolean;
  /** Metric documents and debug lines on the console too. */
  verbose?: boolean;
}

export function createLogOutput(options: LogOutputOptions): LogOutput {
  const file: WriteStream | undefined = options.file
    ? createWriteStream(options.file, { flags: 'a' })
    : undefined;
  const toConsole = options.console ?? file === undefined;
  const prefix = `[${options.prefix}] `;

  const line = (text: string, channel: 'stdout' | 'stderr' = 'stdout'): void => {
    file?.write(`${prefix}${text}\n`);
    if (!toConsole) return;
    const shown = consoleLineOf(text, options.verbose ?? false);
    if (shown !== undefined) {
      (channel === 'stderr' ? process.stderr : process.stdout).write(`${prefix}${shown}\n`);
    }
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
