import {
  goJson,
  goSprintf,
  goStruct,
  isTableFormat,
  parseTableFormat,
  renderTableHeader,
  renderTemplate,
  tabwrite,
  tabwriteText,
  TemplateError,
} from '@/lib/cli/format/template';

// Inspect data as docker's raw-JSON fallback sees it (maps) ...
const NET = {
  Name: 'dev_bridge',
  Id: '5f2a9c1e',
  Driver: 'bridge',
  Internal: false,
  IPAM: { Driver: 'default', Options: {}, Config: [{ Subnet: '172.18.0.0/16', Gateway: '172.18.0.1' }] },
  Options: { 'com.docker.network.bridge.name': 'br-dev', 'com.docker.network.driver.mtu': '1500' },
  Labels: { env: 'dev' },
  Containers: {
    b1: { Name: 'web', IPv4Address: '172.18.0.2/16' },
    a2: { Name: 'db', IPv4Address: '172.18.0.3/16' },
  },
  Peers: null,
  Count: 2,
  Ratio: 0.5,
};
// ... and as the typed struct docker executes first.
const STRUCT = goStruct('network.Inspect', {
  Name: 'dev_bridge',
  IPAM: goStruct('network.IPAM', {
    Driver: 'default',
    Options: {},
    Config: [goStruct('network.IPAMConfig', { Subnet: '172.18.0.0/16', IPRange: '', Gateway: '172.18.0.1', AuxAddress: {} })],
  }),
  Upper: () => 'DEV_BRIDGE',
});

