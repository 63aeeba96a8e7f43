/**
 * The China calendar day (UTC+8 all year, no daylight saving since 1991) of an instant, by default
 * now, whatever the machine's or the browser's time zone: offices work in local dates. The one
 * "today" of the server, and of the web where it must agree with the server's states.
 */
export const chinaDate = (instant = new Date()): string =>
  new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
