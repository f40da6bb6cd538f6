// CloudFront Function (cloudfront-js-2.0), viewer request: serves the stable URLs from the current
// version. The KeyValueStore holds one key, `current`, which the publisher switches once a version
// is complete, so every stable URL moves to the new version at once. The rewritten path is the
// cache key, so a version's files can be cached for a year. Keep in step with lambda/serve/route.ts.
import cf from 'cloudfront';

const kvs = cf.kvs();
const POINTER_KEY = 'current';
const VERSION_ID = /^\d{8}T\d{6}Z-[0-9a-f]{12}$/;

// biome-ignore lint/correctness/noUnusedVariables: CloudFront calls `handler` by name.
async function handler(event) {
  return rewrite(event.request, kvs);
}

/** Pure: the request with its uri pointed at the current version, given a store with `get(key)`. */
async function rewrite(request, store) {
  const uri = request.uri;
  // manifest.json and feed.atom are the site's log (rollbacks make no version): served as they are.
  if (uri.indexOf('/versions/') === 0 || uri === '/manifest.json' || uri === '/feed.atom') return request;
  let version;
  try {
    version = await store.get(POINTER_KEY);
  } catch (_missing) {
    // Before the first publication there is no pointer: the stable objects are served as they are.
    return request;
  }
  if (!VERSION_ID.test(version)) return request;
  request.uri = `/versions/${version}${uri.endsWith('/') ? `${uri}index.html` : uri}`;
  return request;
}
