import { useEffect, useState } from 'react';

/** A live microphone level for the device check (a preview only: nothing here is recorded). */
export function MicMeter({ stream }: { stream: MediaStream }) {
  const [level, setLevel] = useState(0);
  useEffect(() => {
    const context = new AudioContext();
    const analyser = context.createAnalyser();
    analyser.fftSize = 1024;
    context.createMediaStreamSource(stream).connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    const timer = setInterval(() => {
      analyser.getFloatTimeDomainData(samples);
      const rms = Math.sqrt(samples.reduce((sum, s) => sum + s * s, 0) / samples.length);
      setLevel(Math.min(1, rms * 4));
    }, 100);
    return () => {
      clearInterval(timer);
      void context.close();
    };
  }, [stream]);
  const percent = Math.round(level * 100);
  return (
    <div className="meter-row">
      <span id="mic-meter-label">Microphone</span>
      <meter aria-labelledby="mic-meter-label" min={0} max={100} low={5} value={percent} className="meter" />
      <span className="muted">{percent > 3 ? 'We can hear you' : 'Say something…'}</span>
    </div>
  );
}
