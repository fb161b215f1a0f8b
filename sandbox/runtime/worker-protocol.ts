// Messages between a function host and the worker thread that runs one
// execution environment. Events and results travel as JSON text, as they do
// between the Lambda service and the runtime.

export interface LambdaError {
  errorType: string;
  errorMessage: string;
  trace: string[];
}

export interface WorkerStartData {
  /** Absolute path of the built handler module. */
  handlerFile: string;
  /** Export path after the file name in `Handler`, e.g. `handler`. */
  exportPath: string;
  enableSourceMaps: boolean;
  /** Node's compile cache of the sandbox process, used by this thread too; undefined when off. */
  compileCacheDirectory?: string;
}

export interface InvokeContextFields {
  awsRequestId: string;
  functionName: string;
  functionVersion: string;
  invokedFunctionArn: string;
  memoryLimitInMB: string;
  logGroupName: string;
  logStreamName: string;
}

export interface InvokeMessage {
  type: 'invoke';
  eventJson: string;
  context: InvokeContextFields;
  /** Epoch milliseconds at which the invocation times out. */
  deadline: number;
  traceId: string;
}

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'init-error'; error: LambdaError }
  | { type: 'result'; payload: string }
  | { type: 'error'; error: LambdaError };

export function toLambdaError(thrown: unknown): LambdaError {
  if (thrown instanceof Error) {
    // The Node.js runtime's shape: the whole stack, one line per entry, as `trace`.
    return {
      errorType: thrown.name,
      errorMessage: thrown.message,
      trace: (thrown.stack ?? '').split('\n'),
    };
  }
  return { errorType: typeof thrown, errorMessage: String(thrown), trace: [] };
}
