import { describe, expect, it } from 'vitest';
import { smallPlan } from '../../core/views/testing/load-small-plan.js';
import { SMALL_PLAN_YAML } from '../../core/views/testing/small-plan.js';
import { citedSources } from './appendix.js';

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
