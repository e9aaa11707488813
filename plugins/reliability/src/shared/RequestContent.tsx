import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { ReactNode } from 'react';

/**
 * What a card shows while its request runs: a progress bar, the error panel when it failed,
 * else its content for the answer. With `keepWhileReloading`, a request asked again (a
 * retry, a changed option) keeps showing the previous answer under a progress bar, so that
 * what the user typed or scrolled to below stays.
 */
export function RequestContent<T>(props: {
  request: { loading: boolean; error?: Error; value?: T };
  children: (value: T) => ReactNode;
  keepWhileReloading?: boolean;
}) {
  const { loading, error, value } = props.request;
  if (loading && props.keepWhileReloading && value !== undefined) {
    return (
      <>
        <Progress />
        {props.children(value)}
      </>
    );
  }
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (value === undefined) return null;
  return <>{props.children(value)}</>;
}
