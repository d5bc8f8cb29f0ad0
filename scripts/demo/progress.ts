/** A one-line progress bar on a TTY; a few plain lines otherwise (CI logs). */
export function progressBar(label: string, total: number) {
  const tty = process.stdout.isTTY;
  let lastPrinted = -1;
  return {
    update(done: number) {
      const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
      if (tty) {
        const width = 30;
        const filled = Math.round((percent / 100) * width);
        process.stdout.write(
          `\r${label} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total} (${percent}%)`,
        );
        if (done === total) process.stdout.write("\n");
      } else if (percent >= lastPrinted + 25 || done === total) {
        lastPrinted = percent;
        console.log(`${label}: ${done}/${total} (${percent}%)`);
      }
    },
  };
}
