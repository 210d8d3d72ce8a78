/** readDockerLine: a docker line read with the lab's shell words, command table and flag specs, nothing run (#17). */
import { readDockerLine } from '@/lib/cli';

test.each([
  // command table: aliases and shortcuts read as `object verb`
  ['docker run -d --name web nginx', { path: 'container run', flags: [{ name: '-d' }, { name: '--name', value: 'web' }], args: ['nginx'] }],
  ['docker network list', { path: 'network ls', flags: [], args: [] }],
  ['docker ps -a', { path: 'container ls', flags: [{ name: '-a' }], args: [] }],
  // flag specs: value flags, --x=y, shorthand groups ending in a value flag
  ['docker network create --driver=overlay --subnet 10.0.0.0/24 net1', { path: 'network create', flags: [{ name: '--driver', value: 'overlay' }, { name: '--subnet', value: '10.0.0.0/24' }], args: ['net1'] }],
  ['docker run -dp 8080:80 nginx', { path: 'container run', flags: [{ name: '-d' }, { name: '-p', value: '8080:80' }], args: ['nginx'] }],
  // run stops reading flags at the image; network create reads them anywhere
  ['docker run nginx ls -l', { path: 'container run', flags: [], args: ['nginx', 'ls', '-l'] }],
  ['docker network create mynet --attachable', { path: 'network create', flags: [{ name: '--attachable' }], args: ['mynet'] }],
  // shell words: quotes removed, variables left as written
  ['docker run -e "A=b c" --name $NAME nginx', { path: 'container run', flags: [{ name: '-e', value: 'A=b c' }, { name: '--name', value: '$NAME' }], args: ['nginx'] }],
  // unknown command: no path, flags only before the first argument
  ['docker volume create --label a=b data', { flags: [], args: ['volume', 'create', '--label', 'a=b', 'data'] }],
  ['echo hi', { flags: [], args: ['echo', 'hi'] }],
])('%s', (line, expected) => {
  expect(readDockerLine(line)).toEqual(expected);
});
