/** Session lines' prompt syntax, `NODE$ command`, shared by the lab, the checker, content validation and the tools. */

/** `NODE$ command` / `$ command`: a prompt, then blanks, then the command. */
const PROMPT_LINE = /^([A-Za-z0-9][A-Za-z0-9_.-]*)?\$(?:\s+(.*))?$/;

/** A line's prompt syntax: the node its prompt names (undefined for a bare `$`) and the command after it. */
export type PromptLine = { node: string | undefined; command: string };

/**
 * The one parser of the "NODE$ command" syntax (sessions, setups, the transcript mode, content): blanks around the
 * line and around the command are ignored. null when the line has no prompt (it is a command as it stands).
 */
export function parsePromptLine(line: string): PromptLine | null {
  const text = String(line);
  // Most lines have no `$` at all (every plain command the lab runs): no trim, no regular expression.
  if (!text.includes('$')) return null;
  const m = PROMPT_LINE.exec(text.trim());
  return m ? { node: m[1], command: (m[2] ?? '').trim() } : null;
}

/** A line typed after a bare `$` prompt, without it (`$ docker ps` -> `docker ps`); any other line as it is. */
export function withoutBarePrompt(line: string): string {
  const p = parsePromptLine(line);
  return p && p.node === undefined ? p.command : line;
}
