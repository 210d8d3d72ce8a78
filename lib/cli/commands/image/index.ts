/**
 * docker images / image ls and docker pull (docker/cli cli/command/image/{list,pull}.go, formatter
 * image.go). The lab has no registry: the catalogue of lib/cnm/images.ts is what exists, and a node
 * holds the images it pulled (by `docker pull` or by running a container).
 */
import type { CommandDef } from '../../types';
import { CliError } from '../../types';
import { bool, checkFilterKeys, filterMatcher, labelMatch, list, parseFilters, str } from '../common';
import { formatList, goTime, humanDuration } from '../../format/formatter';
import { CnmError, IMAGES, ImageNotFoundError, parseImageRef, type LocalImage } from '../../../cnm';

/** go-units HumanSizeWithPrecision(size, 3): decimal units, 3 significant digits ("192MB", "8.44MB", "10.1kB"). */
function humanSize(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];
  let v = bytes;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${Number(v.toPrecision(3))}${units[i]}`;
}

const HEADERS: Record<string, string> = {
  ID: 'IMAGE ID',
  Repository: 'REPOSITORY',
  Tag: 'TAG',
  Digest: 'DIGEST',
  CreatedSince: 'CREATED',
  CreatedAt: 'CREATED AT',
  Size: 'SIZE',
  Containers: 'CONTAINERS',
  SharedSize: 'SHARED SIZE',
  UniqueSize: 'UNIQUE SIZE',
  VirtualSize: 'SIZE',
};

/** shell-style glob of `--filter reference=` (path.Match: * does not cross "/"). */
function globMatch(pattern: string, s: string): boolean {
  const re = new RegExp('^' + pattern.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]') + '$');
  return re.test(s);
}

function referenceMatch(want: string, img: LocalImage): boolean {
  const hasTag = want.includes(':') && !want.slice(want.lastIndexOf(':')).includes('/');
  const { repo, tag } = parseImageRef(want);
  return globMatch(repo, img.repo) && (!hasTag || globMatch(tag, img.tag));
}

/** docker images [REPOSITORY[:TAG]] */
export const images: CommandDef = {
  path: 'images',
  aliases: ['image ls', 'image list'],
  use: 'images [OPTIONS] [REPOSITORY[:TAG]]',
  short: 'List images',
  args: { kind: 'max', n: 1 },
  flags: [
    { long: 'all', short: 'a', type: 'bool' },
    { long: 'digests', type: 'bool' },
    { long: 'filter', short: 'f', type: 'stringArray' },
    { long: 'format', type: 'string' },
    { long: 'no-trunc', type: 'bool' },
    { long: 'quiet', short: 'q', type: 'bool' },
    { long: 'tree', type: 'bool' },
  ],
  run(ctx, f, args) {
    if (bool(f, 'tree')) throw new CliError('docker images --tree: the tree view is not simulated in this lab; use docker images');
    const filters = parseFilters(list(f, 'filter'));
    checkFilterKeys(filters, ['dangling', 'label', 'before', 'since', 'reference', 'until']);
    const any = filterMatcher(filters);
    const now = ctx.world.state.clock;
    const trunc = !bool(f, 'no-trunc');
    const rows = ctx.ctl
      .images()
      .filter((img) => (args[0] === undefined || referenceMatch(args[0], img)) && any('reference', (v) => referenceMatch(v, img)) && any('dangling', (v) => v === 'false') && (!filters.has('label') || labelMatch({}, filters.get('label')!)))
      .sort((a, b) => b.created - a.created || a.repo.localeCompare(b.repo) || a.tag.localeCompare(b.tag))
      .map((img) => ({
        ID: trunc ? img.id.slice(0, 12) : `sha256:${img.id}`,
        Repository: img.repo,
        Tag: img.tag,
        Digest: `sha256:${img.digest}`,
        CreatedSince: `${humanDuration(now - img.created)} ago`,
        CreatedAt: goTime(img.created),
        Size: humanSize(img.size),
        VirtualSize: humanSize(img.size),
        SharedSize: 'N/A',
        UniqueSize: 'N/A',
        Containers: 'N/A',
      }));
    if (bool(f, 'quiet')) {
      const seen = new Set<string>();
      for (const r of rows) {
        if (seen.has(r.ID)) continue;
        seen.add(r.ID);
        ctx.out.push(`${r.ID}\n`);
      }
      return;
    }
    const table = bool(f, 'digests')
      ? 'table {{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}'
      : 'table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}';
    ctx.out.push(formatList(rows, str(f, 'format'), table, HEADERS, '*formatter.imageContext'));
  },
};

/** docker pull [OPTIONS] NAME[:TAG|@DIGEST] */
export const pull: CommandDef = {
  path: 'pull',
  aliases: ['image pull'],
  use: 'pull [OPTIONS] NAME[:TAG|@DIGEST]',
  short: 'Download an image from a registry',
  args: { kind: 'exact', n: 1 },
  flags: [
    { long: 'all-tags', short: 'a', type: 'bool' },
    { long: 'quiet', short: 'q', type: 'bool' },
    { long: 'platform', type: 'string' },
    { long: 'disable-content-trust', type: 'bool', hidden: true },
  ],
  run(ctx, f, args) {
    const ref = args[0];
    if (ref !== ref.toLowerCase()) throw new CliError(`invalid reference format: repository name (${ref.split(':')[0]}) must be lowercase`);
    const { repo, tag } = parseImageRef(ref);
    const quiet = bool(f, 'quiet');
    const hasTag = /:[^/]+$/.test(ref.split('@')[0]);
    if (!hasTag && !quiet) ctx.out.push('Using default tag: latest\n');
    const known = IMAGES.find((i) => i.name === repo);
    if (!known) throw new ImageNotFoundError(repo, 'denied: requested access to the resource is denied');
    if (!known.tags.includes(tag)) throw new CnmError('not-found', `manifest for ${repo}:${tag} not found: manifest unknown: manifest unknown`);
    const fresh = ctx.ctl.pullImage(`${repo}:${tag}`);
    const path = repo.includes('/') ? repo : `library/${repo}`;
    const img = ctx.ctl.images().find((i) => i.repo === repo && i.tag === tag)!;
    if (!quiet) {
      ctx.out.push(`${tag}: Pulling from ${path}\n`);
      // The progress of each layer (Pulling fs layer, Downloading, Extracting ...) condensed to its last line.
      if (fresh) for (let k = 0; k < 3; k++) ctx.out.push(`${img.id.slice(k * 12 + 4, k * 12 + 16)}: Pull complete\n`);
      ctx.out.push(`Digest: sha256:${img.digest}\n`);
      ctx.out.push(fresh ? `Status: Downloaded newer image for ${repo}:${tag}\n` : `Status: Image is up to date for ${repo}:${tag}\n`);
    }
    ctx.out.push(`docker.io/${path}:${tag}\n`);
  },
};

/** docker rmi / image rm IMAGE... (docker/cli cli/command/image/remove.go): per image its lines; errors collected. */
export const rmi: CommandDef = {
  path: 'rmi',
  aliases: ['image rm', 'image remove'],
  use: 'rmi [OPTIONS] IMAGE [IMAGE...]',
  short: 'Remove one or more images',
  args: { kind: 'min', n: 1 },
  flags: [
    { long: 'force', short: 'f', type: 'bool' },
    { long: 'no-prune', type: 'bool' },
    { long: 'platform', type: 'stringArray' },
  ],
  run(ctx, f, args) {
    const force = bool(f, 'force');
    const errs: string[] = [];
    let fatal = false;
    for (const ref of args) {
      try {
        for (const line of ctx.ctl.removeImage(ref, force)) ctx.out.push(`${line}\n`);
      } catch (e) {
        if (!(e instanceof CnmError)) throw e;
        if (e.kind !== 'not-found') fatal = true;
        errs.push(`Error response from daemon: ${e.message}`);
      }
    }
    if (!errs.length) return;
    // with --force, images that do not exist are only reported (docker exits 0)
    ctx.err.push(`${errs.join('\n')}\n`);
    if (!force || fatal) ctx.exitCode = 1;
  },
};
