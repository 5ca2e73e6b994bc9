/**
 * "Briefing (HTML)": the briefing `guarantor report --format html` writes, made by the server as a
 * `report` job on the plan version shown, with its progress bar; when done the page is saved through a
 * Blob URL and an `<a download>`. Any role may make one (analyses are for everyone): not an edit control.
 * The job is asked for at the click, for the version shown then: a later change of the plan does not
 * start another report by itself.
 */
import { useEffect, useState } from 'react';
import { type BriefingDocument, briefingOf, briefingRequest, parseTrials } from './briefing';
import { JobProgress } from './progress-bar';
import type { OpenPlan } from './session';
import { type JobRequest, type JobStatus, useJob } from './use-job';

interface Asked {
  readonly version: number;
  readonly request: JobRequest;
}

export function BriefingButton({ plan }: { plan: OpenPlan }) {
  const [trialsText, setTrialsText] = useState('');
  const [asked, setAsked] = useState<Asked>();
  // A click waiting for its briefing. Until useJob has caught up with a new request, it still shows the
  // previous request's status (`stale`): that one must not be saved for it.
  const [pending, setPending] = useState<{ readonly stale?: JobStatus<unknown> }>();
  const { status, retry } = useJob<unknown>(plan.id, asked?.version, asked?.request);
  const trials = parseTrials(trialsText);
  const planTrials = (plan.plan.settings as { trials?: unknown } | undefined)?.trials;

  // Save once per click, when its job is done (at once when the same briefing was made before).
  useEffect(() => {
    if (pending === undefined || status === pending.stale) return;
    if (status.state === 'running' || status.state === 'idle') return;
    setPending(undefined);
    if (status.state === 'done') {
      const doc = briefingOf(status.result);
      if (doc !== undefined) save(doc);
    }
  }, [pending, status]);

  const start = () => {
    if (!trials.ok) return;
    const next = { version: plan.version, request: briefingRequest(trials.trials) };
    setPending(keyOf(next) === keyOf(asked) ? {} : { stale: status });
    setAsked(next);
  };

  return (
    <section className="panel briefing" aria-labelledby="briefing-title">
      <h2 id="briefing-title">Briefing</h2>
      <div className="briefing-controls">
        <label>
          Trials{' '}
          <input
            type="text"
            inputMode="numeric"
            name="briefing-trials"
            size={9}
            value={trialsText}
            placeholder={typeof planTrials === 'number' ? String(planTrials) : "plan's"}
            aria-invalid={!trials.ok}
            aria-describedby="briefing-note"
            onChange={(e) => setTrialsText(e.target.value)}
          />
        </label>
        <button
          type="button"
          onClick={start}
          disabled={!trials.ok || status.state === 'running'}
          data-testid="briefing-button"
        >
          Briefing (HTML)
        </button>
        {trials.ok ? null : (
          <span role="alert" className="error">
            {trials.message}
          </span>
        )}
      </div>
      <JobProgress
        status={status}
        label="Briefing"
        retry={() => {
          setPending({ stale: status });
          retry();
        }}
      >
        {(result) => <Saved doc={briefingOf(result)} />}
      </JobProgress>
      <p className="source-note" id="briefing-note">
        The briefing of plan version {asked?.version ?? plan.version} as one HTML page: bottom line, who does
        what, scenarios, attribution and burden sharing, sensitivity, appendix. Leave trials blank for the
        plan's own; fewer make a quicker, rougher draft. The page has A4 print rules, so your browser prints
        it to PDF; <code>guarantor report PLAN --format pdf</code> makes the PDF from a shell.
      </p>
    </section>
  );
}

function keyOf(asked: Asked | undefined): string {
  return asked === undefined ? '' : JSON.stringify([asked.version, asked.request]);
}

/** The saved file's name, and a link to save it again. */
function Saved({ doc }: { doc: BriefingDocument | undefined }) {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (doc === undefined) return;
    const made = URL.createObjectURL(blobOf(doc));
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [doc]);
  if (doc === undefined) {
    return (
      <p role="alert" className="error">
        Briefing failed: the server's answer is not a briefing (is it another version of guarantor?)
      </p>
    );
  }
  return (
    <p className="muted" data-testid="briefing-saved">
      Saved as {doc.fileName}.{' '}
      {url === undefined ? null : (
        <a href={url} download={doc.fileName}>
          Save again
        </a>
      )}
    </p>
  );
}

function blobOf(doc: BriefingDocument): Blob {
  return new Blob([doc.html], { type: 'text/html;charset=utf-8' });
}

/** Saves the page through a temporary object URL and a clicked `<a download>`. */
function save(doc: BriefingDocument): void {
  const url = URL.createObjectURL(blobOf(doc));
  const a = document.createElement('a');
  a.href = url;
  a.download = doc.fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The browser has taken the file once the click's task is over; a minute leaves slow disks room.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
