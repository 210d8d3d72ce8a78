/**
 * Go text/template, the subset `docker --format` users write, plus docker/cli's template functions and its
 * tabwriter (cli/command/formatter).
 *
 * Lifecycle: `renderTemplate(text, data)` lexes and parses the template (parse errors first, as Go does), then
 * executes it over `data` with a step and output budget, so no template can hang or flood the lab.
 * For `--format 'table ...'`, `parseTableFormat` strips the prefix the way docker/cli does, `renderTableHeader`
 * renders the header row from a field -> header-name map, and `tabwrite`/`tabwriteText` align the columns exactly
 * like `tabwriter.NewWriter(out, 10, 1, 3, ' ', 0)`.
 *
 * Data model (JS values standing for Go values):
 * - plain objects are `map[string]interface {}`: keys print sorted (`map[a:1 b:2]`), a missing key is `<no value>`
 *   (or an error with `missingKey: 'error'`, as docker's raw inspect fallback uses);
 * - objects made with `goStruct(typeName, fields)` are structs: fields print in insertion order (`{a b}`), a missing
 *   field is the error "can't evaluate field X in type T"; a function-valued field is a method and is called;
 * - arrays are slices (`[a b]`), strings, numbers (integers print without a fraction), booleans, null is `<nil>`.
 *
 * Supported: text and `{{ }}` actions with `{{-`/`-}}` trimming and comments; fields and chains (`.A.B`, `$x.A`),
 * variables (`$`, `$x := p`, `$x = p`), literals, parenthesised pipelines, pipelines with `|`; `if`/`else if`/`else`,
 * `range` (slices, maps, integers; `$i, $v :=`; `else`; `break`/`continue`), `with`/`else with`/`else`;
 * functions `and or not len index slice print printf println eq ne lt le gt ge html js urlquery` and docker's
 * `json split join title lower upper pad truncate`. Not supported: `define`/`template`/`block` (parse error).
 */
export { goStruct } from '../../../cnm';
export { TEMPLATE_DEFAULTS, TemplateError, type TemplateOptions } from './errors';
export { checkTemplate, renderTemplate } from './template';
export { goJson, goPrint, goSprintf } from './value';
export { isTableFormat, parseTableFormat, renderTableHeader } from './table';
export { tabwrite, tabwriteText } from '../tabwriter';
