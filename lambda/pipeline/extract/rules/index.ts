/**
 * Rules: what is a number but not a figure (ordinals and ranks, codes, clock times, periods,
 * norms such as 每季度一次, phase names and slogans) and the protected ranges (document numbers,
 * quoted titles) where no figure is taken. Each rule looks at a few characters around the
 * candidate only, so the scan stays linear.
 */
export { isExcluded } from './exclusions.ts';
export { findProtectedRanges, ProtectedCursor } from './protected-ranges.ts';
