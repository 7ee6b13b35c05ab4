// Test-only page code for the camera browser tests (bundled with Vite at test time, served to the
// test page only, never shipped): finds faces in the sample photos, draws fixture scenes on a
// canvas (crop, shift, scale, dim, nobody), and steps them frame by frame through the product's
// FaceAnalyser, so each scene gets deterministic per-frame observations.
import type { CameraFrame } from '../src/core/camera/types.js';
import { CameraWatcher } from '../web/src/camera/camera-watcher.js';
import { FaceAnalyser } from '../web/src/camera/face-analyser.js';

export const WIDTH = 640;
export const HEIGHT = 480;

/** The scenes of the fixture clip, each a few seconds long. */
export type Scene = 'camera' | 'down' | 'turned' | 'nobody' | 'half-out' | 'dim' | 'fidget';

interface PhotoFace {
  photo: number;
  box: [number, number, number, number];
  yawDeg: number;
  pitchDeg: number;
  score: number;
}

const photos: HTMLImageElement[] = [];
const cast: Partial<Record<'frontal' | 'down' | 'turned', PhotoFace>> = {};
let analyser: FaceAnalyser | undefined;

async function loadImage(src: string): Promise<HTMLImageElement> {
  const image = new Image();
  image.src = src;
  await image.decode();
  return image;
}

/** Every face human finds in the photos (given as data: URLs), with its head pose. */
async function facesIn(): Promise<PhotoFace[]> {
  const base = new URL('camera/', document.baseURI).href;
  const { Human } = (await import(/* @vite-ignore */ `${base}human.esm.js`)) as {
    Human: new (c: object) => {
      load(): Promise<void>;
      detect(
        i: HTMLCanvasElement,
      ): Promise<{ face: Array<{ score: number; box: [number, number, number, number]; rotation?: { angle: { yaw: number; pitch: number } } }> }>;
    };
  };
  const human = new Human({
    backend: 'wasm',
    wasmPath: base,
    modelBasePath: base,
    debug: false,
    warmup: 'none',
    cacheSensitivity: 0,
    face: {
      detector: { modelPath: 'blazeface.json', maxDetected: 30, rotation: false },
      mesh: { modelPath: 'facemesh.json' },
      iris: { modelPath: 'iris.json' },
      emotion: { enabled: false },
      description: { enabled: false },
      antispoof: { enabled: false },
      liveness: { enabled: false },
    },
    body: { enabled: false },
    hand: { enabled: false },
    object: { enabled: false },
    gesture: { enabled: false },
    segmentation: { enabled: false },
  });
  await human.load();
  const found: PhotoFace[] = [];
  for (const [photo, image] of photos.entries()) {
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    canvas.getContext('2d')!.drawImage(image, 0, 0);
    for (const face of (await human.detect(canvas)).face) {
      const angle = face.rotation?.angle ?? { yaw: 0, pitch: 0 };
      found.push({ photo, box: face.box, score: face.score, yawDeg: (angle.yaw * 180) / Math.PI, pitchDeg: (angle.pitch * 180) / Math.PI });
    }
  }
  return found;
}

/** Loads the photos and picks the cast: a frontal face, one looking down, one with the head turned. */
export async function prepare(photoUrls: string[]): Promise<Record<string, PhotoFace | undefined>> {
  for (const url of photoUrls) photos.push(await loadImage(url));
  const faces = (await facesIn()).filter((f) => f.score > 0.7 && f.box[2] >= 70);
  const best = (score: (f: PhotoFace) => number, keep: (f: PhotoFace) => boolean) => faces.filter(keep).sort((a, b) => score(b) - score(a))[0];
  cast.frontal = best(
    (f) => -Math.abs(f.yawDeg) - Math.abs(f.pitchDeg) + f.box[2] / 100,
    () => true,
  );
  cast.down = best(
    (f) => f.pitchDeg,
    (f) => Math.abs(f.yawDeg) < 15,
  );
  cast.turned = best(
    (f) => Math.abs(f.yawDeg),
    (f) => f.pitchDeg < 12 && f.pitchDeg > -8,
  );
  analyser = await FaceAnalyser.create();
  return { ...cast };
}

