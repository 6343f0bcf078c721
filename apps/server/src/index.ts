export { buildApp, trustedOrigins } from './app.ts';
export { type Config, ConfigError, loadConfig } from './config.ts';
export { STATUS } from './errors.ts';
export { createServices, type Services } from './services.ts';
export { freePort, PortInUseError, type RunningServer, startServer } from './start.ts';
export { VERSION } from './version.ts';
