/**
 * The supernode overlay model, public API (re-exported by ./index as part of 'skype/simulations'):
 * the scaled-down 2006 network of supernodes in slots and blocks (overlayNetwork), the host cache
 * (overlayHostCache), login with its fallbacks (overlayLogin), a user search (overlaySearch) and
 * the 2012 move to Microsoft-hosted supernodes (overlayEras). Pure and deterministic for a seed.
 * Facts and their sources: src/data/networkFacts.ts; chapter: docs/02-network-architecture.mdx.
 */
export {OVERLAY_DEFAULTS, assertOverlaySeed, buildOverlay, supernodeEndpoint, type Overlay, type OverlayBlock, type OverlayClient, type OverlayOptions, type OverlaySlot, type OverlaySupernode} from './overlayNetwork';
export {
  HOST_CACHE_CAPACITY,
  HOST_CACHE_REPLY_SIZE,
  addToHostCache,
  bootstrapHostCache,
  simulateHostCacheFill,
  type HostCacheEntry,
  type HostCacheStage,
  type HostCacheStageKind,
  type HostCacheUpdate,
} from './overlayHostCache';
export {
  LOGIN_CONDITIONS,
  LOGIN_CONDITION_RULES,
  assertLoginCondition,
  loginTcpAllowed,
  loginUdpReplyArrives,
  simulateLogin,
  type LoginCondition,
  type LoginNetworkRules,
  type LoginOptions,
  type LoginOutcome,
  type LoginRun,
  type LoginStep,
  type LoginStepKind,
  type LoginStepResult,
  type LoginTransport,
} from './overlayLogin';
export {SEARCH_ROUND_SIZES, simulateSearch, type SearchOutcome, type SearchRun, type SearchStep, type SearchStepKind, type SearchStepResult} from './overlaySearch';
export {
  OVERLAY_ERAS,
  assertOverlayEra,
  compareOverlayEras,
  overlayEraProfile,
  type OverlayCitation,
  type OverlayClaimBasis,
  type OverlayEra,
  type OverlayEraProfile,
  type OverlayVisibility,
} from './overlayEras';
