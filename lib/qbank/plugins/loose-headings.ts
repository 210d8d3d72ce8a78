/**
 * `looseHeadings`: many notes are written in editors that accept `###Title` (no space after the
 * hashes) as a heading; CommonMark reads it as a paragraph, so the section, its subject and
 * its questions are lost. Outside fenced code, a line of 2-6 `#` directly followed by a letter,
 * digit or `_` gets the missing space. Line numbers are unchanged (one column shifts on that line).
 * A single `#` stays: `#hashtag` and `#1` are more often prose than a title.
 */
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const LOOSE = /^( {0,3})(#{2,6})(?=[A-Za-z0-9_])/;

export function looseHeadings(text: string): string {
  if (!/^ {0,3}#{2,6}[A-Za-z0-9_]/m.test(text)) return text;
  let fence: string | undefined;
  return text
    .split('\n')
    .map((line) => {
      const f = FENCE.exec(line);
      if (f) {
        if (!fence) fence = f[1][0];
        else if (f[1][0] === fence) fence = undefined;
        return line;
      }
      return fence ? line : line.replace(LOOSE, '$1$2 ');
    })
    .join('\n');
}
