/**
 * Chart hovers as HTML: moved to src/charts/hover-html.ts with the shared chart definitions;
 * re-exported here for the views.
 */
export * from '../charts/hover-html';
