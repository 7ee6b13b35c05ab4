import type { Command } from 'commander';
import type { Delivery } from '../../core/delivery/types.js';
import { printJson, type CliIo } from '../output.js';

interface TranscribeFlags {
  json?: boolean;
}

/** `loopcoach transcribe <audio> [--json]`: transcript, timed segments and delivery, on this machine. */
export function registerTranscribe(program: Command, io: CliIo, run: (task: () => Promise<void>) => Promise<void>): void {
  program
    .command('transcribe')
    .description('transcribe a spoken answer (WAV, WebM/Opus or Ogg/Opus) on this machine and report its delivery')
    .argument(
      '<audio>',
      'recording: WAV (8/16/24-bit PCM or float, any sample rate, mono or stereo), or a browser recording (WebM/Opus, Ogg/Opus); up to 10 minutes',
    )
    .option('--json', 'print { transcript, segments, delivery } as JSON')
    .action((audio: string, flags: TranscribeFlags) =>
      run(async () => {
        const { readAudioFile, transcribeAudio } = await import('../../services/speech.service.js');
        const analysis = await transcribeAudio(readAudioFile(audio));
        if (flags.json) printJson(io, analysis);
        else io.out([analysis.transcript, '', formatDelivery(analysis.delivery)].join('\n'));
      }),
    );
}

/** A readable view of the delivery report for the terminal. */
export function formatDelivery(delivery: Delivery): string {
  const fillers = delivery.fillers.map((f) => `${f.word} ×${f.count}`).join(', ') || 'none';
  const lines = [
    'Delivery',
    `  ${delivery.durationSec.toFixed(1)} s recorded, ${delivery.speakingSec.toFixed(1)} s speaking, ${Math.round(delivery.wordsPerMinute)} words a minute`,
    `  long pauses (over 1.5 s): ${delivery.pauses.length === 0 ? 'none' : delivery.pauses.map((p) => `${p.startSec.toFixed(1)}–${p.endSec.toFixed(1)} s`).join(', ')}`,
    `  fillers (approximate): ${fillers}`,
    `  pitch variation ${delivery.pitchVariationSemitones.toFixed(1)} semitones, loudness ${Math.round(delivery.loudnessDb)} dBFS`,
  ];
  for (const f of delivery.findings) lines.push(`  [${f.code}] at ${formatClock(f.atSec)}: ${f.message}`);
  return lines.join('\n');
}

function formatClock(seconds: number): string {
  const m = Math.floor(seconds / 60);
  return `${m}:${(seconds - m * 60).toFixed(1).padStart(4, '0')}`;
}
