import { isVersionId, POINTER_KEY } from '../contract/index.ts';
import type { Store } from '../stores/store.ts';

/** Where readers of the stable URLs learn the current version: switching it switches the site at once. */
export interface VersionPointer {
  /** For messages: a file, a CloudFront KeyValueStore. */
  readonly name: string;
  switchTo(version: string): Promise<void>;
}

export async function readStorePointer(store: Store): Promise<string | undefined> {
  const bytes = await store.get(POINTER_KEY);
  if (!bytes) return undefined;
  try {
    const version = JSON.parse(new TextDecoder().decode(bytes)).version;
    return isVersionId(version) ? version : undefined;
  } catch {
    return undefined;
  }
}

export function pointerBody(version: string): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify({ version })}\n`);
}
