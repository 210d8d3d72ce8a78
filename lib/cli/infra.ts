/** The shell, flag parser and template engine the simulator uses (built by the sim-infra helper). */
export { parseFlags, parseCommandFlags, UsageError, type FlagSpec, type FlagValue, type ParsedFlags, formatUsageError, requireExactArgs, requireMinArgs, requireMaxArgs, requireRangeArgs, requireNoArgs, unknownSubcommand } from './flags';
export { runShell, checkShellSyntax, SHELL_BUILTINS, type CommandResult, type ExecFn } from './shell';
export { renderTemplate, TemplateError, goStruct, parseTableFormat, renderTableHeader, tabwriteText } from './format/template';
