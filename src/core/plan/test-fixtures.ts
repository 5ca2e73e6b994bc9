/**
 * A small valid plan that uses every field of MODEL.md §1, for tests across the project. It parses
 * without warnings. `MINIMAL_PLAN_OBJECT` is the same plan as a value, `MINIMAL_PLAN_JSON` as JSON.
 */
import type { PlanInput } from './schema.js';

export const MINIMAL_PLAN_YAML = `guarantor: 1
title: Security guarantees for Ukraine (illustrative)
protected: UKR
currency: EUR
actors:
  - { id: UKR, name: Ukraine, bloc: UKR, gdp: 1.9e11 }
  - { id: FRA, name: France, bloc: EU, reliability: 0.8, gdp: 2.92e12 }
  - { id: DEU, name: Germany, bloc: EU, gdp: 4.5e12 }
  - { id: USA, name: United States, reliability: 0.7, gdp: 2.7e13 }
capabilities:
  - id: sam-long
    name: Long-range SAM battery
    unit: battery
    effect: { air: 30 }
    unitCost: 1.1e9
    productionPerYear: 12
  - id: fighter-sqn
    name: Fighter squadron
    unit: squadron
    effect: { air: 20, land: 2 }
    unitCost: 2.0e9
  - id: mech-brigade
    name: Mechanised brigade
    unit: brigade
    effect: { land: 1 }
    unitCost: 5.0e8
pledges:
  - id: ukr-brigades
    actor: UKR
    capability: mech-brigade
    quantity: 12
    posture: in-place
    status: delivered
  - id: ukr-sam-production
    actor: UKR
    capability: sam-long
    posture: production
    fundingPerYear: 2.2e9
  - id: fra-air-policing
    actor: FRA
    capability: fighter-sqn
    quantity: 2
    posture: on-call
    readinessDays: 3
    bindingness: political
    triggers: [air]
    requires: [USA]
    status: committed
    sources: [{ title: Joint declaration, url: "https://example.org/declaration", date: 2025-09-04 }]
  - id: deu-sam
    actor: DEU
    capability: sam-long
    quantity: 2
    posture: in-place
    bindingness: executive
    status: announced
  - id: usa-backstop
    actor: USA
    capability: fighter-sqn
    quantity: 6
    posture: backstop
    readinessDays: 10
    bindingness: treaty-consultative
    triggers: [air, land]
scenarios:
  - id: land-north
    title: Armoured thrust from Belarus towards Kyiv
    tags: [land, air]
    weight: 2
    horizonDays: 30
    threat:
      land: [[0, 12], [10, 20]]
      air: [[0, 400]]
    requiredRatio: { land: 0.333, air: 0.9 }
    tolerance: { land: 0.1, air: 0.15 }
  - id: air-campaign
    title: Missile and drone campaign
    tags: [air]
    horizonDays: 60
    threat:
      air: [[0, 100], [30, 50]]
spare:
  - { actor: DEU, capability: sam-long, quantity: 4 }
  - { actor: FRA, capability: fighter-sqn, quantity: 1 }
variants:
  - { id: europe-only, exclude: [USA] }
  - { id: europe-us }
  - { id: committed-only, statuses: [committed, delivered] }
  - { id: fra-deu, include: [FRA, DEU] }
settings:
  trials: 2000
  seed: 7
  target: 0.8
  yearsOfPeace: 2
  readinessSigma: 0.35
  blocCorrelation: 0.5
  tripwire: 0.5
  backstopTriggerDays: 3
  fairness: 1
  newPledgeBindingness: executive
  bindingness: { treaty-automatic: 0.95, treaty-consultative: 0.8, executive: 0.65, political: 0.5 }
`;

