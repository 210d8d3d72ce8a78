/** Engine-free syntax and usage check of one command line (for content compilation). */
import { UsageError } from './flags';
import { checkShellSyntax } from './sh';
import { parseDockerArgv } from './run';
import { parsePromptLine } from './prompt';
import { CliError } from './types';

/**
 * Validate a line: shell syntax, and for `docker ...` words: known command, known flags, arg count.
 * Lines may start with "NODE$ ".
 */
export function validateCommand(line: string): { ok: true } | { ok: false; message: string } {
  try {
    const prompt = parsePromptLine(line);
    const text = prompt?.node !== undefined ? prompt.command : line;
    if (text.length > 16_384) return { ok: false, message: 'command too long' };
    const syn = checkShellSyntax(text);
    if (syn) return { ok: false, message: syn };
    // Check each substitution on its own, then the line with each substitution as one word.
    const { outer, inner } = extractSubstitutions(text);
    for (const s of inner) {
      const r = validateCommand(s);
      if (!r.ok) return r;
    }
    // Check each simple docker command (split on operators outside quotes).
    for (const part of splitSimple(outer)) {
      const words = part.trim().split(/\s+/).filter(Boolean).map((w) => w.replace(/^["']|["']$/g, ''));
      if (words[0] !== 'docker') continue;
      let rest = words.slice(1);
      while (rest[0] === '-H' || rest[0] === '--host') rest = rest.slice(2);
      rest = rest.filter((w) => !w.startsWith('--host='));
      if (!rest.length) continue;
      const p = parseDockerArgv(rest);
      if ('unknownTop' in p) return { ok: false, message: `docker: unknown command: docker ${p.unknownTop}` };
      if ('group' in p) {
        if (p.unknown !== undefined) return { ok: false, message: `docker: unknown command: docker ${p.group} ${p.unknown}` };
        continue;
      }
      const r = p.def.args;
      const n = p.args.length;
      const bad =
        (r.kind === 'exact' && n !== r.n) ||
        (r.kind === 'min' && n < r.n) ||
        (r.kind === 'max' && n > r.n) ||
        (r.kind === 'range' && (n < r.min || n > r.max)) ||
        (r.kind === 'none' && n > 0);
      if (bad && !part.includes('$(') && !part.includes('`')) return { ok: false, message: `"docker ${p.def.path}" got ${n} argument(s); usage: docker ${p.def.use}` };
    }
    return { ok: true };
  } catch (e) {
    if (e instanceof UsageError || e instanceof CliError) return { ok: false, message: e.message.split('\n')[0] };
    return { ok: false, message: (e as Error)?.message ?? 'invalid command' };
  }
}

/** Replace top-level $(...) with a placeholder word; return the inner commands. */
function extractSubstitutions(s: string): { outer: string; inner: string[] } {
  let outer = '';
  const inner: string[] = [];
  let q: string | null = null;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (q !== "'" && ch === '$' && s[i + 1] === '(') {
      let depth = 1;
      let j = i + 2;
      for (; j < s.length && depth; j++) {
        if (s[j] === '(') depth++;
        else if (s[j] === ')') depth--;
      }
      inner.push(s.slice(i + 2, j - 1));
      outer += 'SUBSTITUTION';
      i = j - 1;
      continue;
    }
    if (q) {
      if (ch === q) q = null;
    } else if (ch === '"' || ch === "'") q = ch;
    outer += ch;
  }
  return { outer, inner };
}

function splitSimple(s: string): string[] {
  const out: string[] = [];
  let q: string | null = null;
  let cur = '';
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (q) {
      if (ch === q) q = null;
      cur += ch;
      continue;
    }
    if (ch === '"' || ch === "'") q = ch;
    if (ch === '$' && s[i + 1] === '(') depth++;
    if (ch === ')' && depth) depth--;
    if (!depth && (ch === ';' || ch === '|' || ch === '&')) {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out;
}
