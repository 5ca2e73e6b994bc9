import { describe, expect, it } from 'vitest';
import type { Issue } from '../errors.js';
import { checkReferences } from './check-references.js';
import { type PlanInput, planSchema } from './schema.js';
import { MINIMAL_PLAN_OBJECT } from './test-fixtures.js';

// Fixture indices: actors UKR FRA DEU USA; capabilities sam-long fighter-sqn mech-brigade;
// pledges ukr-brigades ukr-sam-production fra-air-policing deu-sam usa-backstop;
// scenarios land-north air-campaign; variants europe-only europe-us committed-only fra-deu.

/** Checks the fixture after `change` (applied to a deep copy). */
function check(change: (plan: PlanInput) => void = () => {}): Issue[] {
  const plan = structuredClone(MINIMAL_PLAN_OBJECT);
  change(plan);
  return checkReferences(planSchema.parse(plan));
}

function item<T>(list: T[] | undefined, index: number): T {
  const found = list?.[index];
  if (found === undefined) throw new Error(`fixture has no item ${index}`);
  return found;
}

const error = (code: string, path: string, message: string): Issue => ({
  code,
  severity: 'error',
  path,
  message,
});
const warning = (code: string, path: string, message: string): Issue => ({
  code,
  severity: 'warning',
  path,
  message,
});

