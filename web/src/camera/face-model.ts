import type { FaceObservation } from '../../../src/core/camera/types.js';

/** The part of human's face result this app reads (human 3.3.6). */
interface HumanFace {
  score: number;
  boxRaw: [number, number, number, number];
  mesh: Array<[number, number, number]>;
  rotation?: { angle: { yaw: number; pitch: number; roll: number } } | null;
  /** The emotion model's scores, when it ran on this face. */
  emotion?: Array<{ score: number; emotion: string }>;
}
export interface HumanLike {
  load(): Promise<void>;
  detect(input: ImageBitmap): Promise<{ face: HumanFace[] }>;
}
type HumanModule = { Human: new (config: Record<string, unknown>) => HumanLike };

/** Mesh points (MediaPipe face mesh) of each eye's corners and lids, and its iris centre (478-point mesh). */
const EYES = [
  { corners: [33, 133], lids: [159, 145], iris: 468 },
  { corners: [362, 263], lids: [386, 374], iris: 473 },
] as const;

const RADIANS_TO_DEGREES = 180 / Math.PI;

/**
 * human (MIT, vendored from this server under `base`, e.g. /camera/) on tfjs's WebAssembly backend,
 * the only one fast enough without a GPU (about 40 ms a 640×480 frame on 2 cores; webgl falls back
 * to a software renderer at about 1 s). Face detector, mesh, iris and emotion only.
 */
export async function loadHuman(base: string): Promise<HumanLike> {
  const { Human } = (await import(/* @vite-ignore */ `${base}human.esm.js`)) as HumanModule;
  const human = new Human({
    backend: 'wasm',
    wasmPath: base,
    modelBasePath: base,
    debug: false,
    async: true,
    warmup: 'none',
    cacheModels: false,
    // skip the detector on frames that barely changed (measured: 34 ms instead of 42 a frame)
    cacheSensitivity: 0.7,
    filter: { enabled: true, equalization: false, flip: false },
    face: {
      enabled: true,
      detector: { modelPath: 'blazeface.json', rotation: false, maxDetected: 1, return: false },
      mesh: { enabled: true, modelPath: 'facemesh.json' },
      iris: { enabled: true, modelPath: 'iris.json' },
      // Only "happy" is read (smiling, informational); the model runs at most every 1.5 s, reusing its last answer between.
      emotion: { enabled: true, modelPath: 'emotion.json', minConfidence: 0, skipFrames: 12, skipTime: 1500 },
      description: { enabled: false },
      antispoof: { enabled: false },
      liveness: { enabled: false },
      attention: { enabled: false },
      gear: { enabled: false },
    },
    body: { enabled: false },
    hand: { enabled: false },
    object: { enabled: false },
    gesture: { enabled: false },
    segmentation: { enabled: false },
  });
  await human.load();
  return human;
}

/** Where the iris sits inside the eye, averaged over both eyes (0.5: centred; v grows looking down). */
function irisPosition(mesh: HumanFace['mesh']): { irisH: number; irisV: number } | undefined {
  if (mesh.length < 478) return undefined;
  const parts = EYES.map(({ corners, lids, iris }) => {
    const [a, b] = [mesh[corners[0]]!, mesh[corners[1]]!];
    const [up, down] = [mesh[lids[0]]!, mesh[lids[1]]!];
    const centre = mesh[iris]!;
    const left = Math.min(a[0], b[0]);
    const width = Math.abs(a[0] - b[0]);
    const height = down[1] - up[1];
    return { h: width > 0 ? (centre[0] - left) / width : 0.5, v: height > 0 ? (centre[1] - up[1]) / height : 0.5 };
  });
  return { irisH: (parts[0]!.h + parts[1]!.h) / 2, irisV: (parts[0]!.v + parts[1]!.v) / 2 };
}

/** Mean luma (0..255) of the box (fractions of the frame) in a small copy of the frame. */
function boxBrightness(pixels: ImageData, box: FaceObservation['box']): number {
  const x0 = Math.max(0, Math.floor(box.x * pixels.width));
  const y0 = Math.max(0, Math.floor(box.y * pixels.height));
  const x1 = Math.min(pixels.width, Math.ceil((box.x + box.width) * pixels.width));
  const y1 = Math.min(pixels.height, Math.ceil((box.y + box.height) * pixels.height));
  let sum = 0;
  let n = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * pixels.width + x) * 4;
      sum += 0.299 * pixels.data[i]! + 0.587 * pixels.data[i + 1]! + 0.114 * pixels.data[i + 2]!;
      n++;
    }
  }
  return n > 0 ? sum / n : 0;
}

const thumb = new OffscreenCanvas(80, 60);

/** The emotion model's "happy" score (0..1), the one emotion it reads reliably; nothing when the model gave no scores. */
function happyScore(face: HumanFace): { happy?: number } {
  if (!face.emotion || face.emotion.length === 0) return {};
  return { happy: face.emotion.find((e) => e.emotion === 'happy')?.score ?? 0 };
}

/** The face human finds in one frame, as the camera report's observation; undefined when there is none. */
export async function observeFace(human: HumanLike, frame: ImageBitmap): Promise<FaceObservation | undefined> {
  const face = (await human.detect(frame)).face[0];
  if (!face) return undefined;
  const [x, y, width, height] = face.boxRaw;
  const box = { x, y, width, height };
  const context = thumb.getContext('2d', { willReadFrequently: true })!;
  context.drawImage(frame, 0, 0, thumb.width, thumb.height);
  const angle = face.rotation?.angle ?? { yaw: 0, pitch: 0, roll: 0 };
  return {
    box,
    confidence: face.score,
    yawDeg: angle.yaw * RADIANS_TO_DEGREES,
    pitchDeg: angle.pitch * RADIANS_TO_DEGREES,
    rollDeg: angle.roll * RADIANS_TO_DEGREES,
    ...irisPosition(face.mesh),
    brightness: boxBrightness(context.getImageData(0, 0, thumb.width, thumb.height), box),
    ...happyScore(face),
  };
}
