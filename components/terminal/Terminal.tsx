'use client';

import { useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import '@xterm/xterm/css/xterm.css';
import s from './terminal.module.css';

/** What a command printed; stderr is shown in red. */
export interface TerminalOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface TerminalHandle {
  /** Clear the screen and print a fresh prompt (optionally after a banner). */
  reset(banner?: string): void;
  /** Print a message above the prompt, as the system (not a command). */
  print(text: string): void;
  focus(): void;
}

type XTerm = import('@xterm/xterm').Terminal;

const ESC = '\x1b';
const RED = `${ESC}[31m`;
const DIM = `${ESC}[2m`;
const GREEN = `${ESC}[1;32m`;
const RESET = `${ESC}[0m`;

const crlf = (t: string) => t.replace(/\r?\n/g, '\r\n');

/** Tab completion: where the word before the cursor starts, and the words that fit. */
export type TerminalCompleter = (lineBeforeCursor: string) => { start: number; candidates: string[] };

/** Longest common prefix of some words. */
function commonPrefix(words: string[]): string {
  let p = words[0] ?? '';
  for (const w of words) while (!w.startsWith(p)) p = p.slice(0, -1);
  return p;
}

/**
 * An xterm.js terminal with a line editor: ←/→, Home/End (Ctrl-A/E), Backspace/Delete,
 * ↑/↓ history, Tab completion (`complete`), Ctrl-C to drop the line (or copy, when text is
 * selected; Ctrl-Shift-C copies too), Ctrl-V / Ctrl-Shift-V to paste, Ctrl-Enter for `onCtrlEnter`
 * (check the answer), Ctrl-L or `clear` to clear, Ctrl-U to kill the line, and paste of several
 * lines. It keeps at least `minCols` columns (scrolling sideways on a narrow screen) so
 * `docker ps` tables never wrap. Each entered line goes to `run`; xterm loads only in the
 * browser (dynamic import), so the server renders a plain placeholder.
 */
export function Terminal({
  run,
  prompt,
  banner,
  label = 'Terminal',
  ref,
  onReady,
  complete,
  onCtrlEnter,
  minCols = 130,
}: {
  run: (line: string) => TerminalOutput | null;
  prompt: string;
  banner?: string;
  label?: string;
  ref?: Ref<TerminalHandle>;
  onReady?: () => void;
  complete?: TerminalCompleter;
  onCtrlEnter?: () => void;
  minCols?: number;
}) {
  const host = useRef<HTMLDivElement>(null);
  const term = useRef<XTerm | null>(null);
  const [ready, setReady] = useState(false);
  // Mutable editor state lives in a ref so xterm's callbacks always see the latest.
  // `pending`: the lines so far of a command continued with a trailing backslash (bash's "> " prompt)
  const st = useRef({ buf: '', cur: 0, history: [] as string[], hpos: 0, draft: '', pending: null as string | null });
  const runRef = useRef(run);
  const promptRef = useRef(prompt);
  const bannerRef = useRef(banner);
  const completeRef = useRef(complete);
  const ctrlEnterRef = useRef(onCtrlEnter);
  useEffect(() => {
    runRef.current = run;
    bannerRef.current = banner;
    completeRef.current = complete;
    ctrlEnterRef.current = onCtrlEnter;
  }, [run, banner, complete, onCtrlEnter]);

  const promptText = () => (st.current.pending !== null ? '> ' : `${GREEN}${promptRef.current}${RESET}`);
  const redraw = () => {
    const t = term.current;
    if (!t) return;
    const { buf, cur } = st.current;
    t.write(`\r${ESC}[K${promptText()}${buf}`);
    if (buf.length > cur) t.write(`${ESC}[${buf.length - cur}D`);
  };
  const newPrompt = () => {
    st.current.buf = '';
    st.current.cur = 0;
    term.current?.write(`\r\n${promptText()}`);
  };

  useEffect(() => {
    promptRef.current = prompt;
    if (ready) redraw();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [prompt, ready]);

  useImperativeHandle(ref, () => ({
    reset(text?: string) {
      const t = term.current;
      if (!t) return;
      t.reset();
      st.current.buf = '';
      st.current.cur = 0;
      st.current.pending = null;
      if (text) t.write(crlf(`${DIM}${text}${RESET}\n`));
      t.write(promptText());
    },
    print(text: string) {
      const t = term.current;
      if (!t) return;
      t.write(`\r${ESC}[K${crlf(text)}\r\n`);
      redraw();
    },
    focus() {
      term.current?.focus();
    },
  }));

  useEffect(() => {
    let disposed = false;
    let cleanup = () => {};
    (async () => {
      const [{ Terminal: XTermCtor }, { FitAddon }] = await Promise.all([import('@xterm/xterm'), import('@xterm/addon-fit')]);
      if (disposed || !host.current) return;
      const t = new XTermCtor({
        cursorBlink: true,
        convertEol: false,
        fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
        fontSize: 12.5,
        lineHeight: 1.25,
        scrollback: 2000,
        screenReaderMode: true,
        theme: {
          background: '#0d1117',
          foreground: '#e6edf3',
          cursor: '#7ee787',
          selectionBackground: '#264f78',
          green: '#7ee787',
          brightGreen: '#7ee787',
          red: '#ff7b72',
          blue: '#79c0ff',
        },
      });
      const fit = new FitAddon();
      t.loadAddon(fit);
      t.open(host.current);
      t.textarea?.setAttribute('aria-label', `${label}: type a command and press Enter (Tab completes)`);
      // Fit the box, but never below minCols: a narrow screen scrolls sideways instead of wrapping tables.
      const fitWide = () => {
        try {
          fit.fit();
        } catch {
          /* not laid out yet */
        }
        if (t.cols < minCols) t.resize(minCols, t.rows);
      };
      fitWide();
      // Clipboard keys the browser should handle (xterm would turn them into control characters).
      // the character the last key pressed typed (xterm sends it; the input event that follows is a copy)
      let keyTyped = '';
      t.attachCustomKeyEventHandler((ev) => {
        if (ev.type !== 'keydown') return true;
        // AltGr characters count (ctrlKey+altKey on Windows); Ctrl-L and other shortcuts type nothing
        keyTyped = ev.key.length === 1 && ev.keyCode !== 229 && !(ev.ctrlKey && !ev.altKey) && !ev.metaKey ? ev.key : '';
        const key = ev.key.toLowerCase();
        if ((ev.ctrlKey || ev.metaKey) && key === 'enter') {
          ev.preventDefault();
          ctrlEnterRef.current?.();
          return false;
        }
        if ((ev.ctrlKey || ev.metaKey) && key === 'v') return false; // native paste event -> onData
        if ((ev.ctrlKey || ev.metaKey) && key === 'c' && (ev.shiftKey || t.hasSelection())) {
          const text = t.getSelection();
          if (text) void navigator.clipboard?.writeText(text).catch(() => {});
          ev.preventDefault();
          return false;
        }
        return true;
      });
      term.current = t;
      if (bannerRef.current) t.write(crlf(`${DIM}${bannerRef.current}${RESET}\n`));
      t.write(promptText());

      const submit = (typed: string) => {
        const e = st.current;
        t.write('\r\n');
        // A trailing backslash (not itself escaped) continues the command on the next line, as in bash:
        // the backslash-newline goes, the parts join (a pasted multi-line command runs as one).
        if (/(?:^|[^\\])(?:\\\\)*\\$/.test(typed)) {
          e.pending = (e.pending ?? '') + typed.slice(0, -1);
          e.buf = '';
          e.cur = 0;
          t.write(promptText());
          return;
        }
        const line = (e.pending ?? '') + typed;
        e.pending = null;
        const trimmed = line.trim();
        if (trimmed) {
          if (e.history[e.history.length - 1] !== trimmed) e.history.push(trimmed);
          e.hpos = e.history.length;
        }
        if (trimmed === 'clear') {
          t.clear();
          e.buf = '';
          e.cur = 0;
          t.write(`\r${ESC}[K${promptText()}`);
          return;
        }
        if (trimmed) {
          const out = runRef.current(trimmed);
          if (out) {
            if (out.stdout) t.write(crlf(out.stdout.replace(/\n$/, '')) + '\r\n');
            if (out.stderr) t.write(RED + crlf(out.stderr.replace(/\n$/, '')) + RESET + '\r\n');
          }
        }
        e.buf = '';
        e.cur = 0;
        t.write(promptText());
      };

      const tab = () => {
        const e = st.current;
        const c = completeRef.current?.(e.buf.slice(0, e.cur));
        if (!c || !c.candidates.length) return;
        const word = e.buf.slice(c.start, e.cur);
        const insert = (text: string) => {
          e.buf = e.buf.slice(0, e.cur) + text + e.buf.slice(e.cur);
          e.cur += text.length;
          redraw();
        };
        if (c.candidates.length === 1) return insert(c.candidates[0].slice(word.length) + ' ');
        const common = commonPrefix(c.candidates);
        if (common.length > word.length) return insert(common.slice(word.length));
        // several candidates and nothing more in common: list them under the line, as bash does
        t.write(`\r\n${c.candidates.join('  ')}\r\n`);
        redraw();
      };

      const handleData = (data: string) => {
        const e = st.current;
        const seqs: Record<string, () => void> = {
          [`${ESC}[A`]: () => {
            if (e.hpos === e.history.length) e.draft = e.buf;
            if (e.hpos > 0) e.hpos--;
            e.buf = e.history[e.hpos] ?? e.buf;
            e.cur = e.buf.length;
            redraw();
          },
          [`${ESC}[B`]: () => {
            if (e.hpos < e.history.length) e.hpos++;
            e.buf = e.hpos === e.history.length ? e.draft : e.history[e.hpos];
            e.cur = e.buf.length;
            redraw();
          },
          [`${ESC}[D`]: () => {
            if (e.cur > 0) {
              e.cur--;
              t.write(`${ESC}[D`);
            }
          },
          [`${ESC}[C`]: () => {
            if (e.cur < e.buf.length) {
              e.cur++;
              t.write(`${ESC}[C`);
            }
          },
          [`${ESC}[3~`]: () => {
            if (e.cur < e.buf.length) {
              e.buf = e.buf.slice(0, e.cur) + e.buf.slice(e.cur + 1);
              redraw();
            }
          },
        };
        const home = () => {
          e.cur = 0;
          redraw();
        };
        const end = () => {
          e.cur = e.buf.length;
          redraw();
        };
        for (const k of [`${ESC}[H`, `${ESC}[1~`, `${ESC}OH`, '\x01']) seqs[k] = home;
        for (const k of [`${ESC}[F`, `${ESC}[4~`, `${ESC}OF`, '\x05']) seqs[k] = end;
        if (seqs[data]) return seqs[data]();
        if (data.startsWith(ESC)) return; // other escape sequences: ignore
        for (const ch of data.replace(/\r\n/g, '\r').replace(/\n/g, '\r')) {
          if (ch === '\r') submit(e.buf);
          else if (ch === '\x7f' || ch === '\b') {
            if (e.cur > 0) {
              e.buf = e.buf.slice(0, e.cur - 1) + e.buf.slice(e.cur);
              e.cur--;
              redraw();
            }
          } else if (ch === '\x03') {
            t.write('^C');
            e.pending = null;
            e.hpos = e.history.length;
            newPrompt();
          } else if (ch === '\x0c') {
            t.clear();
            redraw();
          } else if (ch === '\x15') {
            e.buf = e.buf.slice(e.cur);
            e.cur = 0;
            redraw();
          } else if (ch === '\x17') {
            const before = e.buf.slice(0, e.cur).replace(/\S+\s*$/, '');
            e.buf = before + e.buf.slice(e.cur);
            e.cur = before.length;
            redraw();
          } else if (ch === '\t' && data.length === 1) {
            tab();
          } else if (ch === '\t') {
            // a tab inside pasted text is a blank, not a completion request
            e.buf = e.buf.slice(0, e.cur) + ' ' + e.buf.slice(e.cur);
            e.cur++;
            redraw();
          } else if (ch >= ' ') {
            e.buf = e.buf.slice(0, e.cur) + ch + e.buf.slice(e.cur);
            e.cur++;
            if (e.cur === e.buf.length) t.write(ch);
            else redraw();
          }
        }
      };
      const onData = t.onData(handleData);
      // A phone's on-screen keyboard (and voice or suggestion input) sends text as input events with no
      // key press (or an "Unidentified" one, keyCode 229); xterm ignores those in screen-reader mode (its
      // _inputEvent), so they go here. After a typed key xterm has sent the character already.
      const textarea = t.textarea;
      const onInput = (ev: Event) => {
        const ie = ev as InputEvent;
        const typed = keyTyped;
        keyTyped = '';
        if ((typed && typed === ie.data) || ie.inputType !== 'insertText' || !ie.data || ie.isComposing) return;
        handleData(ie.data);
        if (textarea) textarea.value = '';
      };
      textarea?.addEventListener('input', onInput);

      const ro = new ResizeObserver(() => fitWide());
      ro.observe(host.current);
      cleanup = () => {
        ro.disconnect();
        textarea?.removeEventListener('input', onInput);
        onData.dispose();
        t.dispose();
        term.current = null;
      };
      setReady(true);
      onReady?.();
    })();
    return () => {
      disposed = true;
      cleanup();
    };
    // The terminal is created once; later prop changes go through refs.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <div className={s.frame} role="group" aria-label={label}>
      <div className={s.chrome} aria-hidden="true">
        <span />
        <span />
        <span />
        <em>{prompt.replace(/[$#]\s*$/, '').trim() || 'shell'}</em>
      </div>
      <div ref={host} className={s.screen} data-ready={ready || undefined} onClick={() => term.current?.focus()}>
        {!ready && <p className={s.loading}>Starting terminal…</p>}
      </div>
    </div>
  );
}
