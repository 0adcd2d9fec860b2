import type {ReactNode} from 'react';
import OfflineIndicator from '@site/src/components/OfflineIndicator';

/** Wraps every page: the site's pages, and the connection indicator that works without a network too. */
export default function Root({children}: {children: ReactNode}): ReactNode {
  return (
    <>
      {children}
      <OfflineIndicator />
    </>
  );
}
