import type { CommandDef } from '../../types';
export const serviceCommands: CommandDef[] = [];
