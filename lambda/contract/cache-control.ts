/** Versioned paths never change, so browsers and CloudFront may keep them for a year. */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';

/**
 * Stable URLs change when the data does, so caches keep them briefly; CloudFront invalidates the
 * changed ones at once.
 */
export const STABLE_CACHE_CONTROL = 'public, max-age=300';

/** The publisher's control files (pointer, marker, abandoned list) are read afresh, never from a cache. */
export const NO_STORE = 'no-store';
