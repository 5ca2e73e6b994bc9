/**
 * Numbers for people, as the dashboard writes them: moved to src/charts/format.ts so that the charts
 * the dashboard and the briefing reports share format alike; re-exported here for the views.
 */
export * from '../charts/format';
