import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { ReactNode } from 'react';

/**
 * What a card shows while its request runs: a progress bar, the error panel when it failed,
 * else its content for the answer.
 */
export function RequestContent<T>(props: {
  request: { loading: boolean; error?: Error; value?: T };
  children: (value: T) => ReactNode;
}) {
  const { loading, error, value } = props.request;
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (value === undefined) return null;
  return <>{props.children(value)}</>;
}
