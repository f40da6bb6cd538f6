import { TEMPORARY_FILE } from '../contract/index.ts';

/** What `serve` makes of a request target before it looks at the folder. */
export type RequestPath =
  /** A decoded path of safe segments, starting with `/`. */
  | { kind: 'path'; pathname: string }
  /** Not a request target at all (`http://[`, bad percent-encoding, a NUL): 400. */
  | { kind: 'bad' }
  /** A well-formed path that can name no published file (a dot segment, a dot file, `//`): 404. */
  | { kind: 'refused' };

/**
 * The path a request target names, decoded segment by segment. Origin-form (`/a/b`) and absolute-form
 * (`http://host/a/b`, what proxies send) are accepted; anything else is bad. A path is refused when a
 * segment is empty (but the last, a folder), `.` or `..`, starts with a dot (`.git`, `.publish.lock`),
 * holds a slash or backslash once decoded, or is a temporary file: no published file has such a
 * name, and this is what keeps every dot file unserved whatever `current.json` says.
 */
export function parseRequestPath(target: string | undefined): RequestPath {
  const raw = rawPathname(target ?? '');
  if (raw === undefined) return { kind: 'bad' };
  const segments = raw.slice(1).split('/');
  const decoded: string[] = [];
  for (const [index, segment] of segments.entries()) {
    let text: string;
    try {
      text = decodeURIComponent(segment);
    } catch {
      return { kind: 'bad' };
    }
    if (text.includes('\0')) return { kind: 'bad' };
    const last = index === segments.length - 1;
    if (text === '' && !last) return { kind: 'refused' };
    if (text.startsWith('.') || /[/\\]/.test(text) || TEMPORARY_FILE.test(text)) return { kind: 'refused' };
    decoded.push(text);
  }
  return { kind: 'path', pathname: `/${decoded.join('/')}` };
}

/** The path of the target, still encoded and without its query; undefined when it is not one. */
function rawPathname(target: string): string | undefined {
  if (target.startsWith('/')) return target.replace(/[?#].*$/s, '');
  if (!/^https?:\/\//i.test(target)) return undefined;
  try {
    // Only the path is read: the host of an absolute-form target is the client's business.
    return new URL(target).pathname;
  } catch {
    return undefined;
  }
}
