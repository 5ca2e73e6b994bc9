import { describe, expect, it } from 'vitest';
import { pledgeSchema } from '../core/plan/schema';
import {
  changedFields,
  draftOf,
  fieldOfPath,
  idempotencyKeyFor,
  PLEDGE_FIELDS,
  type Pledge,
  pledgeFromDraft,
  reapply,
  writeFields,
  writeRequest,
} from './pledge-form';

const jets: Pledge = {
  id: 'gbr-jets',
  actor: 'GBR',
  capability: 'jet-sqn',
  quantity: 2,
  posture: 'on-call',
  readinessDays: 5,
  bindingness: 'executive',
  triggers: ['air', 'sea'],
  status: 'announced',
  sources: [{ title: 'Declaration of intent', url: 'https://example.org/doi' }],
};
const noSource = { title: '', url: '', date: '' };

describe('the pledge form', () => {
  it('edits every field of the pledge schema except its sources', () => {
    const schemaFields = Object.keys(pledgeSchema.shape).filter((key) => key !== 'sources');
    expect(PLEDGE_FIELDS.map((f) => f.key)).toEqual(schemaFields);
  });

  it('turns a pledge into a draft and back without loss, keeping its sources', () => {
    const draft = draftOf(jets);
    expect(draft.quantity).toBe('2');
    expect(draft.triggers).toBe('air, sea');
    expect(draft.requires).toBe('');
    expect(pledgeFromDraft(draft, jets)).toEqual({ ok: true, value: jets });
  });

  it('rejects a negative or non-numeric quantity and a missing capability, naming the fields', () => {
    const result = pledgeFromDraft({
      ...draftOf(jets),
      quantity: '-1',
      readinessDays: 'soon',
      capability: ' ',
    });
    expect(result).toEqual({
      ok: false,
      errors: [
        { field: 'capability', message: 'Capability is required' },
        { field: 'quantity', message: 'expected a number ≥ 0' },
        { field: 'readinessDays', message: 'expected a number ≥ 0' },
      ],
    });
  });

  it('leaves empty optional fields out of a new pledge', () => {
    const draft = draftOf(undefined, { actor: 'FRA', posture: 'on-call' });
    const result = pledgeFromDraft({ ...draft, id: 'fra-frigate', capability: 'frigate', quantity: '1' });
    expect(result).toEqual({
      ok: true,
      value: { id: 'fra-frigate', actor: 'FRA', capability: 'frigate', quantity: 1, posture: 'on-call' },
    });
  });
});

describe('a change sends only the changed fields', () => {
  it('lists the fields whose values differ, not the unchanged ones nor the id', () => {
    const edited = pledgeFromDraft({ ...draftOf(jets), quantity: '3', triggers: 'air,sea' }, jets);
    if (!edited.ok) throw new Error('draft did not parse');
    expect(changedFields(jets, edited.value)).toEqual({ ok: true, value: { quantity: 3 } });
  });

  it('finds no change when nothing was edited', () => {
    expect(changedFields(jets, jets)).toEqual({ ok: true, value: {} });
  });

  it('sends null for the optional fields the user cleared, and keeps the pledge sources', () => {
    const draft = { ...draftOf(jets), readinessDays: '', bindingness: '', triggers: ' ', quantity: '4' };
    const edited = pledgeFromDraft(draft, jets);
    if (!edited.ok) throw new Error('draft did not parse');
    expect(edited.value).toEqual({
      id: 'gbr-jets',
      actor: 'GBR',
      capability: 'jet-sqn',
      quantity: 4,
      posture: 'on-call',
      status: 'announced',
      sources: jets.sources,
    });
    expect(changedFields(jets, edited.value)).toEqual({
      ok: true,
      value: { quantity: 4, readinessDays: null, bindingness: null, triggers: null },
    });
  });

  it('sends no removal for a field that was absent and stays empty', () => {
    const bare: Pledge = { id: 'p', actor: 'GBR', capability: 'jet-sqn', quantity: 1, posture: 'on-call' };
    const edited = pledgeFromDraft({ ...draftOf(bare), status: '', fundingPerYear: '' }, bare);
    if (!edited.ok) throw new Error('draft did not parse');
    expect(changedFields(bare, edited.value)).toEqual({ ok: true, value: {} });
  });

  it('refuses to clear a required field, naming it', () => {
    expect(pledgeFromDraft({ ...draftOf(jets), posture: '' }, jets)).toEqual({
      ok: false,
      errors: [{ field: 'posture', message: 'Posture is required' }],
    });
    const { posture: _removed, ...withoutPosture } = jets;
    expect(changedFields(jets, withoutPosture)).toEqual({
      ok: false,
      errors: [{ field: 'posture', message: 'Posture is required: it cannot be removed' }],
    });
  });

  it('builds a PATCH whose body carries null for a cleared field', () => {
    const request = writeRequest(
      'p',
      { kind: 'change', pledgeId: 'gbr-jets', changes: { readinessDays: null } },
      { reason: 'readiness no longer promised' },
      7,
    );
    expect(JSON.parse(JSON.stringify(request.body))).toEqual({
      changes: { readinessDays: null },
      reason: 'readiness no longer promised',
      expectedVersion: 7,
    });
  });

  it('builds a PATCH with the changes, the reason, the source and the version read', () => {
    const request = writeRequest(
      'plan 1',
      { kind: 'change', pledgeId: 'gbr-jets', changes: { quantity: 3 } },
      { reason: 'summit', source: { title: 'Communiqué' } },
      144,
    );
    expect(request).toEqual({
      method: 'PATCH',
      path: '/plans/plan%201/pledges/gbr-jets',
      body: {
        changes: { quantity: 3 },
        reason: 'summit',
        source: { title: 'Communiqué' },
        expectedVersion: 144,
      },
    });
    expect(writeRequest('p', { kind: 'withdraw', pledgeId: 'gbr-jets' }, { reason: 'r' }, 3)).toEqual({
      method: 'POST',
      path: '/plans/p/pledges/gbr-jets/withdraw',
      body: { reason: 'r', expectedVersion: 3 },
    });
  });
});

