/** The movement of a scene: each component's phase, from the scene, its tension's arc, or its position. */
import { PHASES, type Phase, type Scene } from '../types.js';

export function phasesOf(scene: Scene): Phase[] {
  const n = scene.components.length;
  const arc = scene.tension?.arc ?? [];
  return scene.components.map((c, i) => c.phase ?? arc[i] ?? PHASES[Math.min(3, Math.floor((i * 4) / Math.max(1, n)))]!);
}
