import { useState } from 'react';
import { http, ok } from '../api/client';
import { navigate } from '../app/router';

/**
 * Starts a ranking run and opens it: `running` names what is being ranked (a request, an organ)
 * while the server works, `error` the refusal. Runs are started with an Idempotency-Key, so a
 * retried click makes no second run.
 */
export function useStartRun() {
  const [running, setRunning] = useState<string | null>(null);
  const [error, setError] = useState<unknown>();
  const start = async (what: string, create: (idempotencyKey: string) => Promise<{ id: string }>, pageOf: (runId: string) => string, onRefused?: () => void) => {
    setRunning(what);
    setError(undefined);
    try {
      const created = await create(crypto.randomUUID());
      navigate(pageOf(created.id));
    } catch (e) {
      setError(e);
      onRefused?.();
    } finally {
      setRunning(null);
    }
  };
  return { running, error, start };
}

/** A match run for a waiting request, opened once ranked. */
export function useRunMatch() {
  const { running, error, start } = useStartRun();
  const run = (requestId: string) =>
    start(
      requestId,
      (key) => ok(http().POST('/api/v1/transplant-requests/{id}/match-runs', { params: { path: { id: requestId }, header: { 'Idempotency-Key': key } } })),
      (runId) => `/coordinator/runs/${runId}`,
    );
  return { running, error, run };
}
