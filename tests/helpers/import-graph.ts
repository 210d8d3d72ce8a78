import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The runtime import graph of the project's own source: file -> files it imports at run time.
 * `import type`, `export type` and imports whose every name is `type X` are erased by the compiler, so
 * they are not edges. Specifiers are resolved like tsconfig does ('@/' is the project root, relative paths,
 * index.ts); packages are left out. Paths are relative to `root`, with '/' separators.
 */
export function importGraph(root: string, dirs: string[], files: string[] = []): Map<string, string[]> {
  const all: string[] = [...files.filter((f) => fs.existsSync(path.join(root, f)))];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(path.join(root, d), { withFileTypes: true })) {
      const p = `${d}/${e.name}`;
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|tsx|mts)$/.test(e.name) && !e.name.endsWith('.d.ts')) all.push(p);
    }
  };
  for (const d of dirs) if (fs.existsSync(path.join(root, d))) walk(d);

  const resolve = (from: string, spec: string): string | null => {
    const base = spec.startsWith('@/') ? spec.slice(2) : spec.startsWith('.') ? path.posix.join(path.posix.dirname(from), spec) : null;
    if (base === null) return null;
    for (const c of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`])
      if (/\.(ts|tsx|mts)$/.test(c) && fs.existsSync(path.join(root, c))) return path.posix.normalize(c);
    return null;
  };

  const graph = new Map<string, string[]>();
  for (const f of all) {
    const src = ts.createSourceFile(f, fs.readFileSync(path.join(root, f), 'utf8'), ts.ScriptTarget.Latest, false);
    const deps: string[] = [];
    for (const st of src.statements) {
      let spec: string | null = null;
      if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier)) {
        const c = st.importClause;
        const typeOnly =
          c !== undefined &&
          (c.isTypeOnly ||
            (!c.name && c.namedBindings !== undefined && ts.isNamedImports(c.namedBindings) && c.namedBindings.elements.length > 0 && c.namedBindings.elements.every((e) => e.isTypeOnly)));
        if (!typeOnly) spec = st.moduleSpecifier.text;
      } else if (ts.isExportDeclaration(st) && st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier)) {
        const typeOnly =
          st.isTypeOnly || (st.exportClause !== undefined && ts.isNamedExports(st.exportClause) && st.exportClause.elements.length > 0 && st.exportClause.elements.every((e) => e.isTypeOnly));
        if (!typeOnly) spec = st.moduleSpecifier.text;
      }
      const r = spec === null ? null : resolve(f, spec);
      if (r) deps.push(r);
    }
    graph.set(f, deps);
  }
  return graph;
}

/** Every cycle the depth-first walk meets, each written "a -> b -> a". */
export function importCycles(graph: Map<string, string[]>): string[] {
  const cycles: string[] = [];
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const dfs = (n: string) => {
    state.set(n, 1);
    stack.push(n);
    for (const d of graph.get(n) ?? []) {
      if (state.get(d) === 1) cycles.push([...stack.slice(stack.indexOf(d)), d].join(' -> '));
      else if (!state.get(d)) dfs(d);
    }
    stack.pop();
    state.set(n, 2);
  };
  for (const f of graph.keys()) if (!state.get(f)) dfs(f);
  return cycles;
}
