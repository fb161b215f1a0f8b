import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';
import type { Context } from 'aws-lambda';
import { mapStackToSources } from './source-mapped-stack';

// One instance of each per cold start, shared by handlers, adapters and the router.
export const logger = new Logger();
export const tracer = new Tracer();
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
