export { ConfigError, loadConfig, type Config } from './env.js';
export { runServer, type RunningServer } from './run-server.js';
export { createServer, type Server, type ServerOptions } from './server.js';
