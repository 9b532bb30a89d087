/** Whether a Docker engine answers: an HTTP GET /_ping on its socket, never the docker client binary. */
import { request, type RequestOptions } from 'node:http';

/** DOCKER_HOST (unix:// or tcp://) when set, else the default socket. */
function pingTarget(env: NodeJS.ProcessEnv): RequestOptions {
  const host = env.DOCKER_HOST;
  if (host?.startsWith('tcp://')) {
    const url = new URL(host.replace(/^tcp:/, 'http:'));
    return { host: url.hostname, port: Number(url.port || 2375), path: '/_ping' };
  }
  const socketPath = host?.startsWith('unix://') ? host.slice('unix://'.length) : '/var/run/docker.sock';
  return { socketPath, path: '/_ping' };
}

export function dockerAnswers(env: NodeJS.ProcessEnv = process.env, timeoutMs = 2000): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ ...pingTarget(env), method: 'GET', timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
    req.end();
  });
}
