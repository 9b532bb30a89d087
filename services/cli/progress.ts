/** A progress bar on stderr, drawn only when stderr is a TTY (contract), at most ten times a second. */
export interface Progress {
  tick(): void;
  done(): void;
}

export function createProgress(total: number | null, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return { tick() {}, done() {} };
  const started = Date.now();
  let count = 0;
  let drawn = 0;
  const draw = () => {
    const rate = count / Math.max(0.001, (Date.now() - started) / 1000);
    const width = 30;
    const bar = total ? '█'.repeat(Math.round((count / total) * width)).padEnd(width, '░') : '';
    const of = total ? `${count}/${total}` : String(count);
    stream.write(`\r${bar} ${of} messages, ${rate.toFixed(0)} msg/s `);
  };
  return {
    tick() {
      count++;
      const now = Date.now();
      if (now - drawn > 100) {
        drawn = now;
        draw();
      }
    },
    done() {
      draw();
      stream.write('\n');
    },
  };
}
