/**
 * A small plan for the CLI and view tests: three actors, three capabilities (one with a production
 * cap), every posture, a condition (`requires`) and a trigger, two scenarios, two variants.
 */
export const SMALL_PLAN_YAML = `guarantor: 1
title: Small test plan
protected: HOME
currency: EUR
actors:
  - { id: HOME, name: Homeland }
  - { id: BIG, name: Big Ally, reliability: 0.9, gdp: 2.0e12 }
  - { id: FAR, name: Far Partner, bloc: BIG, reliability: 0.6, gdp: 5.0e11 }
capabilities:
  - { id: tank-bde, name: Tank brigade, unit: brigade, effect: { land: 4 }, unitCost: 4.0e9 }
  - { id: jet-sqn, name: Fighter squadron, unit: squadron, effect: { air: 12, land: 1 }, unitCost: 1.2e9 }
  - { id: sam, name: SAM battery, unit: battery, effect: { air: 8 }, unitCost: 1.0e9, productionPerYear: 2 }
  - { id: big-package, name: Backstop package, unit: package, effect: { air: 40, land: 10 } }
pledges:
  - { id: home-army, actor: HOME, capability: tank-bde, quantity: 3, posture: in-place }
  - { id: home-sam, actor: HOME, capability: sam, quantity: 2, posture: in-place }
  - id: big-jets
    actor: BIG
    capability: jet-sqn
    quantity: 2
    posture: on-call
    readinessDays: 2
    bindingness: executive
    sources: [{ title: Big pledge, url: "https://example.org/big", date: 2025-09-04 }]
  - { id: big-backstop, actor: BIG, capability: big-package, quantity: 1, posture: backstop, readinessDays: 3, bindingness: political, status: announced }
  - { id: far-tanks, actor: FAR, capability: tank-bde, quantity: 1, posture: on-call, readinessDays: 5, bindingness: political, triggers: [land], requires: [BIG], status: announced }
  - { id: far-sam-fund, actor: FAR, capability: sam, posture: production, fundingPerYear: 5.0e9, bindingness: executive }
scenarios:
  - id: land-push
    title: Land push
    tags: [land]
    horizonDays: 20
    threat: { land: [[0, 20], [5, 30]], air: [[0, 30]] }
    requiredRatio: { land: 0.5, air: 1 }
  - { id: air-raid, title: Air raid, tags: [air], horizonDays: 10, threat: { air: [[0, 40]] } }
variants:
  - { id: alone, exclude: [BIG, FAR] }
  - { id: all }
settings: { trials: 2000, seed: 7 }
`;
