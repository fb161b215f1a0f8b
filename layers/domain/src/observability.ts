import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Tracer } from '@aws-lambda-powertools/tracer';
import type { Context } from 'aws-lambda';
import { mapStackToSources } from './source-mapped-stack';

/** What handlers and adapters use of Powertools' Tracer. */
export type FunctionTracer = Pick<
  Tracer,
  | 'captureAWSv3Client'
  | 'getSegment'
  | 'setSegment'
  | 'annotateColdStart'
  | 'addServiceNameAnnotation'
  | 'addResponseAsMetadata'
  | 'addErrorAsMetadata'
>;

/** What the Tracer does when tracing is turned off: nothing, and clients stay as they are. */
const untraced: FunctionTracer = {
  captureAWSv3Client: (client) => client,
  getSegment: () => undefined,
  setSegment: () => undefined,
  annotateColdStart: () => undefined,
  addServiceNameAnnotation: () => undefined,
  addResponseAsMetadata: () => undefined,
  addErrorAsMetadata: () => undefined,
};

/** Powertools' own switch: `POWERTOOLS_TRACE_ENABLED=false` turns the Tracer off. */
export function tracingTurnedOff(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.POWERTOOLS_TRACE_ENABLED?.toLowerCase() === 'false';
}

/**
 * Powertools' Tracer, loaded only when tracing may be on. Loading it loads the
 * X-Ray SDK, whose cls-hooked namespace installs an async hook that runs on
 * every promise of every invocation (and tracks each one's destruction)
 * whether anything is traced or not. With tracing turned off, the stand-in
 * does what the disabled Tracer would do, without that cost.
 */
export async function createTracer(env: NodeJS.ProcessEnv = process.env): Promise<FunctionTracer> {
  if (tracingTurnedOff(env)) return untraced;
  const { Tracer } = await import('@aws-lambda-powertools/tracer');
  return new Tracer();
}

// One instance of each per cold start, shared by handlers, adapters and the router.
export const logger = new Logger();
export const tracer = await createTracer();
export const metrics = new Metrics();

export { MetricUnit };

export interface InstrumentOptions<TEvent> {
  /** Picks the id that ties this invocation's logs to the caller's request (e.g. the API request id). */
  correlationIdOf?: (event: TEvent) => string | undefined;
  /**
   * Errors that are the function's answer, not a failure (an authorizer's
   * `Unauthorized`): one INFO line without a stack, still thrown to Lambda.
   */
  isAnswer?: (error: unknown) => boolean;
}

/**
 * Wraps a handler with what Powertools' injectLambdaContext, captureLambdaHandler
 * and logMetrics do, without decorators or middy: Lambda context and correlation
 * id in every log line, a `## handler` subsegment with the cold start annotated,
 * the ColdStart metric, and stored metrics flushed even when the handler throws.
 */
export function instrumentHandler<TEvent, TResult>(
  handler: (event: TEvent, context: Context) => Promise<TResult>,
  options: InstrumentOptions<TEvent> = {},
): (event: TEvent, context: Context) => Promise<TResult> {
  return async (event, context) => {
    logger.addContext(context);
    const correlationId = options.correlationIdOf?.(event);
    if (correlationId !== undefined) logger.setCorrelationId(correlationId);
    metrics.captureColdStartMetric(context.functionName);

    const segment = tracer.getSegment();
    const subsegment = segment?.addNewSubsegment(`## ${context.functionName}`);
    if (subsegment) tracer.setSegment(subsegment);
    tracer.annotateColdStart();
    tracer.addServiceNameAnnotation();
    try {
      const result = await handler(event, context);
      tracer.addResponseAsMetadata(result, context.functionName);
      return result;
    } catch (error) {
      if (options.isAnswer?.(error)) {
        logger.info('Refused', { reason: error instanceof Error ? error.message : String(error) });
        throw error;
      }
      mapStackToSources(error);
      if (error instanceof Error) tracer.addErrorAsMetadata(error);
      logger.error('Invocation failed', error as Error);
      throw error;
    } finally {
      if (segment && subsegment) {
        subsegment.close();
        tracer.setSegment(segment);
      }
      if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
      logger.resetKeys();
    }
  };
}
