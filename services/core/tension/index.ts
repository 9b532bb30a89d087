export { classifyTension, type SceneVectors, type TensionResult } from './classify.js';
export {
  trainTensionModel,
  centre,
  PHASE_CLASSES,
  DEFAULT_TENSION_TRAINING,
  type TensionModel,
  type TrainingItem,
  type PhaseClass,
  type TensionTrainingOptions,
} from './model.js';
export { parseTrainingSet, type TrainingRow } from './training-set.js';
export { predict, trainSoftmax, type SoftmaxHead } from './softmax.js';
