/** The parse tree (Go's text/template/parse/node.go). */

export type Arg =
  | { k: 'field'; names: string[]; pos: number; text: string }
  | { k: 'variable'; name: string; names: string[]; pos: number; text: string }
  | { k: 'dot'; pos: number; text: string }
  | { k: 'nil'; pos: number; text: string }
  | { k: 'literal'; value: unknown; pos: number; text: string }
  | { k: 'identifier'; name: string; pos: number; text: string }
  | { k: 'pipe'; pipe: Pipe; names: string[]; pos: number; text: string };

export type Command = { args: Arg[]; pos: number };
export type Pipe = { decl: string[]; assign: boolean; cmds: Command[]; pos: number; line: number; text: string };

export type TNode =
  | { k: 'text'; text: string }
  | { k: 'action'; pipe: Pipe; pos: number; line: number }
  | { k: 'if' | 'with'; pipe: Pipe; list: TNode[]; elseList: TNode[] | null; pos: number; line: number }
  | { k: 'range'; pipe: Pipe; list: TNode[]; elseList: TNode[] | null; pos: number; line: number }
  | { k: 'break' | 'continue'; pos: number; line: number };
