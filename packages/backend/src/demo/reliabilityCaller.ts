import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';

/** Calls the reliability API as this backend's own service; any error answer throws. */
export type ReliabilityCall = (
  method: string,
  path: string,
  body?: unknown,
) => Promise<any>;

export function reliabilityCaller(options: {
  auth: AuthService;
  discovery: DiscoveryService;
}): ReliabilityCall {
  const { auth, discovery } = options;
  return async (method, path, body) => {
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: 'reliability',
    });
    const response = await fetch(
      `${await discovery.getBaseUrl('reliability')}${path}`,
      {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/json',
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      },
    );
    if (!response.ok) {
      throw new Error(
        `${method} ${path}: ${response.status} ${await response.text()}`,
      );
    }
    return response.json();
  };
}
