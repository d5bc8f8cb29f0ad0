// The webhook route writes one JSON line per delivery to stdout; hundreds of them would bury the
// test output. Tests that check the line spy on process.stdout.write themselves.
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = ((chunk: unknown, ...rest: unknown[]) =>
  typeof chunk === "string" && chunk.startsWith('{"event":"webhook"')
    ? true
    : write(chunk as string, ...(rest as []))) as typeof process.stdout.write;