describe('checkReferences', () => {
  it('finds nothing wrong in the fixture', () => {
    expect(check()).toEqual([]);
  });

  describe('ids', () => {
    it.each([
      ['actors', 'actor', 'FRA', 'actors[4].id', 'actors[1].id'],
      ['capabilities', 'capability', 'fighter-sqn', 'capabilities[3].id', 'capabilities[1].id'],
      ['pledges', 'pledge', 'deu-sam', 'pledges[5].id', 'pledges[3].id'],
      ['scenarios', 'scenario', 'air-campaign', 'scenarios[2].id', 'scenarios[1].id'],
      ['variants', 'variant', 'europe-us', 'variants[4].id', 'variants[1].id'],
    ] as const)('flags the second %s with the same id, naming the first', (list, kind, id, path, first) => {
      const issues = check((p) => {
        const items = p[list] as { id: string }[];
        const original = items.find((x) => x.id === id);
        items.push(structuredClone(original as { id: string }));
      });
      expect(issues).toContainEqual(
        error('PLAN_DUPLICATE_ID', path, `duplicate ${kind} id "${id}"; it is first defined at ${first}`),
      );
    });

    it('refuses names that are built-in properties of JavaScript objects', () => {
      const issues = check((p) => {
        item(p.actors, 2).bloc = '__proto__';
        p.variants?.push({ id: 'constructor' });
      });
      expect(issues.map((i) => [i.code, i.path])).toEqual([
        ['PLAN_RESERVED_NAME', 'variants[4].id'],
        ['PLAN_RESERVED_NAME', 'actors[2].bloc'],
      ]);
    });
  });

  describe('references', () => {
    it('requires `protected` to be an actor', () => {
      const issues = check((p) => {
        p.protected = 'UKX';
      });
      expect(issues).toContainEqual(
        error('PLAN_UNKNOWN_ACTOR', 'protected', 'unknown actor "UKX"; did you mean "UKR"?'),
      );
    });

    it.each([
      ['pledges[2].actor', 'PLAN_UNKNOWN_ACTOR', 'FRX', 'actor "FRX"; did you mean "FRA"?'],
      [
        'pledges[3].capability',
        'PLAN_UNKNOWN_CAPABILITY',
        'sam-lng',
        'capability "sam-lng"; did you mean "sam-long"?',
      ],
      ['pledges[2].requires[0]', 'PLAN_UNKNOWN_ACTOR', 'usa', 'actor "usa"; did you mean "USA"?'],
      ['spare[0].actor', 'PLAN_UNKNOWN_ACTOR', 'DEX', 'actor "DEX"; did you mean "DEU"?'],
      ['spare[1].capability', 'PLAN_UNKNOWN_CAPABILITY', 'helicopter', 'capability "helicopter"'],
      ['variants[0].exclude[0]', 'PLAN_UNKNOWN_ACTOR', 'US', 'actor "US"; did you mean "USA"?'],
      ['variants[3].include[1]', 'PLAN_UNKNOWN_ACTOR', 'GER', 'actor "GER"'],
    ])('reports an unknown id at %s', (path, code, id, what) => {
      const issues = check((p) => setAt(p, path, id));
      expect(issues).toEqual([error(code, path, `unknown ${what}`)]);
    });
  });

  describe('pledges', () => {
    it("forbids `requires` on the protected actor's pledges (an empty list is fine)", () => {
      expect(
        check((p) => {
          item(p.pledges, 0).requires = ['FRA'];
        }),
      ).toEqual([
        error(
          'PLAN_PROTECTED_REQUIRES',
          'pledges[0].requires',
          'a pledge of the protected actor "UKR" may not require other actors: it is always honoured',
        ),
      ]);
      expect(
        check((p) => {
          item(p.pledges, 0).requires = [];
        }),
      ).toEqual([]);
    });

    it("requires bindingness on partners' pledges and ignores it on the protected actor's", () => {
      const issues = check((p) => {
        delete item(p.pledges, 3).bindingness;
        item(p.pledges, 0).bindingness = 'executive';
      });
      expect(issues).toEqual([
        warning(
          'PLAN_IGNORED_FIELD',
          'pledges[0].bindingness',
          "bindingness is ignored for the protected actor's pledges: they are always honoured",
        ),
        error(
          'PLAN_MISSING_BINDINGNESS',
          'pledges[3].bindingness',
          'missing required field "bindingness" (a partner\'s pledge needs one of treaty-automatic | treaty-consultative | executive | political)',
        ),
      ]);
    });

    it('requires quantity unless the posture is production', () => {
      const issues = check((p) => {
        delete item(p.pledges, 3).quantity;
      });
      expect(issues).toEqual([
        error(
          'PLAN_MISSING_QUANTITY',
          'pledges[3].quantity',
          'missing required field "quantity" (units; required unless posture is production)',
        ),
      ]);
    });

    it('requires fundingPerYear on production pledges and unitCost on their capability (once)', () => {
      const issues = check((p) => {
        delete item(p.pledges, 1).fundingPerYear;
        delete item(p.capabilities, 0).unitCost;
        p.pledges.push({ ...item(p.pledges, 1), id: 'ukr-more', fundingPerYear: 1e9 });
      });
      expect(issues).toEqual([
        error(
          'PLAN_MISSING_FUNDING',
          'pledges[1].fundingPerYear',
          'missing required field "fundingPerYear" (a production pledge buys units with it)',
        ),
        error(
          'PLAN_MISSING_UNIT_COST',
          'capabilities[0].unitCost',
          'missing field "unitCost": production pledge "ukr-sam-production" derives its units of "sam-long" from funding',
        ),
      ]);
    });

    it('warns that production without productionPerYear is not capped', () => {
      const issues = check((p) => {
        delete item(p.capabilities, 0).productionPerYear;
      });
      expect(issues).toEqual([
        warning(
          'PLAN_UNCAPPED_PRODUCTION',
          'capabilities[0].productionPerYear',
          '"sam-long" has no productionPerYear, so production pledges ("ukr-sam-production") are not capped by capacity',
        ),
      ]);
    });

    it('warns about fields the posture ignores', () => {
      const issues = check((p) => {
        item(p.pledges, 3).fundingPerYear = 1e8;
        item(p.pledges, 3).readinessDays = 5;
        item(p.pledges, 1).quantity = 3;
      });
      expect(issues.map((i) => [i.severity, i.code, i.path])).toEqual([
        ['warning', 'PLAN_IGNORED_FIELD', 'pledges[1].quantity'],
        ['warning', 'PLAN_IGNORED_FIELD', 'pledges[3].fundingPerYear'],
        ['warning', 'PLAN_IGNORED_FIELD', 'pledges[3].readinessDays'],
      ]);
    });

    it('warns about trigger tags no scenario has, and about empty triggers', () => {
      const issues = check((p) => {
        item(p.pledges, 2).triggers = ['ari'];
        item(p.pledges, 4).triggers = [];
      });
      expect(issues).toEqual([
        warning(
          'PLAN_UNKNOWN_TAG',
          'pledges[2].triggers[0]',
          'no scenario has the tag "ari", so it triggers nothing; did you mean "air"?',
        ),
        warning(
          'PLAN_EMPTY_TRIGGERS',
          'pledges[4].triggers',
          'triggers is empty, so the pledge answers no scenario; omit it to answer every scenario',
        ),
      ]);
    });

    it('refuses quantities whose power overflows', () => {
      const issues = check((p) => {
        item(p.pledges, 3).quantity = 1e308;
      });
      expect(issues.map((i) => [i.code, i.path])).toEqual([['PLAN_NUMBER_TOO_LARGE', 'pledges[3]']]);
    });
  });

  describe('scenarios', () => {
    it('requires threat days to increase strictly, at the offending point', () => {
      const issues = check((p) => {
        item(p.scenarios, 0).threat.land = [
          [0, 12],
          [10, 20],
          [10, 25],
          [5, 30],
        ];
      });
      expect(issues).toEqual([
        error(
          'PLAN_THREAT_NOT_INCREASING',
          'scenarios[0].threat.land[2]',
          'threat days must be strictly increasing: day 10 comes after day 10',
        ),
        error(
          'PLAN_THREAT_NOT_INCREASING',
          'scenarios[0].threat.land[3]',
          'threat days must be strictly increasing: day 5 comes after day 10',
        ),
      ]);
    });

    it('requires requiredRatio and tolerance keys to be threat domains of the scenario', () => {
      const issues = check((p) => {
        item(p.scenarios, 0).requiredRatio = { lnd: 0.5 };
        item(p.scenarios, 1).tolerance = { sea: 0.2 };
      });
      expect(issues).toEqual([
        error(
          'PLAN_UNKNOWN_DOMAIN',
          'scenarios[0].requiredRatio.lnd',
          '"lnd" is not a threat domain of scenario "land-north"; did you mean "land"?',
        ),
        error(
          'PLAN_UNKNOWN_DOMAIN',
          'scenarios[1].tolerance.sea',
          '"sea" is not a threat domain of scenario "air-campaign" (its domains: air)',
        ),
      ]);
    });

    it('requires a positive sum of weights', () => {
      const issues = check((p) => {
        for (const s of p.scenarios) s.weight = 0;
      });
      expect(issues).toEqual([
        error(
          'PLAN_ZERO_WEIGHT',
          'scenarios',
          'scenario weights sum to 0: give at least one a positive weight',
        ),
      ]);
    });

    it('accepts effects in domains no scenario threatens', () => {
      expect(
        check((p) => {
          item(p.capabilities, 0).effect = { air: 30, sea: 5 };
        }),
      ).toEqual([]);
    });

    it('warns about threatened domains no capability acts in, and scenarios without threat', () => {
      const issues = check((p) => {
        item(p.scenarios, 0).threat = { lnd: [[0, 5]] };
        item(p.scenarios, 1).threat = {};
        item(p.scenarios, 0).requiredRatio = {};
        item(p.scenarios, 0).tolerance = {};
      });
      expect(issues).toEqual([
        warning(
          'PLAN_UNCOVERED_DOMAIN',
          'scenarios[0].threat.lnd',
          'no capability has an effect in "lnd", so this domain can never hold; did you mean "land"?',
        ),
        warning(
          'PLAN_NO_THREAT',
          'scenarios[1].threat',
          'scenario "air-campaign" has no threat, so it always holds',
        ),
      ]);
    });

    it('refuses threats whose requirement overflows', () => {
      const issues = check((p) => {
        item(p.scenarios, 0).threat.land = [[0, 1e307]];
        item(p.scenarios, 0).requiredRatio = { land: 100 };
      });
      expect(issues.map((i) => [i.code, i.path])).toEqual([
        ['PLAN_NUMBER_TOO_LARGE', 'scenarios[0].threat.land'],
      ]);
    });
  });

  describe('actors, spare and variants', () => {
    it('warns that the protected actor’s reliability is ignored', () => {
      const issues = check((p) => {
        item(p.actors, 0).reliability = 0.9;
      });
      expect(issues).toEqual([
        warning(
          'PLAN_IGNORED_FIELD',
          'actors[0].reliability',
          'reliability of the protected actor is ignored: it always honours (reliability 1)',
        ),
      ]);
    });

    it('warns when a variant includes or excludes the protected actor', () => {
      const issues = check((p) => {
        item(p.variants, 3).include = ['FRA', 'DEU', 'UKR'];
        item(p.variants, 0).exclude = ['UKR', 'USA'];
      });
      expect(issues).toEqual([
        warning(
          'PLAN_VARIANT_PROTECTED',
          'variants[0].exclude[0]',
          'the protected actor "UKR" is always counted; excluding it has no effect',
        ),
        warning(
          'PLAN_VARIANT_PROTECTED',
          'variants[3].include[2]',
          'the protected actor "UKR" is always counted; including it has no effect',
        ),
      ]);
    });

    it('allows include and exclude together', () => {
      expect(
        check((p) => {
          p.variants?.push({ id: 'both', include: ['FRA', 'USA'], exclude: ['USA'] });
        }),
      ).toEqual([]);
    });

    it('warns that statuses cannot bring back withdrawn pledges', () => {
      const issues = check((p) => {
        item(p.variants, 2).statuses = ['committed', 'withdrawn'];
      });
      expect(issues.map((i) => [i.severity, i.code, i.path])).toEqual([
        ['warning', 'PLAN_IGNORED_FIELD', 'variants[2].statuses[1]'],
      ]);
    });

    it('refuses two spare entries for the same actor and capability', () => {
      const issues = check((p) => {
        p.spare?.push({ actor: 'DEU', capability: 'sam-long', quantity: 1 });
      });
      expect(issues).toEqual([
        error(
          'PLAN_DUPLICATE_SPARE',
          'spare[2]',
          'spare capacity of "DEU" in "sam-long" is already given at spare[0]; merge the two',
        ),
      ]);
    });

    it('warns that spare capacity of the protected actor is ignored', () => {
      const issues = check((p) => {
        p.spare?.push({ actor: 'UKR', capability: 'sam-long', quantity: 1 });
      });
      expect(issues.map((i) => [i.severity, i.code, i.path])).toEqual([
        ['warning', 'PLAN_IGNORED_FIELD', 'spare[2].actor'],
      ]);
    });
  });
});

/** Sets the value at a simple path such as `pledges[2].requires[0]`. */
function setAt(target: object, path: string, value: unknown): void {
  const parts = path.split(/[.[\]]+/).filter((s) => s !== '');
  let node = target as Record<string, unknown>;
  for (const part of parts.slice(0, -1)) node = node[part] as Record<string, unknown>;
  node[parts[parts.length - 1] as string] = value;
}
