/** Execution (Go's text/template/exec.go): walks the parse tree over the data with a step and output budget. */
import { TemplateError } from './errors';
import { callFunc } from './funcs';
import { goQuoteStr, type Lexer } from './lex';
import type { Arg, Command, Pipe, TNode } from './node';
import { goPrint, goStringLess, goTypeName, isMap, NO_VALUE, structType, truth, type Value } from './value';

export class Budget {
  steps = 0;
  constructor(
    readonly maxSteps: number,
    readonly maxOutput: number,
  ) {}
  tick(n = 1): void {
    this.steps += n;
    if (this.steps > this.maxSteps) {
      throw new TemplateError(`template: execution stopped after ${this.maxSteps} steps (the template does too much work)`, 'limit');
    }
  }
}

export class BreakSignal {
  constructor(readonly kind: 'break' | 'continue') {}
}

export type Scope = { name: string; value: Value }[];

export class Exec {
  out: string[] = [];
  size = 0;
  constructor(
    readonly lexer: Lexer,
    readonly budget: Budget,
    readonly missingKey: 'default' | 'error',
    readonly header: boolean,
  ) {}

  private write(s: string): void {
    this.size += s.length;
    if (this.size > this.budget.maxOutput) {
      throw new TemplateError(`template: output exceeds ${this.budget.maxOutput} characters`, 'limit');
    }
    this.out.push(s);
  }

  /** Go's `template: :LINE:COL: executing "" at <NODE>: MSG`. */
  error(pos: number, nodeText: string, msg: string, missingField = false): never {
    const text = this.lexer.input.slice(0, pos);
    const line = 1 + (text.match(/\n/g) ?? []).length;
    const nl = text.lastIndexOf('\n');
    const col = nl < 0 ? pos : pos - nl - 1;
    let context = nodeText;
    if ([...context].length > 20) context = [...context].slice(0, 20).join('') + '...';
    throw new TemplateError(`template: :${line}:${col}: executing "" at <${context}>: ${msg}`, 'exec', missingField);
  }

  walk(nodes: TNode[], dot: Value, vars: Scope): void {
    for (const n of nodes) {
      this.budget.tick();
      switch (n.k) {
        case 'text':
          this.write(n.text);
          break;
        case 'action': {
          const v = this.evalPipe(n.pipe, dot, vars);
          if (n.pipe.decl.length === 0) this.write(this.printValue(v, n.pipe));
          break;
        }
        case 'if':
        case 'with': {
          const inner: Scope = [...vars];
          const v = this.evalPipe(n.pipe, dot, inner);
          if (truth(v)) this.walk(n.list, n.k === 'with' ? v : dot, inner);
          else if (n.elseList) this.walk(n.elseList, dot, vars);
          break;
        }
        case 'range':
          this.walkRange(n, dot, vars);
          break;
        case 'break':
        case 'continue':
          throw new BreakSignal(n.k);
        default: {
          const never: never = n;
          return never;
        }
      }
    }
  }

  private printValue(v: Value, pipe: Pipe): string {
    if (typeof v === 'function') this.error(pipe.pos, pipe.text, `can't print ${pipe.text} of type func()`);
    return goPrint(v);
  }

  private walkRange(n: Extract<TNode, { k: 'range' }>, dot: Value, vars: Scope): void {
    const inner: Scope = [...vars];
    // Evaluate without declaring: range declares per iteration.
    const pipe = { ...n.pipe, decl: [] as string[] };
    const v = this.evalPipe(pipe, dot, inner);
    const items: [Value, Value][] = [];
    if (Array.isArray(v)) v.forEach((x, i) => items.push([i, x]));
    else if (isMap(v)) for (const k of Object.keys(v).sort(goStringLess)) items.push([k, v[k]]);
    else if (structType(v)) this.error(n.pipe.pos, n.pipe.text, `range can't iterate over ${goPrint(v)}`);
    else if (typeof v === 'number' && Number.isInteger(v)) {
      if (v > this.budget.maxSteps) this.budget.tick(v);
      for (let i = 0; i < v; i++) items.push([i, i]);
    } else if (v === NO_VALUE || v === null || v === undefined) {
      // nil ranges like an empty slice
    } else this.error(n.pipe.pos, n.pipe.text, `range can't iterate over ${goPrint(v)}`);
    if (items.length === 0) {
      if (n.elseList) this.walk(n.elseList, dot, vars);
      return;
    }
    for (const [k, x] of items) {
      this.budget.tick();
      const scope: Scope = [...inner];
      if (n.pipe.decl.length === 1) this.setVar(scope, n.pipe.decl[0], x, n.pipe.assign);
      else if (n.pipe.decl.length === 2) {
        this.setVar(scope, n.pipe.decl[0], k, n.pipe.assign);
        this.setVar(scope, n.pipe.decl[1], x, n.pipe.assign);
      }
      try {
        this.walk(n.list, x, scope);
      } catch (e) {
        if (e instanceof BreakSignal) {
          if (e.kind === 'break') break;
          continue;
        }
        throw e;
      }
      // Assignments to outer variables inside the loop body persist.
      for (let i = 0; i < inner.length; i++) inner[i] = scope[i];
    }
    for (let i = 0; i < vars.length; i++) vars[i] = inner[i];
  }

  private setVar(scope: Scope, name: string, value: Value, assign: boolean): void {
    if (assign) {
      for (let i = scope.length - 1; i >= 0; i--) {
        if (scope[i].name === name) {
          scope[i] = { name, value };
          return;
        }
      }
    }
    scope.push({ name, value });
  }

