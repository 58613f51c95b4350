import { readFile, stat } from 'node:fs/promises';
import { contentTypeFor, resolveStaticPath, UI_CONTENT_SECURITY_POLICY } from '../../core/host/static-path.ts';
import { APP_HOST, APP_SCHEME } from './trust.ts';

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': UI_CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
};

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}

/**
 * Answers one `app://desk/…` request from the built UI in `root`. Kept free of electron so the traversal
 * and header rules are tested in plain Node; protocol.ts only wires it to `protocol.handle`.
 */
export async function respondToAppRequest(request: Request, root: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return plain(404, 'Not found');
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username !== '' || url.password !== '') {
    return plain(404, 'Not found');
  }
  // URL parsing has folded literal `..` already; the guard still rejects encoded ones and absolute paths.
  const file = resolveStaticPath(root, url.pathname || '/');
  if (file === null) return plain(404, 'Not found');
  try {
    if (!(await stat(file)).isFile()) return plain(404, 'Not found');
    const body = request.method === 'HEAD' ? null : await readFile(file);
    return new Response(body, { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': contentTypeFor(file) } });
  } catch {
    return plain(404, 'Not found');
  }
}
