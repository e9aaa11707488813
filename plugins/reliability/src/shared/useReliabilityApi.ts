import { useApi } from '@backstage/core-plugin-api';
import { DependencyList } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { ReliabilityApi, reliabilityApiRef } from '../api';

/**
 * One request to the reliability backend, as a component waits for it: `loading`, then
 * `value` or `error`, and `retry`. Each capability's data hook is built on it.
 */
export function useReliabilityApi<T>(
  request: (api: ReliabilityApi) => Promise<T>,
  deps: DependencyList,
) {
  const api = useApi(reliabilityApiRef);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useAsyncRetry(() => request(api), [api, ...deps]);
}
