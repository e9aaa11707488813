/** What the CLI needs to call the portal: its address and a token. */
export type Connection = { baseUrl: string; token: string | undefined };

/** A failure the CLI reports and exits 2 on: bad usage, no connection, an error answer. */
export class CliError extends Error {}

/** A command line the CLI does not understand: reported with the usage. */
export class UsageError extends CliError {}

/** The connection from `BACKSTAGE_URL` and `BACKSTAGE_TOKEN`. */
export function connectionFrom(
  env: Record<string, string | undefined>,
): Connection {
  const url = env.BACKSTAGE_URL?.trim();
  if (!url) {
    throw new CliError(
      'BACKSTAGE_URL is not set: the address of the portal, such as https://backstage.example.com',
    );
  }
  if (!/^https?:\/\//i.test(url)) {
    throw new CliError(`BACKSTAGE_URL must be an http(s) address, got ${url}`);
  }
  return {
    baseUrl: url.replace(/\/+$/, ''),
    token: env.BACKSTAGE_TOKEN || undefined,
  };
}

/** GETs a reliability route and answers its JSON; any failure is a {@link CliError}. */
export async function getJson<T>(
  connection: Connection,
  path: string,
  query: Record<string, string>,
): Promise<T> {
  const url = new URL(`${connection.baseUrl}/api/reliability${path}`);
  for (const [key, value] of Object.entries(query))
    url.searchParams.set(key, value);
  let response: Response;
  try {
    response = await fetch(url, {
      headers: connection.token
        ? { Authorization: `Bearer ${connection.token}` }
        : {},
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    // Node's fetch says "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND…) is its cause.
    const cause = (error as { cause?: any }).cause;
    const reason =
      cause?.code ??
      cause?.errors?.[0]?.code ??
      cause?.message ??
      (error as Error).message;
    throw new CliError(`Could not reach ${connection.baseUrl}: ${reason}`);
  }
  const text = await response.text();
  if (!response.ok) {
    let message = text.slice(0, 500);
    try {
      message = JSON.parse(text).error?.message ?? message;
    } catch {
      // Not Backstage's error body: the start of the text says what happened.
    }
    throw new CliError(
      `${url.pathname} answered ${response.status}${
        response.status === 401 ? ' (is BACKSTAGE_TOKEN set and valid?)' : ''
      }: ${message}`,
    );
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new CliError(
      `${url.pathname} did not answer JSON: ${text.slice(0, 200)}`,
    );
  }
}