describe('reason and source', () => {
  it('requires a reason', () => {
    expect(writeFields('  ', noSource)).toEqual({
      ok: false,
      errors: [{ field: 'reason', message: 'every change needs a reason' }],
    });
  });

  it('leaves the source out when none is given', () => {
    expect(writeFields(' new brigade ', noSource)).toEqual({ ok: true, value: { reason: 'new brigade' } });
  });

  it('requires a title when a source is given, and checks its date', () => {
    const result = writeFields('r', { title: '', url: 'https://example.org', date: '6 Jan 2026' });
    expect(result).toEqual({
      ok: false,
      errors: [
        { field: 'source.title', message: 'a source needs a title' },
        { field: 'source.date', message: 'expected a date as YYYY-MM-DD' },
      ],
    });
  });

  it('keeps only the parts of a source that are given', () => {
    expect(writeFields('r', { title: ' Paris Declaration ', url: '', date: '2026-01-06' })).toEqual({
      ok: true,
      value: { reason: 'r', source: { title: 'Paris Declaration', date: '2026-01-06' } },
    });
  });
});

describe('retries and conflicts', () => {
  const request = writeRequest('p', { kind: 'withdraw', pledgeId: 'gbr-jets' }, { reason: 'r' }, 3);
  let n = 0;
  const newKey = () => `key-${++n}`;

  it('keeps the idempotency key for a retry of the same request, and makes a new one for another', () => {
    const first = idempotencyKeyFor(undefined, request, newKey);
    expect(idempotencyKeyFor(first, { ...request }, newKey).key).toBe(first.key);
    const later = writeRequest('p', { kind: 'withdraw', pledgeId: 'gbr-jets' }, { reason: 'r' }, 4);
    expect(idempotencyKeyFor(first, later, newKey).key).not.toBe(first.key);
  });

  it('re-applies a change on the fresh pledge and lists what others changed, flagging overlaps', () => {
    const fresh = { ...jets, quantity: 4, readinessDays: 2 };
    const result = reapply(
      { kind: 'change', pledgeId: 'gbr-jets', changes: { quantity: 3, posture: 'in-place' } },
      jets,
      [fresh],
    );
    expect(result).toEqual({
      ok: true,
      write: { kind: 'change', pledgeId: 'gbr-jets', changes: { quantity: 3, posture: 'in-place' } },
      fresh,
      theirs: [
        { field: 'quantity', before: 2, after: 4, overlaps: true },
        { field: 'readinessDays', before: 5, after: 2, overlaps: false },
      ],
    });
  });

  it('drops a change someone else already made', () => {
    const fresh = { ...jets, quantity: 3 };
    const result = reapply({ kind: 'change', pledgeId: 'gbr-jets', changes: { quantity: 3 } }, jets, [fresh]);
    expect(result).toMatchObject({ ok: true, write: { changes: {} } });
  });

  it('drops a removal someone else already made, and keeps one still to make', () => {
    const { readinessDays: _gone, ...fresh } = jets;
    const write = {
      kind: 'change',
      pledgeId: 'gbr-jets',
      changes: { readinessDays: null, triggers: null },
    } as const;
    expect(reapply(write, jets, [fresh])).toEqual({
      ok: true,
      write: { kind: 'change', pledgeId: 'gbr-jets', changes: { triggers: null } },
      fresh,
      theirs: [{ field: 'readinessDays', before: 5, after: null, overlaps: true }],
    });
  });

  it('cannot re-apply on a pledge withdrawn meanwhile, nor create an id taken meanwhile', () => {
    const withdrawn = { ...jets, status: 'withdrawn' };
    expect(
      reapply({ kind: 'change', pledgeId: 'gbr-jets', changes: { quantity: 3 } }, jets, [withdrawn]),
    ).toEqual({
      ok: false,
      message: 'pledge "gbr-jets" was withdrawn meanwhile',
    });
    expect(reapply({ kind: 'withdraw', pledgeId: 'gbr-jets' }, jets, [])).toMatchObject({ ok: false });
    expect(reapply({ kind: 'create', pledge: jets }, undefined, [jets])).toMatchObject({ ok: false });
    expect(reapply({ kind: 'create', pledge: jets }, undefined, [])).toMatchObject({ ok: true, theirs: [] });
  });
});

describe('server errors', () => {
  it('names the form field of a server error path', () => {
    expect(fieldOfPath('changes.quantity')).toBe('quantity');
    expect(fieldOfPath('pledge.readinessDays')).toBe('readinessDays');
    expect(fieldOfPath('pledges[63].capability')).toBe('capability');
    expect(fieldOfPath('reason')).toBe('reason');
    expect(fieldOfPath('source.title')).toBe('source.title');
    expect(fieldOfPath('variants[2].exclude')).toBe('');
    expect(fieldOfPath(undefined)).toBe('');
  });
});
