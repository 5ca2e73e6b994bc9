/**
 * Resource limits of the plan loader. A plan is small (a few hundred entities); the limits keep a
 * hostile or machine-made file from exhausting memory, time or the call stack.
 */

/** YAML parsing runs at about 1 MB/s: a larger YAML plan is refused with a hint to use JSON. */
export const MAX_YAML_PLAN_BYTES = 4_000_000;

/** `JSON.parse` is fast, but the validated plan is several times its text in memory. */
export const MAX_JSON_PLAN_BYTES = 64_000_000;

/** The largest plan accepted in any format. */
export const MAX_PLAN_BYTES = MAX_JSON_PLAN_BYTES;

/**
 * Deepest nesting of lists and mappings. A valid plan nests 7 levels (scenarios[0].threat.air[0][1]);
 * the YAML composer and the JSON locator recurse, and V8 can abort the whole process (not throw) when
 * a regular expression is compiled near the stack limit, so depth is refused before they run.
 */
export const MAX_PLAN_DEPTH = 64;

/**
 * YAML aliases resolved before the plan is refused (`maxAliasCount` of the yaml package): aliases are
 * handy for shared `sources`, but nested ones expand exponentially ("billion laughs").
 */
export const MAX_YAML_ALIAS_COUNT = 1000;
