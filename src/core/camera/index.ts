export { measureCamera, type CameraInput } from './report.js';
export { calibrateBaseline, attentionOf, isWellFramed, UNCALIBRATED_BASELINE } from './attention.js';
export { defaultCameraParameters, type CameraParameters } from './params.js';
export {
  CAMERA_CODES,
  type Attention,
  type CameraBaseline,
  type CameraCode,
  type CameraFinding,
  type CameraFrame,
  type CameraReliability,
  type CameraReport,
  type FaceBox,
  type FaceObservation,
  type LookAway,
  type Moment,
} from './types.js';
export { cameraMeasures, cameraTrend, meanCameraMeasures, type CameraMeasures, type CameraTrend, type DatedCamera } from './trend.js';
