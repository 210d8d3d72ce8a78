/**
 * The docker CLI front end of the CNM simulator (browser-safe).
 *
 * createLab() -> Lab.run(line, node) parses a shell line, routes `docker ...` words through the
 * command table (lib/cli/commands) to the node's Controller (lib/cnm), and everything else to the
 * node's or a container's programs (lib/cli/exec). check() judges command-task answers;
 * validateCommand() checks syntax and usage without an engine.
 */
export { createLab, restoreLab, type Lab, type LabView } from './lab';
export type { CommandResult } from './sh';
export { check, type CheckTask, type CheckResult, type CheckOptions } from './check';
export { startTask, sessionLine, splitSessionLine, type TaskStart } from './session';
export { DEFAULT_SEED } from '../cnm';
export { validateCommand } from './validate';
export { readDockerLine, type DockerLine, type LineFlag } from './line';
export { withoutBarePrompt } from './prompt';
export { completeLine, type Completion } from './complete';
