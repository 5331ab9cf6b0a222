import { useEffect, useState } from 'react';
import type { EventPayloads } from '../../../../shared/contract/events';
import { api } from '../../api';

export type ImportProgress = EventPayloads['import.progress'];

/** The latest `import.progress` event for this token (null before the first one). */
export function useImportProgress(token: string | null): ImportProgress | null {
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  useEffect(() => {
    setProgress(null);
    if (!token) return;
    return api.on('import.progress', (event) => {
      if (event.token === token) setProgress(event);
    });
  }, [token]);
  return progress;
}
