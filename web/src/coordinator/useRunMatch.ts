import { useState } from 'react';
import { http, ok } from '../api/client';
import { navigate } from '../app/router';

/**
 * Starts a match run for a waiting request (with an Idempotency-Key, so a retried click makes no
 * second run) and opens it; `running` names the request while it ranks, `error` the refusal.
 */
export function useRunMatch() {
  const [running, setRunning] = useState<string | null>(null);
  const [error, setError] = useState<unknown>();
  const run = async (requestId: string) => {
    setRunning(requestId);
    setError(undefined);
    try {
      const created = await ok(
        http().POST('/api/v1/transplant-requests/{id}/match-runs', {
          params: { path: { id: requestId }, header: { 'Idempotency-Key': crypto.randomUUID() } },
        }),
      );
      navigate(`/coordinator/runs/${created.id}`);
    } catch (e) {
      setError(e);
    } finally {
      setRunning(null);
    }
  };
  return { running, error, run };
}