describe('renderTemplate: constructs', () => {
  it.each<[string, string, unknown, string]>([
    // fields and printing
    ['field', '{{.Name}}', NET, 'dev_bridge'],
    ['nested field', '{{.IPAM.Driver}}', NET, 'default'],
    ['slice of maps prints like Go', '{{.IPAM.Config}}', NET, '[map[Gateway:172.18.0.1 Subnet:172.18.0.0/16]]'],
    ['slice of structs prints like Go', '{{.IPAM.Config}}', STRUCT, '[{172.18.0.0/16  172.18.0.1 map[]}]'],
    ['map prints sorted', '{{.Options}}', NET, 'map[com.docker.network.bridge.name:br-dev com.docker.network.driver.mtu:1500]'],
    ['empty map', '{{.IPAM.Options}}', NET, 'map[]'],
    ['bool, number, float, nil', '{{.Internal}} {{.Count}} {{.Ratio}} {{.Peers}}', NET, 'false 2 0.5 <nil>'],
    ['missing map key', '{{.Nope}}', NET, '<no value>'],
    ['missing key chain', '{{.Nope.Deeper}}', NET, '<no value>'],
    ['dot', '{{.}}', 'x', 'x'],
    ['method on a struct', '{{.Upper}}', STRUCT, 'DEV_BRIDGE'],
    ['methods are not printed as fields', '{{.}}', goStruct('t', { A: 'a', M: () => 'm', B: 1 }), '{a 1}'],
    // json
    ['json of a map sorts keys', '{{json .IPAM}}', NET, '{"Config":[{"Gateway":"172.18.0.1","Subnet":"172.18.0.0/16"}],"Driver":"default","Options":{}}'],
    ['json of a struct keeps field order', '{{json .IPAM}}', STRUCT, '{"Driver":"default","Options":{},"Config":[{"Subnet":"172.18.0.0/16","IPRange":"","Gateway":"172.18.0.1","AuxAddress":{}}]}'],
    ['json of a formatter context sorts keys (MarshalJSON builds a map)', '{{json .}}', goStruct('network.networkContext', { Name: 'n', Driver: 'bridge', ID: 'x' }, { jsonAsMap: true }), '{"Driver":"bridge","ID":"x","Name":"n"}'],
    ['json does not escape HTML', '{{json .}}', { a: '<b>&' }, '{"a":"<b>&"}'],
    ['json string', '{{json .Name}}', NET, '"dev_bridge"'],
    // index, len
    ['index map', '{{index .Options "com.docker.network.bridge.name"}}', NET, 'br-dev'],
    ['index missing key of a string map', '[{{index .Options "nope"}}]', NET, '[]'],
    ['index slice then field', '{{(index .IPAM.Config 0).Subnet}}', NET, '172.18.0.0/16'],
    ['nested index', '{{index .IPAM.Config 0 | json}}', NET, '{"Gateway":"172.18.0.1","Subnet":"172.18.0.0/16"}'],
    ['len', '{{len .Containers}} {{len .Name}} {{len .IPAM.Config}}', NET, '2 10 1'],
    // range
    ['range slice', '{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}', NET, '172.18.0.0/16 172.18.0.1'],
    ['range map with key and value (sorted keys)', '{{range $k, $v := .Containers}}{{$k}}:{{$v.Name}} {{end}}', NET, 'a2:db b1:web '],
    ['range map values', '{{range .Containers}}{{.Name}}={{.IPv4Address}};{{end}}', NET, 'db=172.18.0.3/16;web=172.18.0.2/16;'],
    ['range else', '{{range .Peers}}x{{else}}none{{end}}', NET, 'none'],
    ['range index var', '{{range $i, $c := .IPAM.Config}}{{$i}}{{end}}', NET, '0'],
    ['range int', '{{range 3}}{{.}}{{end}}', null, '012'],
    ['break and continue', '{{range $i, $e := .}}{{if eq $i 1}}{{continue}}{{end}}{{if eq $i 3}}{{break}}{{end}}{{$e}}{{end}}', ['a', 'b', 'c', 'd'], 'ac'],
    ['$ inside range', '{{range .IPAM.Config}}{{$.Name}}{{end}}', NET, 'dev_bridge'],
    // if / with
    ['if else', '{{if .Internal}}internal{{else}}external{{end}}', NET, 'external'],
    ['else if', '{{if eq .Driver "overlay"}}o{{else if eq .Driver "bridge"}}b{{else}}x{{end}}', NET, 'b'],
    ['if on empty map is false', '{{if .IPAM.Options}}y{{else}}n{{end}}', NET, 'n'],
    ['with', '{{with .IPAM}}{{.Driver}}{{end}}', NET, 'default'],
    ['with else', '{{with .Nope}}y{{else}}n{{end}}', NET, 'n'],
    // variables and pipelines
    ['variables', '{{$n := .Name}}{{$n}}-{{$n = "x"}}{{$n}}', NET, 'dev_bridge-x'],
    ['pipeline to function', '{{.Name | upper}}', NET, 'DEV_BRIDGE'],
    ['pipeline chain', '{{.Name | printf "%s!" | upper}}', NET, 'DEV_BRIDGE!'],
    ['parenthesised pipeline', '{{printf "%s/%d" .Name (len .Containers)}}', NET, 'dev_bridge/2'],
    // trim markers and comments
    ['trim markers', 'a  {{- .Name -}}  b', NET, 'adev_bridgeb'],
    ['trim newlines', '{{range .IPAM.Config}}\n  {{- .Subnet}}\n{{- end}}', NET, '172.18.0.0/16'],
    ['comment', 'a{{/* note */}}b{{- /* x */ -}} c', NET, 'abc'],
    // comparisons and logic
    ['eq ne lt gt', '{{eq .Name "dev_bridge"}} {{ne 1 2}} {{lt 1 2}} {{gt "b" "a"}} {{le 2 2}} {{ge 1 2}}', NET, 'true true true true true false'],
    ['eq with several candidates', '{{eq .Driver "overlay" "bridge"}}', NET, 'true'],
    ['and/or return operands', '{{and 1 "x"}} {{or 0 ""}} {{or 0 "y"}} {{not .Internal}}', NET, 'x  y true'],
    // printf and friends
    ['printf verbs', '{{printf "%-6s|%5d|%q|%v|%.1f|%x|%t|%%" "ab" 42 "q" .Labels 3.14159 255 true}}', NET, 'ab    |   42|"q"|map[env:dev]|3.1|ff|true|%'],
    ['print and println', '{{print "a" 1 2 "b"}}{{println "x" 1}}', NET, 'a1 2bx 1\n'],
    ['literals', '{{"a\\tb"}} {{`raw\\n`}} {{1.5}} {{0x10}} {{true}}', NET, 'a\tb raw\\n 1.5 16 true'],
    // docker functions
    ['split join', '{{join (split "a,b,c" ",") "+"}}', NET, 'a+b+c'],
    ['join map values sorted', '{{join .Options ","}}', NET, '1500,br-dev'],
    ['title lower upper', '{{title "hello world"}} {{lower "AbC"}} {{upper "x"}}', NET, 'Hello World abc X'],
    ['pad truncate', '[{{pad "x" 1 2}}][{{pad "" 3 3}}][{{truncate "abcdef" 3}}][{{truncate "ab" 5}}]', NET, '[ x  ][][abc][ab]'],
  ])('%s', (_n, tpl, data, want) => {
    expect(renderTemplate(tpl, data)).toBe(want);
  });
});

