/**
 * An analysis's progress as the server streams it (useJob): a labelled progressbar while it runs, the
 * error with a retry button when it fails. Renders the result's children only when done.
 */
import type { ReactNode } from 'react';
import { percent } from './format';
import type { JobStatus } from './use-job';

export function JobProgress<T>({
  status,
  label,
  retry,
  children,
}: {
  status: JobStatus<T>;
  label: string;
  retry: () => void;
  children: (result: T) => ReactNode;
}) {
  switch (status.state) {
    case 'idle':
      return null;
    case 'running':
      return (
        <div className="job-progress">
          <progress
            aria-label={label}
            max={1}
            value={status.fraction}
            aria-valuenow={Math.round(status.fraction * 100)}
            aria-valuemin={0}
            aria-valuemax={100}
          />
          <span>
            {label}: {percent(status.fraction)}
          </span>
        </div>
      );
    case 'failed':
      return (
        <div role="alert" className="error">
          {label} failed: {status.error.message}{' '}
          <button type="button" onClick={retry}>
            Try again
          </button>
        </div>
      );
    case 'done':
      return (
        <>
          <div className="job-progress done" data-job={status.jobId}>
            <progress
              aria-label={label}
              max={1}
              value={1}
              aria-valuenow={100}
              aria-valuemin={0}
              aria-valuemax={100}
            />
            <span className="muted">
              {label}: done (job {status.jobId})
            </span>
          </div>
          {children(status.result)}
        </>
      );
    default:
      return status satisfies never;
  }
}