  private lookupVar(scope: Scope, name: string): Value {
    for (let i = scope.length - 1; i >= 0; i--) if (scope[i].name === name) return scope[i].value;
    return NO_VALUE;
  }

  evalPipe(pipe: Pipe, dot: Value, vars: Scope): Value {
    let final: Value = undefined;
    let hasFinal = false;
    for (const cmd of pipe.cmds) {
      this.budget.tick();
      final = this.evalCommand(cmd, dot, vars, hasFinal ? [final] : []);
      hasFinal = true;
    }
    if (pipe.decl.length === 1) this.setVar(vars, pipe.decl[0], final, pipe.assign);
    return final;
  }

  private evalCommand(cmd: Command, dot: Value, vars: Scope, final: Value[]): Value {
    const first = cmd.args[0];
    if (first.k === 'identifier') {
      const args = cmd.args.slice(1);
      return callFunc(this, first, args, dot, vars, final);
    }
    if (first.k === 'field' || (first.k === 'variable' && first.names.length) || (first.k === 'pipe' && first.names.length)) {
      // A method call could take arguments; data fields cannot.
      const withArgs = cmd.args.length > 1 || final.length > 0;
      const v = withArgs && first.k === 'field' ? this.methodOf(dot, first) : this.evalArg(first, dot, vars);
      if (withArgs) {
        if (typeof v === 'function') {
          const args = [...cmd.args.slice(1).map((a) => this.evalArg(a, dot, vars)), ...final];
          return this.callMethod(first, v as (...a: unknown[]) => unknown, args);
        }
        this.error(first.pos, first.text, `can't give argument to non-function ${first.text}`);
      }
      return v;
    }
    if (cmd.args.length > 1 || final.length) {
      const t = cmd.args.length > 1 ? cmd.args[0] : first;
      if (first.k === 'nil') this.error(first.pos, first.text, `nil is not a command`);
      this.error(t.pos, t.text, `can't give argument to non-function ${first.text}`);
    }
    if (first.k === 'nil') this.error(first.pos, first.text, 'nil is not a command');
    return this.evalArg(first, dot, vars);
  }

  private callMethod(node: Arg, fn: (...a: unknown[]) => unknown, args: unknown[]): Value {
    try {
      return fn(...args);
    } catch (e) {
      if (e instanceof TemplateError) throw e;
      this.error(node.pos, node.text, `error calling ${node.text.split('.').pop()}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  evalArg(a: Arg, dot: Value, vars: Scope): Value {
    this.budget.tick();
    switch (a.k) {
      case 'dot':
        return dot;
      case 'nil':
        return null;
      case 'literal':
        return a.value;
      case 'identifier': {
        // A function used as an argument without arguments of its own: call it with none.
        return callFunc(this, a, [], dot, vars, []);
      }
      case 'field':
        return this.evalFieldChain(dot, a.names, a);
      case 'variable':
        return this.evalFieldChain(this.lookupVar(vars, a.name), a.names, a);
      case 'pipe':
        return this.evalFieldChain(this.evalPipe(a.pipe, dot, [...vars]), a.names, a);
      default: {
        const never: never = a;
        return never;
      }
    }
  }

  /** `.A.B "x"`: the method B of .A, not yet called (so it can take the arguments). */
  private methodOf(dot: Value, node: Extract<Arg, { k: 'field' }>): Value {
    const recv = this.evalFieldChain(dot, node.names.slice(0, -1), node);
    const last = node.names[node.names.length - 1];
    if (structType(recv) || isMap(recv)) {
      const f = (recv as Record<string, unknown>)[last];
      if (typeof f === 'function') return f as Value;
    }
    return this.evalField(recv, last, node);
  }

  private evalFieldChain(receiver: Value, names: string[], node: Arg): Value {
    let v = receiver;
    for (const name of names) {
      this.budget.tick();
      v = this.evalField(v, name, node);
    }
    return v;
  }

  private evalField(receiver: Value, name: string, node: Arg): Value {
    if (receiver === NO_VALUE || receiver === undefined) {
      // Go: a missing value reached through a map has no fields.
      return NO_VALUE;
    }
    if (receiver === null) this.error(node.pos, node.text, `nil pointer evaluating interface {}.${name}`);
    const st = structType(receiver);
    if (st) {
      const obj = receiver as Record<string, unknown>;
      if (!Object.prototype.hasOwnProperty.call(obj, name)) {
        this.error(node.pos, node.text, `can't evaluate field ${name} in type ${st}`, true);
      }
      const f = obj[name];
      if (typeof f === 'function') {
        if (f.length > 0) this.error(node.pos, node.text, `wrong number of args for ${name}: want ${f.length} got 0`);
        return this.callMethod(node, f as () => unknown, []);
      }
      return f;
    }
    if (isMap(receiver)) {
      if (Object.prototype.hasOwnProperty.call(receiver, name)) {
        const f = receiver[name];
        return typeof f === 'function' ? this.callMethod(node, f as () => unknown, []) : f;
      }
      if (this.missingKey === 'error') this.error(node.pos, node.text, `map has no entry for key ${goQuoteStr(name)}`);
      return NO_VALUE;
    }
    this.error(node.pos, node.text, `can't evaluate field ${name} in type ${goTypeName(receiver)}`, true);
  }
}