function errorOf(fn: () => unknown): TemplateError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(TemplateError);
    return e as TemplateError;
  }
  throw new Error('no error thrown');
}

describe('renderTemplate: Go error texts', () => {
  it.each<[string, string, unknown, string, 'parse' | 'exec' | 'limit']>([
    ['unknown function', '{{InvalidFunction}}', NET, 'template: :1: function "InvalidFunction" not defined', 'parse'],
    ['nil is not a command', '{{nil}}', NET, 'template: :1:2: executing "" at <nil>: nil is not a command', 'exec'],
    ['missing struct field', '{{.Foo}}', STRUCT, 'template: :1:2: executing "" at <.Foo>: can\'t evaluate field Foo in type network.Inspect', 'exec'],
    ['field of a string', '{{.Name.Foo}}', NET, 'template: :1:2: executing "" at <.Name.Foo>: can\'t evaluate field Foo in type string', 'exec'],
    ['column of the node', 'x {{ .Name }} {{.Foo}}', STRUCT, 'template: :1:16: executing "" at <.Foo>: can\'t evaluate field Foo in type network.Inspect', 'exec'],
    ['line number', 'a\nb {{.Foo}}', STRUCT, 'template: :2:4: executing "" at <.Foo>: can\'t evaluate field Foo in type network.Inspect', 'exec'],
    ['long context truncated', '{{.IPAM.Config.Whatever.Else}}', STRUCT, 'template: :1:2: executing "" at <.IPAM.Config.Whateve...>: can\'t evaluate field Whatever in type []interface {}', 'exec'],
    ['index out of range', '{{index .IPAM.Config 3}}', NET, 'template: :1:2: executing "" at <index>: error calling index: index out of range: 3', 'exec'],
    ['len of a number', '{{len .Count}}', NET, 'template: :1:2: executing "" at <len>: error calling len: len of type int', 'exec'],
    ['wrong arg count', '{{len 1 2}}', NET, 'template: :1:2: executing "" at <len>: wrong number of args for len: want 1 got 2', 'exec'],
    ['incompatible eq', '{{eq .Name 1}}', NET, 'template: :1:2: executing "" at <eq>: error calling eq: incompatible types for comparison', 'exec'],
    ['argument to a non-function', '{{.Name 1}}', NET, 'template: :1:2: executing "" at <.Name>: can\'t give argument to non-function .Name', 'exec'],
    ['missingkey=error', '{{.Nope}}', NET, 'template: :1:2: executing "" at <.Nope>: map has no entry for key "Nope"', 'exec'],
    ['unexpected EOF', '{{range .X}}', NET, 'template: :1: unexpected EOF', 'parse'],
    ['unclosed action', '{{.Name', NET, 'template: :1: unclosed action', 'parse'],
    ['stray end', '{{end}}', NET, 'template: :1: unexpected {{end}}', 'parse'],
    ['missing value for if', '{{if}}{{end}}', NET, 'template: :1: missing value for if', 'parse'],
    ['undefined variable', '{{$x}}', NET, 'template: :1: undefined variable "$x"', 'parse'],
    ['bad character', '{{@}}', NET, "template: :1: bad character U+0040 '@'", 'parse'],
    ['unterminated string', '{{"abc}}', NET, 'template: :1: unterminated quoted string', 'parse'],
    ['break outside range', '{{break}}', NET, 'template: :1: {{break}} outside {{range}}', 'parse'],
    ['error on line 3', 'a\nb\n{{foo}}', NET, 'template: :3: function "foo" not defined', 'parse'],
  ])('%s', (_n, tpl, data, goMessage, phase) => {
    const e = errorOf(() => renderTemplate(tpl, data, { missingKey: _n === 'missingkey=error' ? 'error' : 'default' }));
    expect(e.goMessage).toBe(goMessage);
    expect(e.message).toBe(`template parsing error: ${goMessage}`);
    expect(e.phase).toBe(phase);
    expect(e.kind).toBe('bad-request');
  });

  it('flags a missing struct field for the raw-JSON fallback', () => {
    expect(errorOf(() => renderTemplate('{{.Id}}', STRUCT)).missingField).toBe(true);
    expect(errorOf(() => renderTemplate('{{index 1 2}}', STRUCT)).missingField).toBe(false);
  });
});

