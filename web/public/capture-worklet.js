/* global AudioWorkletProcessor, registerProcessor */
// Runs on the audio thread: hands the microphone's samples to the page in blocks of 2048, so a
// busy page (the speech model runs there) never drops audio; messages wait in the port's queue.
class CaptureProcessor extends AudioWorkletProcessor {
  constructor() {
    super();
    this.block = new Float32Array(2048);
    this.filled = 0;
  }

  process(inputs) {
    const channel = inputs[0] && inputs[0][0];
    if (!channel) return true;
    for (let i = 0; i < channel.length; i++) {
      this.block[this.filled++] = channel[i];
      if (this.filled === this.block.length) {
        this.port.postMessage(this.block);
        this.block = new Float32Array(2048);
        this.filled = 0;
      }
    }
    return true;
  }
}

registerProcessor('loopcoach-capture', CaptureProcessor);
