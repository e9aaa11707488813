import {
  SliQueryError,
  SliSourceUnavailableError,
} from '@reliability-suite/backstage-plugin-reliability-node';

/** One series of an instant vector: its labels and its value. */
export type InstantSample = { metric: Record<string, string>; value: number };

/** One series of a range query: its labels and its values by Unix time in seconds. */
export type RangeSeries = {
  metric: Record<string, string>;
  values: Array<[number, number]>;
};

export type PrometheusClientOptions = {
  baseUrl: string;
  headers?: Record<string, string>;
  /** Per request, in milliseconds. */
  timeoutMs: number;
};

type PrometheusBody = {
  status: 'success' | 'error';
  errorType?: string;
  error?: string;
  data?: { resultType: string; result: unknown };
};

// Prometheus answers these when the query itself is wrong; anything else (timeouts, overload,
// an unreachable server) says nothing about the SLO's definition.
const QUERY_ERROR_TYPES = new Set(['bad_data', 'execution']);

/**
 * A small client for Prometheus's HTTP API (`/api/v1/query`, `/api/v1/query_range`), also
 * served by Thanos, Mimir and Cortex. Queries go by POST so long batched queries fit.
 */
export class PrometheusClient {
  private readonly baseUrl: string;

  constructor(private readonly options: PrometheusClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
  }

  async query(
    expr: string,
    time: Date,
    signal?: AbortSignal,
  ): Promise<InstantSample[]> {
    const data = await this.post(
      '/api/v1/query',
      { query: expr, time: toUnixSeconds(time) },
      signal,
    );
    if (data.resultType === 'scalar' && isSample(data.result)) {
      return [{ metric: {}, value: Number(data.result[1]) }];
    }
    if (
      data.resultType !== 'vector' ||
      !isSeriesList(data.result, series => isSample(series.value))
    ) {
      throw this.malformed('a vector');
    }
    return data.result.map(series => ({
      metric: series.metric,
      value: Number((series.value as [number, string])[1]),
    }));
  }

  async queryRange(
    expr: string,
    start: Date,
    end: Date,
    stepSeconds: number,
    signal?: AbortSignal,
  ): Promise<RangeSeries[]> {
    const data = await this.post(
      '/api/v1/query_range',
      {
        query: expr,
        start: toUnixSeconds(start),
        end: toUnixSeconds(end),
        step: String(stepSeconds),
      },
      signal,
    );
    if (
      data.resultType !== 'matrix' ||
      !isSeriesList(
        data.result,
        series => Array.isArray(series.values) && series.values.every(isSample),
      )
    ) {
      throw this.malformed('a matrix');
    }
    return data.result.map(series => ({
      metric: series.metric,
      values: (series.values as Array<[number, string]>).map(([t, v]) => [
        t,
        Number(v),
      ]),
    }));
  }

  /** An answer in Prometheus's envelope whose data is not what the query returns. */
  private malformed(what: string): SliSourceUnavailableError {
    return new SliSourceUnavailableError(
      `Prometheus at ${this.baseUrl} answered a result that is not ${what}`,
    );
  }

  private async post(
    path: string,
    params: Record<string, string>,
    signal?: AbortSignal,
  ): Promise<NonNullable<PrometheusBody['data']>> {
    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method: 'POST',
        headers: {
          ...this.options.headers,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams(params).toString(),
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
    } catch (error) {
      if (timeout.aborted) {
        throw new SliSourceUnavailableError(
          `Prometheus at ${this.baseUrl} did not answer within ${this.options.timeoutMs} ms`,
        );
      }
      throw new SliSourceUnavailableError(
        `Prometheus at ${this.baseUrl} is unreachable: ${describeCause(error)}`,
      );
    }

    let body: PrometheusBody | undefined;
    try {
      body = (await response.json()) as PrometheusBody;
    } catch {
      body = undefined;
    }
    if (body?.status === 'success' && body.data) {
      return body.data;
    }
    if (body?.status === 'error') {
      const message = `Prometheus rejected the query (${body.errorType}): ${body.error}`;
      if (body.errorType && QUERY_ERROR_TYPES.has(body.errorType)) {
        throw new SliQueryError(message);
      }
      throw new SliSourceUnavailableError(message);
    }
    throw new SliSourceUnavailableError(
      `Prometheus at ${this.baseUrl} answered ${response.status} ${response.statusText} without a Prometheus API body`,
    );
  }
}

type RawSeries = { metric: Record<string, string> } & Record<string, unknown>;

/** `[unixSeconds, "value"]`, as Prometheus writes a sample. */
function isSample(value: unknown): value is [number, string] {
  return (
    Array.isArray(value) &&
    value.length === 2 &&
    typeof value[0] === 'number' &&
    typeof value[1] === 'string'
  );
}

function isSeriesList(
  result: unknown,
  isSeries: (series: RawSeries) => boolean,
): result is RawSeries[] {
  return (
    Array.isArray(result) &&
    result.every(
      series =>
        typeof series === 'object' &&
        series !== null &&
        typeof series.metric === 'object' &&
        series.metric !== null &&
        isSeries(series),
    )
  );
}

function toUnixSeconds(time: Date): string {
  return (time.getTime() / 1000).toFixed(3);
}

function describeCause(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })
    ?.cause;
  return cause?.code ?? cause?.message ?? String(error);
}