describe('renderTemplate: hostile templates are bounded', () => {
  it.each<[string, string, unknown]>([
    ['huge range', '{{range 1000000000}}x{{end}}', null],
    ['nested ranges', '{{range 1000}}{{range 1000}}{{range 1000}}x{{end}}{{end}}{{end}}', null],
    ['output bomb', '{{range 100000}}{{pad "x" 100000 0}}{{end}}', null],
  ])('%s', (_n, tpl, data) => {
    const start = performance.now();
    const e = errorOf(() => renderTemplate(tpl, data, { maxSteps: 100_000, maxOutput: 1_000_000 }));
    expect(e.phase).toBe('limit');
    expect(performance.now() - start).toBeLessThan(3000);
  });

  it('deeply nested parentheses give an error, not a stack overflow', () => {
    const tpl = '{{' + '('.repeat(5000) + '1' + ')'.repeat(5000) + '}}';
    expect(errorOf(() => renderTemplate(tpl, null)).phase).toBe('parse');
  });

  it('rejects a template that is too long', () => {
    expect(errorOf(() => renderTemplate('x'.repeat(70_000), null)).phase).toBe('limit');
  });
});

describe('table formats and tabwriter', () => {
  it('recognises and preprocesses formats like docker/cli', () => {
    expect(isTableFormat('table {{.Name}}')).toBe(true);
    expect(isTableFormat('{{.Name}}')).toBe(false);
    expect(parseTableFormat('table {{.ID}}\\t{{.Name}}')).toEqual({ table: true, template: '{{.ID}}\t{{.Name}}' });
    expect(parseTableFormat('  {{.Name}}\\n ')).toEqual({ table: false, template: '{{.Name}}\n' });
    expect(parseTableFormat('table')).toEqual({ table: true, template: '' });
  });

  it('renders the header row with pass-through functions', () => {
    const headers = { ID: 'NETWORK ID', Name: 'NAME', Driver: 'DRIVER', Scope: 'SCOPE' };
    expect(renderTableHeader('{{.ID}}\t{{.Name | upper}}\t{{json .Driver}}\t{{truncate .Scope 2}}', headers)).toBe('NETWORK ID\tNAME\tDRIVER\tSCOPE');
  });

  // Golden outputs from docker/cli: cli/command/network/testdata/network-list.golden and formatter_test.go.
  it.each<[string, string[][], string]>([
    ['network-list.golden', [['NETWORK ID', 'NAME', 'DRIVER', 'SCOPE'], ['123454321', 'network_1', '09.7.01', 'global']], 'NETWORK ID   NAME        DRIVER    SCOPE\n123454321    network_1   09.7.01   global\n'],
    ['formatter_test table', [['NETWORK ID', 'NAME', 'DRIVER', 'SCOPE'], ['networkID1', 'foobar_baz', 'foo', 'local'], ['networkID2', 'foobar_bar', 'bar', 'local']], 'NETWORK ID   NAME         DRIVER    SCOPE\nnetworkID1   foobar_baz   foo       local\nnetworkID2   foobar_bar   bar       local\n'],
    ['single column is not padded', [['NAME'], ['foobar_baz'], ['foobar_bar']], 'NAME\nfoobar_baz\nfoobar_bar\n'],
    ['minimum width 10', [['A', 'B'], ['x', 'y']], 'A         B\nx         y\n'],
    ['ragged rows', [['A', 'B', 'C'], ['long-value-here', 'y'], ['z', 'w', 'v']], 'A                 B         C\nlong-value-here   y\nz                 w         v\n'],
    ['empty', [], ''],
  ])('%s', (_n, rows, want) => {
    expect(tabwrite(rows)).toBe(want);
  });

  it('a line without tabs ends a column block, and a partial last line is aligned too', () => {
    expect(tabwriteText('a\tb\nlonger-first\tc\n-\nx\ty\n')).toBe('a              b\nlonger-first   c\n-\nx         y\n');
    expect(tabwriteText('a\tb\nc\td')).toBe('a         b\nc         d');
  });
});

describe('Go value helpers', () => {
  it('json escapes like encoding/json without HTML escaping', () => {
    expect(goJson({ b: 1, a: ['x\n', null, true, 1.5, '\u2028'] })).toBe('{"a":["x\\n",null,true,1.5,"\\u2028"],"b":1}');
  });
  it('sprintf reports bad verbs like fmt', () => {
    expect(goSprintf('%d %s', ['x'])).toBe('%!d(string=x) %!s(MISSING)');
    expect(goSprintf('a', [1])).toBe('a%!(EXTRA int=1)');
  });
});
