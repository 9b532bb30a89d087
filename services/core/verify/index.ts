export { verifyRendering, markerIntegrity, type VerifyDeps, type VerifyResult } from './verifyRendering.js';
export { verifyWithRerender, markerModeOf, type VerifiedRendering } from './rerender.js';
export { identities, recallPrecision, kendallTau, sceneCosine } from './compare.js';
