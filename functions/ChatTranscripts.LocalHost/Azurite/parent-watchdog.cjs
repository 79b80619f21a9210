// Stops Azurite once the .NET process that owns it is gone, however it ended, through Azurite's own shutdown:
// it saves its data on the way (a plain exit loses the writes of the last few seconds). Then exits as soon as
// its three services report closed, rather than waiting for clients' open connections, or after a minute.
const owner = Number(process.env.CHATTRANSCRIPTS_AZURITE_PARENT_PID);
// Whoever read the output may be gone: a write to a closed pipe must not crash Azurite before it has saved.
process.stdout.on('error', () => {});
process.stderr.on('error', () => {});
let stopping = false;
// Kept, and registered before Azurite's own once-handlers: a second signal must not kill Azurite mid-save.
process.on('SIGTERM', () => { stopping = true; });
process.on('SIGINT', () => { stopping = true; });
let closed = 0;
const log = console.log.bind(console);
console.log = (...args) => {
  log(...args);
  if (stopping && / service successfully closed$/.test(String(args[0])) && ++closed === 3) { process.exit(0); }
};
if (owner > 0) {
  // A child notices its parent's death by being adopted, which survives the reuse of the parent's id.
  const child = process.ppid === owner;
  let exitScheduled = false;
  setInterval(() => {
    let alive = !child || process.ppid === owner;
    if (alive) {
      try { process.kill(owner, 0); } catch { alive = false; }
    }
    if (!alive && !exitScheduled) {
      exitScheduled = true;
      setTimeout(() => process.exit(0), 60000).unref();
      if (!stopping) { process.kill(process.pid, 'SIGTERM'); }
    }
  }, 1000).unref();
}
