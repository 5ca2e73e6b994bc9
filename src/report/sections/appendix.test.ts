import { describe, expect, it } from 'vitest';
import { smallPlan } from '../../core/views/testing/load-small-plan.js';
import { SMALL_PLAN_YAML } from '../../core/views/testing/small-plan.js';
import { appendixSection, citedSources } from './appendix.js';

describe('cited sources', () => {
  it('lists each source once, with every pledge citing it, in order of first citation', () => {
    const yaml = SMALL_PLAN_YAML.replace(
      '{ id: home-sam, actor: HOME, capability: sam, quantity: 2, posture: in-place }',
      '{ id: home-sam, actor: HOME, capability: sam, quantity: 2, posture: in-place, sources: [{ title: Own, url: "javascript:x" }, { title: Big pledge, url: "https://example.org/big", date: 2025-09-04 }] }',
    );
    const sources = citedSources(smallPlan(yaml));
    expect(sources.map((s) => [s.title, s.pledges])).toEqual([
      ['Own', ['home-sam']],
      ['Big pledge', ['home-sam', 'big-jets']],
    ]);
  });

  it('is empty for a plan without sources', () => {
    const yaml = SMALL_PLAN_YAML.replace(
      '    sources: [{ title: Big pledge, url: "https://example.org/big", date: 2025-09-04 }]\n',
      '',
    );
    expect(citedSources(smallPlan(yaml))).toEqual([]);
  });
});

describe('the appendix run table', () => {
  const run = {
    model: 1,
    version: '0.1.0',
    seed: 7,
    trials: 2000,
    planSha256: 'ab12',
    generated: '2026-01-01',
    command: 'guarantor report plan.yaml --format html',
  };
  const rows = (section: ReturnType<typeof appendixSection>) => {
    const last = section.blocks.at(-1);
    return last?.kind === 'table' ? last.table.rows : [];
  };

  it('says how to reproduce a CLI run, with no origin line', () => {
    const table = rows(appendixSection(smallPlan(SMALL_PLAN_YAML), run));
    expect(table.at(-1)).toEqual(['reproduce', 'guarantor report plan.yaml --format html']);
    expect(table.map((r) => r[0])).not.toContain('ran on');
  });

  it('names where a server run came from just above its reproduce line', () => {
    const origin = 'guarantor team server: plan p version 3, job j';
    const table = rows(
      appendixSection(smallPlan(SMALL_PLAN_YAML), { ...run, origin, command: 'POST /plans/p/jobs {}' }),
    );
    expect(table.slice(-2)).toEqual([
      ['ran on', origin],
      ['reproduce', 'POST /plans/p/jobs {}'],
    ]);
  });
});