/** Draws one face of the cast on a blurred background, its face about `faceShare` of the frame wide. */
function drawFace(context: CanvasRenderingContext2D, face: PhotoFace, centreX: number, centreY: number, faceShare: number, rollDeg = 0): void {
  const image = photos[face.photo]!;
  const [x, y, w, h] = face.box;
  const scale = (faceShare * WIDTH) / w;
  const cropW = w * 2.2;
  const cropH = h * 2.4;
  const sx = x + w / 2 - cropW / 2;
  const sy = y + h / 2 - cropH / 2;
  context.save();
  context.translate(centreX, centreY);
  context.rotate((rollDeg * Math.PI) / 180);
  context.beginPath();
  context.ellipse(0, 0, (cropW * scale) / 2, (cropH * scale) / 2, 0, 0, 2 * Math.PI);
  context.clip();
  context.drawImage(image, sx, sy, cropW, cropH, (-cropW * scale) / 2, (-cropH * scale) / 2, cropW * scale, cropH * scale);
  context.restore();
}

/** One frame of a scene at `t` seconds into it. */
export function drawScene(canvas: HTMLCanvasElement, scene: Scene, t: number): void {
  canvas.width = WIDTH;
  canvas.height = HEIGHT;
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.filter = 'blur(16px) brightness(0.8)';
  context.drawImage(photos[0]!, 0, 0, photos[0]!.naturalWidth / 3, photos[0]!.naturalHeight / 3, -20, -20, WIDTH + 40, HEIGHT + 40);
  context.filter = 'none';
  const frontal = cast.frontal!;
  if (scene === 'camera' || scene === 'dim') drawFace(context, frontal, WIDTH / 2, HEIGHT * 0.48, 0.3);
  if (scene === 'down') drawFace(context, cast.down!, WIDTH / 2, HEIGHT * 0.48, 0.3);
  if (scene === 'turned') drawFace(context, cast.turned!, WIDTH / 2, HEIGHT * 0.48, 0.3);
  if (scene === 'half-out') drawFace(context, frontal, WIDTH * 0.98, HEIGHT * 0.48, 0.3);
  if (scene === 'fidget')
    drawFace(
      context,
      frontal,
      WIDTH / 2 + 70 * Math.sin(2 * Math.PI * 0.7 * t),
      HEIGHT * 0.48 + 25 * Math.sin(2 * Math.PI * 1.1 * t),
      0.3,
      9 * Math.sin(2 * Math.PI * 0.9 * t),
    );
  if (scene === 'dim') {
    context.fillStyle = 'rgba(0, 0, 0, 0.78)';
    context.fillRect(0, 0, WIDTH, HEIGHT);
  }
}

/** Steps a scene at `fps` for `seconds` through the product's analyser: one observation a frame. */
export async function analyseScene(scene: Scene, seconds: number, fps: number): Promise<CameraFrame[]> {
  const canvas = document.createElement('canvas');
  const frames: CameraFrame[] = [];
  for (let i = 0; i < seconds * fps; i++) {
    const atSec = i / fps;
    drawScene(canvas, scene, atSec);
    const face = await analyser!.observe(canvas);
    frames.push(face ? { atSec, face } : { atSec });
  }
  return frames;
}

/** One frame of a scene as RGBA bytes, base64 (for the fake camera's y4m file). */
export function sceneFrame(scene: Scene, t: number): string {
  const canvas = document.createElement('canvas');
  drawScene(canvas, scene, t);
  const bytes = new Uint8Array(canvas.getContext('2d')!.getImageData(0, 0, WIDTH, HEIGHT).data.buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * The product's camera loop on the (fake) camera for `seconds`: time to open the camera and load
 * the face model, frames analysed a second (capped at 8), and the analysis time of one frame.
 */
export async function watchCamera(seconds: number): Promise<{ openMs: number; fps: number; msPerFrame: number; faces: number; frames: number }> {
  const video = document.createElement('video');
  document.body.append(video);
  let t = performance.now();
  const watcher = await CameraWatcher.open(video);
  const openMs = performance.now() - t;
  watcher.begin();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const frames = await watcher.end();
  const single = await FaceAnalyser.create();
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    t = performance.now();
    await single.observe(video);
    times.push(performance.now() - t);
    await new Promise((resolve) => setTimeout(resolve, 70));
  }
  watcher.close();
  times.sort((a, b) => a - b);
  return { openMs, fps: frames.length / seconds, msPerFrame: times[10]!, faces: frames.filter((f) => f.face).length, frames: frames.length };
}

(globalThis as unknown as { cameraHarness: unknown }).cameraHarness = { prepare, analyseScene, sceneFrame, watchCamera };
