import type { CommandDef } from '../../types';
export const swarmCommands: CommandDef[] = [];
