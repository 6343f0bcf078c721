// `preinstall`: installs are engine-strict. Plain JavaScript, any Node.
const major = Number(process.versions.node.split('.')[0]);
if (major !== 24) {
  console.error(
    `tack: dependencies must be installed with Node 24 (this is Node ${process.versions.node}). ` +
      'Run `npm start` or `npm test`: they fetch Node 24 into .tools/ and install with it.',
  );
  process.exit(1);
}
