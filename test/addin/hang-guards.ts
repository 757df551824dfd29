/** The add-in scenarios' bounds: hang guards, never speed checks (issue 16, item 2: deterministic CI). */

/**
 * A hang guard, never a speed check: an operation takes well under a second here and seconds, at worst a minute or
 * two, on a 2-core machine running seven test suites at once (load 20-35). A wait this long means it never ends; it
 * stays below Jest's own guard (testTimeout, jest.config.js) so the failure names what never happened.
 */
export const OPERATION_TIMEOUT_MS = 600_000;
/**
 * The guard of a suite's set-up and of a step: starting a session may build the pane with webpack (minutes when the
 * add-in's sources changed and the machine is busy) and seeds a plan; Jest's testTimeout, named for the hooks.
 */
export const SETUP_TIMEOUT_MS = 900_000;
