/** Pledges from a spreadsheet (CSV or XLSX read by an adapter) and a column mapping: MODEL.md §1. */
export { type ImportedPledges, importPledges, type PledgeOrigin, type SkippedRow } from './import-pledges.js';
export { hasErrors, type ImportIssue, severityOf, sortIssues } from './issues.js';
export { type Mapping, mappingSchema } from './mapping.js';
export { type MergedPlan, type MergeRequest, mergeIntoPlan } from './merge-plan.js';
export { type DecimalMark, parseNumber } from './parse-number.js';
export { PLEDGES_ONLY_NOTE, pledgesYaml } from './pledges-document.js';
export { MAX_MAPPING_BYTES, type ReadMapping, readMapping } from './read-mapping.js';
export { type Cell, cellLabel, columnLetter, rowLabel, type Table, type TableRow } from './table.js';
