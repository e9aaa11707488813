/** The parts of PagerDuty's REST API v2 responses the suite reads. */
export type PagerDutyReference = {
  id: string;
  type: string;
  summary: string;
  html_url?: string;
};

export type PagerDutyService = {
  id: string;
  name: string;
  summary?: string;
  html_url?: string;
  escalation_policy: PagerDutyReference;
};

export type PagerDutyEscalationPolicy = {
  id: string;
  name: string;
  summary?: string;
  html_url?: string;
  escalation_rules: Array<{
    id: string;
    escalation_delay_in_minutes: number;
    targets: PagerDutyReference[];
  }>;
};

export type PagerDutyOnCall = {
  escalation_policy: PagerDutyReference;
  escalation_level: number;
  schedule: PagerDutyReference | null;
  user: {
    id: string;
    type: string;
    summary?: string;
    name?: string;
    email?: string;
    html_url?: string;
  };
  start: string | null;
  end: string | null;
};

const PAGE_LIMIT = 100;
const MAX_RETRIES = 4;

export class PagerDutyError extends Error {
  name = 'PagerDutyError';
}

/**
 * PagerDuty's REST API v2 with the token of `reliability.escalation.pagerduty.token`: classic
 * `offset`/`limit`/`more` pagination, and back-off on 429 by `ratelimit-reset` or
 * `retry-after` (seconds), else exponentially.
 */
export class PagerDutyClient {
  private readonly baseUrl: string;

  constructor(
    private readonly options: {
      token: string;
      baseUrl?: string;
      /** Milliseconds to wait on a 429 without a reset header, doubled on each retry. */
      backoffMs?: number;
      timeoutMs?: number;
    },
  ) {
    this.baseUrl = (options.baseUrl ?? 'https://api.pagerduty.com').replace(
      /\/+$/,
      '',
    );
  }

  async getService(id: string): Promise<PagerDutyService> {
    const body = await this.get(`/services/${encodeURIComponent(id)}`, {});
    return body.service as PagerDutyService;
  }

  async getEscalationPolicy(id: string): Promise<PagerDutyEscalationPolicy> {
    const body = await this.get(
      `/escalation_policies/${encodeURIComponent(id)}`,
      {},
    );
    return body.escalation_policy as PagerDutyEscalationPolicy;
  }

  /** Everyone on call in the policy at `at`, every page of it. */
  async listOnCalls(
    escalationPolicyId: string,
    at: Date,
  ): Promise<PagerDutyOnCall[]> {
    const oncalls: PagerDutyOnCall[] = [];
    for (let offset = 0; ; ) {
      const body = await this.get('/oncalls', {
        'escalation_policy_ids[]': escalationPolicyId,
        'include[]': 'users',
        time_zone: 'UTC',
        since: at.toISOString(),
        until: new Date(at.getTime() + 1000).toISOString(),
        limit: String(PAGE_LIMIT),
        offset: String(offset),
      });
      const page = (body.oncalls ?? []) as PagerDutyOnCall[];
      oncalls.push(...page);
      if (!body.more || page.length === 0) {
        return oncalls;
      }
      // PagerDuty may serve fewer than asked for: continue after what it served.
      offset += page.length;
    }
  }

  private async get(path: string, query: Record<string, string>): Promise<any> {
    const url = `${this.baseUrl}${path}${
      Object.keys(query).length ? `?${new URLSearchParams(query)}` : ''
    }`;
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        response = await fetch(url, {
          headers: {
            Accept: 'application/vnd.pagerduty+json;version=2',
            Authorization: `Token token=${this.options.token}`,
          },
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
        });
      } catch (error) {
        throw new PagerDutyError(`PagerDuty is unreachable: ${String(error)}`);
      }
      if (response.status === 429 && attempt < MAX_RETRIES) {
        await new Promise(resolve =>
          setTimeout(resolve, this.backoff(response, attempt)),
        );
        continue;
      }
      if (!response.ok) {
        let message = response.statusText;
        try {
          const body = await response.json();
          message = body?.error?.message ?? message;
        } catch {
          // not JSON
        }
        throw new PagerDutyError(
          `PagerDuty answered ${response.status} for ${path}: ${message}`,
        );
      }
      return response.json();
    }
  }

  private backoff(response: Response, attempt: number): number {
    const header =
      response.headers.get('ratelimit-reset') ??
      response.headers.get('retry-after');
    const seconds = header === null ? NaN : Number(header);
    if (Number.isFinite(seconds) && seconds >= 0) {
      return Math.min(seconds, 60) * 1000;
    }
    return (this.options.backoffMs ?? 1000) * 2 ** attempt;
  }
}