export const MINIMAL_PLAN_OBJECT: PlanInput = {
  guarantor: 1,
  title: 'Security guarantees for Ukraine (illustrative)',
  protected: 'UKR',
  currency: 'EUR',
  actors: [
    { id: 'UKR', name: 'Ukraine', bloc: 'UKR', gdp: 1.9e11 },
    { id: 'FRA', name: 'France', bloc: 'EU', reliability: 0.8, gdp: 2.92e12 },
    { id: 'DEU', name: 'Germany', bloc: 'EU', gdp: 4.5e12 },
    { id: 'USA', name: 'United States', reliability: 0.7, gdp: 2.7e13 },
  ],
  capabilities: [
    {
      id: 'sam-long',
      name: 'Long-range SAM battery',
      unit: 'battery',
      effect: { air: 30 },
      unitCost: 1.1e9,
      productionPerYear: 12,
    },
    {
      id: 'fighter-sqn',
      name: 'Fighter squadron',
      unit: 'squadron',
      effect: { air: 20, land: 2 },
      unitCost: 2.0e9,
    },
    { id: 'mech-brigade', name: 'Mechanised brigade', unit: 'brigade', effect: { land: 1 }, unitCost: 5.0e8 },
  ],
  pledges: [
    {
      id: 'ukr-brigades',
      actor: 'UKR',
      capability: 'mech-brigade',
      quantity: 12,
      posture: 'in-place',
      status: 'delivered',
    },
    {
      id: 'ukr-sam-production',
      actor: 'UKR',
      capability: 'sam-long',
      posture: 'production',
      fundingPerYear: 2.2e9,
    },
    {
      id: 'fra-air-policing',
      actor: 'FRA',
      capability: 'fighter-sqn',
      quantity: 2,
      posture: 'on-call',
      readinessDays: 3,
      bindingness: 'political',
      triggers: ['air'],
      requires: ['USA'],
      status: 'committed',
      sources: [{ title: 'Joint declaration', url: 'https://example.org/declaration', date: '2025-09-04' }],
    },
    {
      id: 'deu-sam',
      actor: 'DEU',
      capability: 'sam-long',
      quantity: 2,
      posture: 'in-place',
      bindingness: 'executive',
      status: 'announced',
    },
    {
      id: 'usa-backstop',
      actor: 'USA',
      capability: 'fighter-sqn',
      quantity: 6,
      posture: 'backstop',
      readinessDays: 10,
      bindingness: 'treaty-consultative',
      triggers: ['air', 'land'],
    },
  ],
  scenarios: [
    {
      id: 'land-north',
      title: 'Armoured thrust from Belarus towards Kyiv',
      tags: ['land', 'air'],
      weight: 2,
      horizonDays: 30,
      threat: {
        land: [
          [0, 12],
          [10, 20],
        ],
        air: [[0, 400]],
      },
      requiredRatio: { land: 0.333, air: 0.9 },
      tolerance: { land: 0.1, air: 0.15 },
    },
    {
      id: 'air-campaign',
      title: 'Missile and drone campaign',
      tags: ['air'],
      horizonDays: 60,
      threat: {
        air: [
          [0, 100],
          [30, 50],
        ],
      },
    },
  ],
  spare: [
    { actor: 'DEU', capability: 'sam-long', quantity: 4 },
    { actor: 'FRA', capability: 'fighter-sqn', quantity: 1 },
  ],
  variants: [
    { id: 'europe-only', exclude: ['USA'] },
    { id: 'europe-us' },
    { id: 'committed-only', statuses: ['committed', 'delivered'] },
    { id: 'fra-deu', include: ['FRA', 'DEU'] },
  ],
  settings: {
    trials: 2000,
    seed: 7,
    target: 0.8,
    yearsOfPeace: 2,
    readinessSigma: 0.35,
    blocCorrelation: 0.5,
    tripwire: 0.5,
    backstopTriggerDays: 3,
    fairness: 1,
    newPledgeBindingness: 'executive',
    bindingness: { 'treaty-automatic': 0.95, 'treaty-consultative': 0.8, executive: 0.65, political: 0.5 },
  },
};

export const MINIMAL_PLAN_JSON = `${JSON.stringify(MINIMAL_PLAN_OBJECT, null, 2)}\n`;
