import { renderMarkdown } from '@/server/notes';

describe('renderMarkdown sanitises content HTML', () => {
  it.each([
    ['script tag', 'Hello <script>alert(1)</script> world', /<script/i],
    ['inline event handler', '<img src="x" onerror="alert(1)">', /onerror/i],
    ['javascript: link', '[click](javascript:alert(1))', /javascript:/i],
    ['javascript: link with entity', '[click](jav&#x09;ascript:alert(1))', /ascript:/i],
    ['data: link', '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)', /data:/i],
    ['iframe', '<iframe src="https://evil.example"></iframe>', /<iframe/i],
    ['style tag', '<style>body{display:none}</style>', /<style/i],
    ['raw html link', '<a href="javascript:alert(1)">x</a>', /javascript:/i],
    ['autolink javascript', '<javascript:alert(1)>', /href="javascript:/i],
  ])('strips %s', (_name, md, bad) => {
    expect(renderMarkdown(md)).not.toMatch(bad);
  });

  it('keeps ordinary Markdown', () => {
    const html = renderMarkdown(
      '# Ports\n\nSwarm uses **2377**/tcp, see [docs](https://docs.docker.com/engine/swarm/).\n\n```sh\ndocker network ls\n```\n\n| a | b |\n| - | - |\n| 1 | 2 |\n',
    );
    expect(html).toContain('<h1>Ports</h1>');
    expect(html).toContain('<strong>2377</strong>');
    expect(html).toContain('<a href="https://docs.docker.com/engine/swarm/">docs</a>');
    // The one renderer highlights code (highlight.js classes); the block stays code with its language.
    expect(html).toContain('<code class="hljs language-sh">docker network <span class="hljs-built_in">ls</span>\n</code>');
    expect(html).toContain('<table>');
  });
});
